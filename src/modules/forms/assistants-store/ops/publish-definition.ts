import type { Database } from '../../../../platform/db/database.ts';
import type { AssistantDefinition } from '../../definition/types.ts';

/**
 * Publishes one validated definition as `id@version`. An existing version is never overwritten
 * (drafts rely on it staying the same); returns false when that version was already published.
 */
export async function publishDefinition(database: Database, definition: AssistantDefinition): Promise<boolean> {
  const inserted = await database.db
    .insertInto('assistant_versions')
    .values({ assistant_id: definition.id, version: definition.version, definition: JSON.stringify(definition) })
    .onConflict((oc) => oc.columns(['assistant_id', 'version']).doNothing())
    .returning('version')
    .executeTakeFirst();
  return inserted !== undefined;
}

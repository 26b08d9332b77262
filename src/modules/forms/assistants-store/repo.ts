import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { AssistantDefinition } from '../definition/types.ts';
import { compareVersions } from './semver.ts';

/** Published versions never change, so a definition once read is kept per database. */
const caches = new WeakMap<Database, Map<string, AssistantDefinition>>();

function cacheOf(database: Database): Map<string, AssistantDefinition> {
  let cache = caches.get(database);
  if (!cache) {
    cache = new Map();
    caches.set(database, cache);
  }
  return cache;
}

/** One published version of an assistant, or undefined. */
export async function findPublishedDefinition(
  database: Database,
  assistantId: string,
  version: string,
  /** The caller's transaction, if it holds one (on PGlite a second query outside it would wait for it). */
  executor: Kysely<DB> = database.db,
): Promise<AssistantDefinition | undefined> {
  const key = `${assistantId}@${version}`;
  const cache = cacheOf(database);
  const cached = cache.get(key);
  if (cached) return cached;
  const row = await executor
    .selectFrom('assistant_versions')
    .select('definition')
    .where('assistant_id', '=', assistantId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) return undefined;
  const definition = (
    typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition
  ) as AssistantDefinition;
  cache.set(key, definition);
  return definition;
}

/** The highest published version (semantic order) of an assistant, or undefined when none is published. */
export async function latestPublishedVersion(database: Database, assistantId: string): Promise<string | undefined> {
  const rows = await database.db
    .selectFrom('assistant_versions')
    .select('version')
    .where('assistant_id', '=', assistantId)
    .execute();
  return rows
    .map((row) => row.version)
    .sort(compareVersions)
    .at(-1);
}

/** The latest published definition of an assistant, for new drafts and start pages. */
export async function latestPublishedDefinition(
  database: Database,
  assistantId: string,
): Promise<AssistantDefinition | undefined> {
  const version = await latestPublishedVersion(database, assistantId);
  return version === undefined ? undefined : findPublishedDefinition(database, assistantId, version);
}

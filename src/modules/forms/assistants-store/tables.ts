import type { Generated } from 'kysely';

/** One published, immutable version of an assistant definition (shared by every tenant). */
export interface AssistantVersionsTable {
  assistant_id: string;
  version: string;
  /** The validated definition; written as a JSON string, read back as an object. */
  definition: unknown;
  published_at: Generated<Date>;
}

export interface AssistantStoreTables {
  assistant_versions: AssistantVersionsTable;
}

import type { ColumnType, Generated } from 'kysely';

export type JobState = 'pending' | 'running' | 'done' | 'dead';

/** A timestamp column that the database can default on insert. */
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** Row type of `jobs` (migrations/0002_jobs.sql). Cross-tenant: `tenant_id` is only for reporting. */
export interface JobsTable {
  id: Generated<number>;
  kind: string;
  tenant_id: string | null;
  payload: unknown;
  state: Generated<JobState>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  run_at: DefaultedTimestamp;
  locked_by: string | null;
  locked_until: Date | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
  finished_at: Date | null;
}

export interface JobTables {
  jobs: JobsTable;
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.ts';
import { enqueueDuePeriodicJobs } from './schedule.ts';

describe('periodic jobs', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.cleanup());

  it('creates one job per interval however often and by how many processes it ticks', async () => {
    const jobs = [{ kind: 'test.hourly', everyMs: 3_600_000 }];
    const at = (iso: string) => new Date(iso);
    const first = await Promise.all([
      enqueueDuePeriodicJobs(t.database, jobs, at('2026-11-30T10:05:00Z')),
      enqueueDuePeriodicJobs(t.database, jobs, at('2026-11-30T10:20:00Z')),
      enqueueDuePeriodicJobs(t.database, jobs, at('2026-11-30T10:59:59Z')),
    ]);
    expect(first.reduce((a, b) => a + b)).toBe(1);
    expect(await enqueueDuePeriodicJobs(t.database, jobs, at('2026-11-30T11:00:00Z'))).toBe(1);
    const rows = await t.database.db.selectFrom('jobs').select('kind').where('kind', '=', 'test.hourly').execute();
    expect(rows).toHaveLength(2);
  });
});

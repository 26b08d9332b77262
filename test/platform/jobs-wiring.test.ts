import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildJobRegistry, periodicJobs } from '../../src/jobs.ts';
import { enqueueDuePeriodicJobs, getJob, Worker } from '../../src/platform/jobs/index.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

describe('job wiring of sac serve / sac worker', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('registers a handler for every periodic job and the confirmation mail', () => {
    const kinds = buildJobRegistry(t.deps).kinds();
    expect(kinds).toContain('submission.confirmation-mail');
    for (const job of periodicJobs) expect(kinds).toContain(job.kind);
  });

  it('runs the periodic housekeeping jobs to completion', async () => {
    await enqueueDuePeriodicJobs(t.testDb.database, periodicJobs, t.clock.now());
    const worker = new Worker(t.testDb.database, buildJobRegistry(t.deps), { clock: t.clock, heartbeatMs: false });
    let ran = 0;
    for (let claimed = await worker.runOnce(); claimed > 0; claimed = await worker.runOnce()) ran += claimed;
    expect(ran).toBe(periodicJobs.length);
    const rows = await t.testDb.database.db.selectFrom('jobs').select(['id', 'state']).execute();
    for (const row of rows) expect((await getJob(t.testDb.database.db, row.id))?.state).toBe('done');
  });
});

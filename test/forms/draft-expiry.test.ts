import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildJobRegistry, periodicJobs } from '../../src/jobs.ts';
import { shippedAssistantsDir } from '../../src/modules/forms/assistants-store/ops/publish-shipped-assistants.ts';
import type { AssistantDefinition } from '../../src/modules/forms/definition/types.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { scoped } from '../../src/platform/db/scope.ts';
import type { Job } from '../../src/platform/jobs/index.ts';
import { Browser, createTestApp, type TestApp } from '../helpers/app.ts';
import type { FormsApp } from './forms-app.ts';
import { completeJourney, postPage, startDraft } from './journey.ts';

const DAY = 86_400_000;
const hundeabmeldung = JSON.parse(
  readFileSync(path.join(shippedAssistantsDir, 'hundeabmeldung.json'), 'utf8'),
) as AssistantDefinition;
const firstStep = { hundName: 'Bello', transponder: '276098106543210', gefaehrlich: 'nein' };

describe('drafts.expire: expired open drafts are deleted', () => {
  // The journey helpers answer dates relative to 2026-03-10.
  const clock = new ManualClock('2026-03-10T09:00:00Z');
  let app: TestApp;
  let tenantId: string;

  beforeAll(async () => {
    app = await createTestApp({ clock });
    tenantId = app.tenantIds.get('magdeburg')!;
    // The demo app publishes the shipped assistants on ready; magdeburg offers the Hundeabmeldung online.
    const db = app.deps.database.db;
    const service = await db
      .insertInto('services')
      .values({ leika_key: '99000009900001', slug: 'test-hundeabmeldung', name: 'Test Hundeabmeldung' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await scoped(db, tenantId)
      .insertInto('offerings', { service_id: service.id, online: true, assistant_id: 'hundeabmeldung' })
      .execute();
  });
  afterAll(() => app?.close());

  /** A draft saved with "Zwischenspeichern": its id and its resume link. */
  async function savedDraft(): Promise<{ id: string; resumePath: string }> {
    const browser = new Browser(app.app);
    const stepUrl = await startDraft(browser, 'magdeburg', 'hundeabmeldung');
    const saved = await postPage(browser, stepUrl, { ...firstStep, aktion: 'speichern' });
    expect(saved.statusCode).toBe(200);
    const resumePath = /(\/magdeburg\/antrag\/fortsetzen\/[A-Za-z0-9_-]+)/.exec(saved.body)?.[1];
    if (!resumePath) throw new Error('no resume link on the saved page');
    const id = stepUrl.split('/')[4]!;
    return { id, resumePath };
  }

  async function draftRow(id: string) {
    return scoped(app.deps.database.db, tenantId)
      .selectFrom('drafts')
      .select(['id', 'status', 'expires_at'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async function runJob(): Promise<void> {
    const job = buildJobRegistry(app.deps).get('drafts.expire');
    expect(job).toBeDefined();
    await job!.handler({}, { job: {} as Job, signal: new AbortController().signal, now: clock.now() });
  }

  it('is registered and scheduled', () => {
    expect(buildJobRegistry(app.deps).kinds()).toContain('drafts.expire');
    expect(periodicJobs.map((p) => p.kind)).toContain('drafts.expire');
  });

  it('deletes an expired open draft (its resume link then answers 404), keeps a fresh and a submitted one', async () => {
    const expired = await savedDraft();
    expect((await new Browser(app.app).get(expired.resumePath)).statusCode).toBe(200);

    const journey = await completeJourney(app as unknown as FormsApp, new Browser(app.app), hundeabmeldung, {
      table: { transponder: '276098106543210' },
    });
    const submittedId = journey.draftUrl.split('/')[4]!;
    expect((await draftRow(submittedId))?.status).toBe('submitted');

    // Past the retention of the first two drafts; a third draft is started now.
    clock.advance((app.config.draftTtlDays + 1) * DAY);
    const fresh = await savedDraft();
    // Make sure the submitted draft is past its expiry too: only its submission keeps it.
    await scoped(app.deps.database.db, tenantId)
      .updateTable('drafts')
      .set({ expires_at: new Date(clock.now().getTime() - DAY) })
      .where('id', '=', submittedId)
      .execute();
    expect((await draftRow(expired.id))!.expires_at.getTime()).toBeLessThan(clock.now().getTime());

    await runJob();

    expect(await draftRow(expired.id)).toBeUndefined();
    expect((await new Browser(app.app).get(expired.resumePath)).statusCode).toBe(404);
    expect(await draftRow(fresh.id)).toBeDefined();
    expect((await new Browser(app.app).get(fresh.resumePath)).statusCode).toBe(200);
    expect((await draftRow(submittedId))?.status).toBe('submitted');

    // Running again changes nothing.
    await runJob();
    expect(await draftRow(fresh.id)).toBeDefined();
    expect(await draftRow(submittedId)).toBeDefined();
  });
});

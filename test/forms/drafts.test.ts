import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishDefinition } from '../../src/modules/forms/assistants-store/ops/publish-definition.ts';
import { scoped } from '../../src/platform/db/scope.ts';
import { Browser, csrfFrom } from '../helpers/app.ts';
import { createFormsApp, exampleWithEmail, type FormsApp } from './forms-app.ts';
import { completeJourney, halterAnswers, location, postPage, startDraft } from './journey.ts';

const halter = { ...halterAnswers, email: 'erika@example.org' };

function savedLinkAndCode(html: string): { path: string; code: string } {
  const link = /href="http:\/\/localhost:\d+(\/magdeburg\/antrag\/fortsetzen\/[A-Za-z0-9_-]+)"/.exec(html)?.[1];
  const code = /<strong class="sac-reference">([2-9A-Z]{4}-[2-9A-Z]{4})<\/strong>/.exec(html)?.[1];
  if (!link || !code) throw new Error('no resume link or code on the page');
  return { path: link, code };
}

describe('drafts: save, resume with code, rate limit, version pinning', () => {
  let app: FormsApp;
  const def = exampleWithEmail();
  beforeAll(async () => {
    app = await createFormsApp();
    await app.offer(def, ['magdeburg']);
  });
  afterAll(() => app.close());

  async function saveDraft(): Promise<{ path: string; code: string; stepUrl: string }> {
    const browser = new Browser(app.app);
    const stepUrl = await startDraft(browser, 'magdeburg', def.id);
    app.mailer.sent.length = 0;
    const saved = await postPage(browser, stepUrl, { ...halter, vorname: 'Zwischenstand', aktion: 'speichern' });
    expect(saved.statusCode).toBe(200);
    expect(saved.body).toContain('Ihre Angaben sind gespeichert');
    return { ...savedLinkAndCode(saved.body), stepUrl };
  }

  it('"Zwischenspeichern" shows link and code; the mail carries the link but neither code nor answers', async () => {
    const { path, code } = await saveDraft();
    expect(app.mailer.sent).toHaveLength(1);
    const mail = app.mailer.sent[0]!;
    expect(mail.to).toBe('erika@example.org');
    expect(mail.text).toContain(path);
    expect(mail.text).not.toContain(code);
    expect(mail.text).not.toContain(code.replace('-', ''));
    expect(mail.text).not.toContain('Zwischenstand');
  });

  it('the right code opens the draft in another browser with the saved values', async () => {
    const { path, code, stepUrl } = await saveDraft();
    const other = new Browser(app.app);
    expect((await other.get(stepUrl)).statusCode).toBe(404);
    const form = await other.get(path);
    expect(form.statusCode).toBe(200);
    const res = await other.post(path, { code: code.toLowerCase(), _csrf: csrfFrom(form.body) });
    expect(res.statusCode).toBe(303);
    const draft = await other.get(location(res));
    expect(location(draft)).toBe(stepUrl);
    const step = await other.get(stepUrl);
    expect(step.statusCode).toBe(200);
    expect(step.body).toMatch(/name="vorname"[^>]*value="Zwischenstand"/);
  });

  it('a wrong code gives a German message on the same page; after 5 wrong codes: 429 with Retry-After', async () => {
    const { path, code } = await saveDraft();
    const other = new Browser(app.app);
    const form = await other.get(path);
    const csrf = csrfFrom(form.body);
    for (let i = 0; i < 5; i++) {
      const wrong = await other.post(path, { code: 'AAAA-AAAA', _csrf: csrf });
      expect(wrong.statusCode).toBe(422);
      expect(wrong.body).toContain('Der Code ist nicht richtig.');
      expect(wrong.body).toMatch(/name="code"[^>]*value="AAAA-AAAA"/);
    }
    const limited = await other.post(path, { code, _csrf: csrf });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body).toContain('zu oft einen falschen Code');
    app.clock.advance(15 * 60_000 + 1000);
    const later = await other.post(path, { code, _csrf: csrf });
    expect(later.statusCode).toBe(303);
  });

  it('an unknown or expired link is a 404', async () => {
    const { path } = await saveDraft();
    const browser = new Browser(app.app);
    expect((await browser.get('/magdeburg/antrag/fortsetzen/unbekannt')).statusCode).toBe(404);
    expect((await browser.get(path.replace('/magdeburg/', '/halberstadt/'))).statusCode).toBe(404);
    app.clock.advance(31 * 86_400_000);
    expect((await browser.get(path)).statusCode).toBe(404);
    app.clock.set('2026-03-10T09:00:00Z');
  });

  it('a draft stays on the version it started with when a new version is published', async () => {
    const pinned = exampleWithEmail('versionen', '1.0.0');
    await app.offer(pinned, ['magdeburg']);
    const browser = new Browser(app.app);
    const first = await startDraft(browser, 'magdeburg', pinned.id);

    const next = exampleWithEmail('versionen', '1.1.0');
    next.steps[0]!.fields.unshift({ id: 'rufname', type: 'text', label: 'Rufname (neu in 1.1.0)', required: true });
    expect(await publishDefinition(app.testDb.database, next)).toBe(true);
    expect(await publishDefinition(app.testDb.database, next)).toBe(false);

    const page = await browser.get(first);
    expect(page.body).not.toContain('Rufname');
    const done = await completeJourney(app, new Browser(app.app), next, { table: { ermaessigung: 'nein' } });
    expect(done.checkHtml).toContain('Rufname (neu in 1.1.0)');
    const res = await postPage(browser, first, { ...halter, aktion: 'weiter' });
    expect(res.statusCode).toBe(303);
    const rows = await scoped(app.testDb.database.db, app.tenantIds.get('magdeburg')!)
      .selectFrom('drafts')
      .select(['id', 'assistant_version'])
      .where('assistant_id', '=', 'versionen')
      .execute();
    expect(rows.map((row) => row.assistant_version).sort()).toEqual(['1.0.0', '1.1.0']);
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftState } from '../../src/modules/forms/drafts/draft-state.ts';
import { scoped } from '../../src/platform/db/scope.ts';
import { Browser, csrfFrom } from '../helpers/app.ts';
import { createFormsApp, exampleDefinition, type FormsApp } from './forms-app.ts';
import { completeJourney, halterAnswers, postPage, startDraft } from './journey.ts';

const halter = halterAnswers;
const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';

describe('security of the form assistants', () => {
  let app: FormsApp;
  beforeAll(async () => {
    app = await createFormsApp();
  });
  afterAll(() => app.close());

  it('every POST needs the session CSRF token: 403 without it and with another session’s token', async () => {
    const owner = new Browser(app.app);
    const first = await startDraft(owner, 'magdeburg', exampleDefinition.id);
    const base = first.slice(0, first.lastIndexOf('/'));
    const stranger = new Browser(app.app);
    const foreign = csrfFrom((await stranger.get(`/magdeburg/antrag/${exampleDefinition.id}`)).body);
    const targets = [
      `/magdeburg/antrag/${exampleDefinition.id}`,
      first,
      `${base}/hunde`,
      `${base}/einwilligung`,
      `${base}/absenden`,
      '/magdeburg/antrag/fortsetzen/irgendwas',
    ];
    for (const url of targets) {
      expect((await owner.post(url, { ...halter, aktion: 'weiter' })).statusCode, url).toBe(403);
      expect((await owner.post(url, { ...halter, aktion: 'weiter', _csrf: foreign })).statusCode, url).toBe(403);
    }
  });

  it('ignores fields the definition does not know', async () => {
    const browser = new Browser(app.app);
    const first = await startDraft(browser, 'magdeburg', exampleDefinition.id);
    const res = await postPage(browser, first, {
      ...halter,
      istAdmin: 'ja',
      'anschrift[hacker]': 'x',
      '__proto__[polluted]': 'ja',
      'konto[iban]': 'DE89370400440532013000',
      aktion: 'weiter',
    });
    expect(res.statusCode).toBe(303);
    const draftId = first.split('/').at(-2)!;
    const row = await scoped(app.testDb.database.db, app.tenantIds.get('magdeburg')!)
      .selectFrom('drafts')
      .select('state')
      .where('id', '=', draftId)
      .executeTakeFirstOrThrow();
    const state = app.deps.cipher.decryptJson<DraftState>(row.state, draftId);
    expect(Object.keys(state.answers).sort()).toEqual(['anschrift', 'familienname', 'geburtsdatum', 'vorname']);
    expect(JSON.stringify(state.answers)).not.toContain('hacker');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('shows stored XSS payloads escaped on the step page, the check page and the receipt', async () => {
    const browser = new Browser(app.app);
    const result = await completeJourney(app, browser, exampleDefinition, {
      table: { vorname: SCRIPT, familienname: IMG, ermaessigung: 'nein' },
    });
    for (const html of [result.checkHtml, (await browser.get(result.receiptUrl)).body]) {
      expect(html).not.toContain(SCRIPT);
      expect(html).not.toContain('<img src=x');
    }
    expect(result.checkHtml).toContain('&lt;script>alert(1)&lt;/script>');
    // On the step page, after an error, the payload is shown again as the input's value, escaped.
    const other = new Browser(app.app);
    const first = await startDraft(other, 'magdeburg', exampleDefinition.id);
    const res = await postPage(other, first, { vorname: SCRIPT, familienname: IMG, aktion: 'weiter' });
    expect(res.statusCode).toBe(422);
    expect(res.body).not.toContain(SCRIPT);
    expect(res.body).not.toContain('<img src=x');
    expect(res.body).toContain('value="&quot;>&lt;img src=x onerror=alert(1)>"');
  });

  it('drafts of another session or another tenant are 404, never 403', async () => {
    const owner = new Browser(app.app);
    const first = await startDraft(owner, 'magdeburg', exampleDefinition.id);
    const base = first.slice(0, first.lastIndexOf('/'));
    const stranger = new Browser(app.app);
    const strangerCsrf = csrfFrom((await stranger.get(`/magdeburg/antrag/${exampleDefinition.id}`)).body);
    for (const url of [first, `${base}/einwilligung`, `${base}/pruefen`, base]) {
      expect((await stranger.get(url)).statusCode, url).toBe(404);
    }
    expect((await stranger.post(first, { ...halter, aktion: 'weiter', _csrf: strangerCsrf })).statusCode).toBe(404);
    expect((await stranger.post(`${base}/absenden`, { _csrf: strangerCsrf })).statusCode).toBe(404);
    // The owner's own draft under another municipality's address does not exist either.
    expect((await owner.get(first.replace('/magdeburg/', '/halberstadt/'))).statusCode).toBe(404);
    // An assistant the tenant does not offer online is a 404.
    expect((await owner.get('/wernigerode/antrag/hundeanmeldung-beispiel')).statusCode).toBe(404);
    expect((await owner.get(first)).statusCode).toBe(200);
  });

  it('the database holds no plaintext of an answer (drafts, submissions, sessions, jobs)', async () => {
    const marker = 'Klartextmarker7Q';
    const browser = new Browser(app.app);
    await completeJourney(app, browser, exampleDefinition, { table: { vorname: marker, ermaessigung: 'nein' } });
    const saved = new Browser(app.app);
    const first = await startDraft(saved, 'magdeburg', exampleDefinition.id);
    expect((await postPage(saved, first, { ...halter, familienname: marker, aktion: 'speichern' })).statusCode).toBe(
      200,
    );

    const db = app.testDb.database.db;
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(
      db,
    );
    let scanned = 0;
    for (const { table_name } of tables.rows) {
      const rows = await sql<{ row: string }>`select t::text as row from ${sql.table(table_name)} t`.execute(db);
      scanned += rows.rows.length;
      for (const { row } of rows.rows) expect(row, `plaintext in table ${table_name}`).not.toContain(marker);
    }
    expect(scanned).toBeGreaterThan(10);

    const pgDump = ['/usr/lib/postgresql/15/bin/pg_dump', '/usr/bin/pg_dump'].find((file) => existsSync(file));
    if (app.testDb.kind === 'postgres' && pgDump && app.testDb.databaseUrl) {
      const dump = execFileSync(pgDump, ['--data-only', app.testDb.databaseUrl], {
        maxBuffer: 512 * 1024 * 1024,
      }).toString();
      expect(dump).toContain('v1.');
      expect(dump).not.toContain(marker);
    }
  });
});

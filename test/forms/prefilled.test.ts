import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftState } from '../../src/modules/forms/drafts/draft-state.ts';
import { scoped } from '../../src/platform/db/scope.ts';
import { Browser } from '../helpers/app.ts';
import { createFormsApp, type FormsApp } from './forms-app.ts';
import { postPage, startDraft } from './journey.ts';

describe('values pre-filled from the identity', () => {
  let app: FormsApp;
  beforeAll(async () => {
    app = await createFormsApp();
  });
  afterAll(() => app.close());

  it('are shown read-only with a note and cannot be overwritten by a post', async () => {
    const browser = new Browser(app.app);
    const first = await startDraft(browser, 'magdeburg', 'hundeanmeldung-beispiel');
    const draftId = first.split('/').at(-2)!;
    const drafts = () =>
      scoped(app.testDb.database.db, app.tenantIds.get('magdeburg')!).updateTable('drafts').where('id', '=', draftId);
    // What `startDraft` stores when the identity module passes attributes (givenName → vorname).
    const state: DraftState = { answers: { vorname: 'Erika' }, raw: {}, prefilled: ['vorname'] };
    await drafts()
      .set({ state: app.deps.cipher.encryptJson(state, draftId) })
      .execute();

    const page = await browser.get(first);
    expect(page.body).not.toContain('name="vorname"');
    expect(page.body).toContain('Erika');
    expect(page.body).toContain('Diese Angabe wurde übernommen und kann hier nicht geändert werden.');

    const res = await postPage(browser, first, {
      vorname: 'Mallory',
      familienname: 'Mustermann',
      'geburtsdatum[tag]': '17',
      'geburtsdatum[monat]': '3',
      'geburtsdatum[jahr]': '1985',
      'anschrift[strasse]': 'Breiter Weg',
      'anschrift[hausnummer]': '1',
      'anschrift[plz]': '39104',
      'anschrift[ort]': 'Magdeburg',
      aktion: 'weiter',
    });
    expect(res.statusCode).toBe(303);
    const row = await scoped(app.testDb.database.db, app.tenantIds.get('magdeburg')!)
      .selectFrom('drafts')
      .select('state')
      .where('id', '=', draftId)
      .executeTakeFirstOrThrow();
    expect(app.deps.cipher.decryptJson<DraftState>(row.state, draftId).answers.vorname).toBe('Erika');
  });
});

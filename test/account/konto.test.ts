import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoped } from '../../src/platform/db/scope.ts';
import { Browser, csrfFrom } from '../helpers/app.ts';
import { type AccountApp, type Citizen, createAccountApp, draftAs, login, submitAs } from './account-app.ts';

let t: AccountApp;
let erika: Citizen;
let max: Citizen;
beforeAll(async () => {
  t = await createAccountApp();
  erika = await login(t, 'erika');
  max = await login(t, 'max');
});
afterAll(() => t.close());

const location = (res: { headers: Record<string, unknown> }) => String(res.headers.location ?? '');

describe('Mein Konto', () => {
  it('sends visitors without login to the login page and back to the page they wanted', async () => {
    for (const path of ['/konto', '/konto/antraege', '/konto/postfach']) {
      const res = await new Browser(t.app).get(path);
      expect(res.statusCode).toBe(303);
      expect(location(res)).toBe(`/konto/anmelden?niveau=basisregistrierung&zurueck=${encodeURIComponent(path)}`);
    }
  });

  it('lists the applications of the account across municipalities with a detail page and timeline', async () => {
    const md = await submitAs(t, erika, 'magdeburg');
    const hbs = await submitAs(t, erika, 'halberstadt');
    const list = await erika.browser.get('/konto/antraege');
    expect(list.statusCode).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    expect(list.body).toContain(md.reference);
    expect(list.body).toContain(hbs.reference);
    expect(list.body).toContain('Landeshauptstadt Magdeburg');
    expect(list.body).toContain('Stadt Halberstadt');

    const detail = await erika.browser.get(`/konto/antraege/${md.reference}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain('Antrag eingereicht');
    expect(detail.body).toContain(`href="/konto/antraege/${md.reference}/antrag.pdf"`);
    expect(detail.body).toContain('Zu diesem Antrag gibt es noch keine Nachrichten.');
    // The overview shows the latest applications and no unread messages.
    const overview = await erika.browser.get('/konto');
    expect(overview.statusCode).toBe(200);
    expect(overview.body).toContain(md.reference);
    expect(overview.body).toContain('Keine ungelesenen Nachrichten.');
    expect(overview.body).toContain('Abmelden');
  });

  it('shows the office notes of later state changes in the timeline', async () => {
    const sub = await submitAs(t, erika);
    await t.deps.database.db.transaction().execute(async (trx) => {
      const { transition } = await import('../../src/modules/submissions/lifecycle/transition.ts');
      const base = { tenantId: sub.tenant_id, submissionId: sub.id, actor: 'system' };
      const state = await scoped(trx, sub.tenant_id)
        .selectFrom('submissions')
        .select('state')
        .where('id', '=', sub.id)
        .executeTakeFirstOrThrow();
      if (state.state === 'awaiting_payment') {
        expect((await transition(trx, t.deps, { ...base, to: 'paid' })).ok).toBe(true);
        expect((await transition(trx, t.deps, { ...base, to: 'ready_for_delivery' })).ok).toBe(true);
      }
      expect((await transition(trx, t.deps, { ...base, to: 'delivered' })).ok).toBe(true);
      const moved = await transition(trx, t.deps, {
        ...base,
        to: 'information_needed',
        note: 'Bitte reichen Sie eine <b>Kopie</b> nach.',
      });
      expect(moved.ok).toBe(true);
    });
    const detail = await erika.browser.get(`/konto/antraege/${sub.reference}`);
    expect(detail.body).toContain('Rückfrage der Behörde');
    expect(detail.body).toContain('Bitte reichen Sie eine &lt;b>Kopie&lt;/b> nach.');
    // English chrome where the visitor chose it.
    const en = await erika.browser.get(`/konto/antraege/${sub.reference}?lang=en`);
    expect(en.body).toContain('The office needs information');
    expect(en.body).toContain('Note from the office');
  });

  it('never shows one citizen another citizen’s applications (404), nor an unknown reference', async () => {
    const sub = await submitAs(t, erika);
    expect((await max.browser.get(`/konto/antraege/${sub.reference}`)).statusCode).toBe(404);
    expect((await max.browser.get('/konto/antraege')).body).not.toContain(sub.reference);
    expect((await max.browser.get('/konto')).body).not.toContain(sub.reference);
    // The PDF the detail page links to: Erika's, nobody else's.
    const pdfHref = `/konto/antraege/${sub.reference}/antrag.pdf`;
    expect((await erika.browser.get(`/konto/antraege/${sub.reference}`)).body).toContain(`href="${pdfHref}"`);
    const pdf = await erika.browser.get(pdfHref);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((await max.browser.get(pdfHref)).statusCode).toBe(404);
    expect((await erika.browser.get('/konto/antraege/MD-XXXX-XXXX')).statusCode).toBe(404);
    expect((await erika.browser.get('/konto/antraege/%3Cscript%3E')).statusCode).toBe(404);
  });

  it('lists the account’s drafts; "Fortsetzen" opens the draft, another citizen gets 404', async () => {
    const { draftId } = await draftAs(t, erika);
    const overview = await erika.browser.get('/konto');
    expect(overview.body).toContain(`/konto/entwuerfe/${draftId}/fortsetzen`);
    expect((await max.browser.get('/konto')).body).not.toContain(draftId);

    // Max cannot resume or delete it, even with a valid token of his own session.
    const maxCsrf = csrfFrom((await max.browser.get('/konto')).body);
    expect((await max.browser.post(`/konto/entwuerfe/${draftId}/fortsetzen`, { _csrf: maxCsrf })).statusCode).toBe(404);
    expect((await max.browser.get(`/konto/entwuerfe/${draftId}/loeschen`)).statusCode).toBe(404);
    expect((await max.browser.post(`/konto/entwuerfe/${draftId}/loeschen`, { _csrf: maxCsrf })).statusCode).toBe(404);

    // Erika in a new session (another device): the draft is not yet granted to that session.
    const other = await login(t, 'erika');
    const page = await other.browser.get('/konto');
    const res = await other.browser.post(`/konto/entwuerfe/${draftId}/fortsetzen`, { _csrf: csrfFrom(page.body) });
    expect(res.statusCode).toBe(303);
    expect(location(res)).toMatch(new RegExp(`^/magdeburg/antrag/${t.definition.id}/${draftId}/[a-z-]+$`));
    expect((await other.browser.get(location(res))).statusCode).toBe(200);
  });

  it('deletes a draft after confirmation, with its record gone', async () => {
    const { draftId } = await draftAs(t, erika);
    const confirm = await erika.browser.get(`/konto/entwuerfe/${draftId}/loeschen`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Endgültig löschen');
    const res = await erika.browser.post(`/konto/entwuerfe/${draftId}/loeschen`, { _csrf: csrfFrom(confirm.body) });
    expect(res.statusCode).toBe(303);
    expect(location(res)).toBe('/konto?geloescht=1');
    expect((await erika.browser.get('/konto?geloescht=1')).body).toContain('Der angefangene Antrag wurde gelöscht.');
    const row = await scoped(t.testDb.database.db, t.tenantIds.get('magdeburg')!)
      .selectFrom('drafts')
      .select('id')
      .where('id', '=', draftId)
      .executeTakeFirst();
    expect(row).toBeUndefined();
    // A post without the CSRF token is refused.
    const { draftId: second } = await draftAs(t, erika);
    expect((await erika.browser.post(`/konto/entwuerfe/${second}/loeschen`, {})).statusCode).toBe(403);
  });
});

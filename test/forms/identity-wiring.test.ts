import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssistantDefinition } from '../../src/modules/forms/definition/types.ts';
import type { DraftState } from '../../src/modules/forms/drafts/draft-state.ts';
import { decryptStatusCode } from '../../src/modules/submissions/status-code.ts';
import { scoped } from '../../src/platform/db/scope.ts';
import { Browser, csrfFrom } from '../helpers/app.ts';
import { samlLogin } from '../identity/flow.ts';
import { createFormsApp, exampleDefinition, type FormsApp } from './forms-app.ts';
import { completeJourney, halterAnswers, location, startDraft } from './journey.ts';

// Identity in the form assistants (issue 4): trust level per offering on every step and at submit
// (F-23), pre-fill with eID values locked, drafts owned by the account, attaching an anonymous draft at
// login, and the status code on the receipt.

let app: FormsApp;
let counter = 0;

/** The example assistant under a new id, offered by magdeburg with the given rule; name, birth date, address and e-mail pre-fill. */
async function offered(rule: { trust_level: string; anonymous_allowed: boolean }): Promise<AssistantDefinition> {
  const def = structuredClone(exampleDefinition);
  def.id = `ident-${++counter}`;
  const halter = def.steps[0]!.fields;
  for (const field of halter) {
    if (field.id === 'geburtsdatum') field.prefill = 'birthDate';
    if (field.id === 'anschrift') field.prefill = 'address';
  }
  halter.push({ id: 'email', type: 'email', label: 'E-Mail-Adresse', prefill: 'email' });
  await app.offer(def, ['magdeburg']);
  await scoped(app.testDb.database.db, app.tenantIds.get('magdeburg')!)
    .updateTable('offerings')
    .set(rule as never)
    .where('assistant_id', '=', def.id)
    .execute();
  return def;
}

const magdeburg = () => scoped(app.testDb.database.db, app.tenantIds.get('magdeburg')!);
const draftState = async (draftId: string) => {
  const row = await magdeburg().selectFrom('drafts').selectAll().where('id', '=', draftId).executeTakeFirstOrThrow();
  return { row, state: app.deps.cipher.decryptJson<DraftState>(row.state, draftId) };
};
const submissionsOf = (assistantId: string) =>
  magdeburg().selectFrom('submissions').selectAll().where('assistant_id', '=', assistantId).execute();

async function loggedIn(persona: Record<string, string>, returnTo = '/magdeburg'): Promise<Browser> {
  const browser = new Browser(app.app);
  const { response } = await samlLogin(browser, persona, { returnTo });
  expect(response.statusCode).toBe(303);
  return browser;
}

beforeAll(async () => {
  app = await createFormsApp();
  // SAML assertions are checked against the real time too, so the app's clock runs near it.
  app.clock.set(new Date());
});
afterAll(() => app.close());

describe('trust level per offering (F-23)', () => {
  it('sends Max (Basisregistrierung) from the start page to the step-up page of a substantiell offering', async () => {
    const def = await offered({ trust_level: 'substantiell', anonymous_allowed: false });
    const max = await loggedIn({ persona: 'max' });
    const start = await max.get(`/magdeburg/antrag/${def.id}`);
    expect(start.statusCode).toBe(303);
    expect(location(start)).toBe(
      `/konto/anmelden?niveau=substantiell&zurueck=${encodeURIComponent(`/magdeburg/antrag/${def.id}`)}`,
    );
    const page = await max.get(location(start));
    expect(page.body).toContain('Höheres Vertrauensniveau nötig');
    expect(page.body).toContain('ELSTER-Zertifikat');
    // The start POST creates no draft either.
    const res = await max.post(`/magdeburg/antrag/${def.id}`, { _csrf: csrfFrom(page.body) });
    expect(res.statusCode).toBe(303);
    expect(location(res)).toContain('/konto/anmelden?niveau=substantiell');
    expect(await magdeburg().selectFrom('drafts').select('id').where('assistant_id', '=', def.id).execute()).toEqual(
      [],
    );
  });

  it('per step: Max logged in, on an anonymous-allowed offering raised to substantiell mid-way, is sent to step-up on the step URL and his submit creates nothing', async () => {
    const def = await offered({ trust_level: 'basisregistrierung', anonymous_allowed: true });
    const max = await loggedIn({ persona: 'max' });
    const first = await startDraft(max, 'magdeburg', def.id);
    const draftUrl = first.slice(0, first.lastIndexOf('/'));
    const check = await max.get(first);
    const csrf = csrfFrom(check.body);
    await magdeburg()
      .updateTable('offerings')
      .set({ trust_level: 'substantiell' })
      .where('assistant_id', '=', def.id)
      .execute();
    const step = await max.get(first);
    expect(step.statusCode).toBe(303);
    expect(location(step)).toBe(`/konto/anmelden?niveau=substantiell&zurueck=${encodeURIComponent(first)}`);
    const post = await max.post(first, { ...halterAnswers, aktion: 'weiter', _csrf: csrf });
    expect(location(post)).toContain('/konto/anmelden?niveau=substantiell');
    expect(location(await max.get(`${draftUrl}/pruefen`))).toContain('/konto/anmelden?niveau=substantiell');
    const submit = await max.post(`${draftUrl}/absenden`, { _csrf: csrf });
    expect(submit.statusCode).toBe(303);
    expect(location(submit)).toBe(
      `/konto/anmelden?niveau=substantiell&zurueck=${encodeURIComponent(`${draftUrl}/pruefen`)}`,
    );
    expect(await submissionsOf(def.id)).toEqual([]);
  });

  it('anonymous_allowed=false: a visitor without login is sent to the login page; with it allowed, the visitor may go on', async () => {
    const closed = await offered({ trust_level: 'basisregistrierung', anonymous_allowed: false });
    const res = await new Browser(app.app).get(`/magdeburg/antrag/${closed.id}`);
    expect(res.statusCode).toBe(303);
    expect(location(res)).toContain('/konto/anmelden?niveau=basisregistrierung');
    const page = await new Browser(app.app).get(location(res));
    expect(page.body).toContain('<h1 class="kern-heading-large">Anmelden</h1>');
    const open = await offered({ trust_level: 'basisregistrierung', anonymous_allowed: true });
    expect((await new Browser(app.app).get(`/magdeburg/antrag/${open.id}`)).statusCode).toBe(200);
  });
});

describe('pre-fill from the login', () => {
  it('locks Erika’s eID values (a posted other name is ignored) and records the sources with the submission', async () => {
    const def = await offered({ trust_level: 'substantiell', anonymous_allowed: false });
    const erika = await loggedIn({ persona: 'erika' });
    const first = await startDraft(erika, 'magdeburg', def.id);
    const page = await erika.get(first);
    expect(page.body).toContain('Aus Ihrem Nutzerkonto (BundID, eID) übernommen');
    expect(page.body).not.toContain('name="vorname"');
    expect(page.body).not.toContain('name="anschrift[strasse]"');
    expect(page.body).toContain('Heidestraße 17');
    expect(page.body).toContain('12.08.1964');

    const result = await completeJourney(app, erika, def, {
      table: { vorname: 'Mallory', familienname: 'Manipuliert', email: 'mallory@example.org' },
    });
    const [submission] = await submissionsOf(def.id);
    expect(submission?.reference).toBe(result.reference);
    const answers = app.deps.cipher.decryptJson<Record<string, unknown>>(submission!.answers, submission!.id);
    expect(answers).toMatchObject({
      vorname: 'Erika',
      familienname: 'Mustermann',
      geburtsdatum: '1964-08-12',
      anschrift: { strasse: 'Heidestraße', hausnummer: '17', plz: '51147', ort: 'Köln' },
      email: 'erika.mustermann@example.org',
    });
    expect(submission!.trust_level).toBe('hoch');
    expect(submission!.identity_provider).toBe('demo-bundid');
    expect(submission!.citizen_account_id).toMatch(/^[0-9a-f-]{36}$/);
    const sources =
      typeof submission!.prefill_sources === 'string'
        ? JSON.parse(submission!.prefill_sources)
        : submission!.prefill_sources;
    expect(sources).toEqual({
      vorname: { provider: 'demo-bundid', trustLevel: 'hoch', locked: true },
      familienname: { provider: 'demo-bundid', trustLevel: 'hoch', locked: true },
      geburtsdatum: { provider: 'demo-bundid', trustLevel: 'hoch', locked: true },
      anschrift: { provider: 'demo-bundid', trustLevel: 'hoch', locked: true },
      email: { provider: 'demo-bundid', trustLevel: 'hoch', locked: true },
    });

    // The receipt shows the status code, the status lookup and the application in Mein Konto.
    const receipt = await erika.get(result.receiptUrl);
    const code = decryptStatusCode(app.deps.cipher, submission!.status_code!, submission!.id);
    expect(receipt.body).toContain(code);
    expect(receipt.body).toContain('Ihr Statuscode');
    expect(receipt.body).toContain('Mit Vorgangsnummer und Statuscode können Sie den Stand jederzeit unter');
    expect(receipt.body).toContain('href="/magdeburg/status"');
    expect(receipt.body).toContain(`href="/konto/antraege/${result.reference}"`);
  });

  it('pre-fills a non-eID login (Basisregistrierung) editably; a changed value is not recorded as from the account', async () => {
    const def = await offered({ trust_level: 'basisregistrierung', anonymous_allowed: false });
    const person = await loggedIn({
      persona: 'eigene',
      kennung: 'basis-mit-namen',
      level: 'basisregistrierung',
      givenName: 'Paula',
      surname: 'Probe',
      email: 'paula@example.org',
    });
    const first = await startDraft(person, 'magdeburg', def.id);
    const page = await person.get(first);
    expect(page.body).toMatch(/name="vorname"[^>]*value="Paula"|value="Paula"[^>]*name="vorname"/);
    expect(page.body).not.toContain('Aus Ihrem Nutzerkonto');
    const { state } = await draftState(first.split('/').at(-2)!);
    expect(state.prefilled ?? []).toEqual([]);
    await completeJourney(app, person, def, { table: { vorname: 'Paulina', email: 'paula@example.org' } });
    const [submission] = await submissionsOf(def.id);
    const answers = app.deps.cipher.decryptJson<Record<string, unknown>>(submission!.answers, submission!.id);
    expect(answers.vorname).toBe('Paulina');
    const sources =
      typeof submission!.prefill_sources === 'string'
        ? JSON.parse(submission!.prefill_sources)
        : submission!.prefill_sources;
    expect(sources.vorname).toBeUndefined();
    expect(submission!.trust_level).toBe('basisregistrierung');
  });
});

describe('drafts and the account', () => {
  it('a draft started while logged in belongs to the account; another citizen never sees it (404)', async () => {
    const def = await offered({ trust_level: 'basisregistrierung', anonymous_allowed: true });
    const max = await loggedIn({ persona: 'max' });
    const first = await startDraft(max, 'magdeburg', def.id);
    const { row } = await draftState(first.split('/').at(-2)!);
    const account = await app.testDb.database.db
      .selectFrom('citizen_accounts')
      .select('id')
      .where('id', '=', row.citizen_account_id!)
      .executeTakeFirst();
    expect(account).toBeDefined();
    // The owner opens it from a fresh session after logging in again (as Mein Konto will link it).
    const again = await loggedIn({ persona: 'max' });
    expect((await again.get(first)).statusCode).toBe(200);
    const erika = await loggedIn({ persona: 'erika' });
    expect((await erika.get(first)).statusCode).toBe(404);
  });

  it('asks after login whether an anonymous draft goes into the account: "Ja" attaches it, "Nein" does not', async () => {
    const def = await offered({ trust_level: 'basisregistrierung', anonymous_allowed: true });
    for (const answer of ['ja', 'nein'] as const) {
      const browser = new Browser(app.app);
      const first = await startDraft(browser, 'magdeburg', def.id);
      const draftId = first.split('/').at(-2)!;
      expect((await draftState(draftId)).row.citizen_account_id).toBeNull();
      const { response } = await samlLogin(browser, { persona: 'max' }, { returnTo: first });
      expect(location(response)).toBe(`/konto/antrag-uebernehmen?zurueck=${encodeURIComponent(first)}`);
      const confirm = await browser.get(location(response));
      expect(confirm.statusCode).toBe(200);
      expect(confirm.body).toContain('Begonnenen Antrag in Ihr Konto übernehmen?');
      const res = await browser.post('/konto/antrag-uebernehmen', {
        _csrf: csrfFrom(confirm.body),
        zurueck: first,
        antwort: answer,
      });
      expect(location(res)).toBe(first);
      const owner = (await draftState(draftId)).row.citizen_account_id;
      if (answer === 'ja') expect(owner).toMatch(/^[0-9a-f-]{36}$/);
      else expect(owner).toBeNull();
      // Asked once: the next login goes straight back.
      expect((await browser.get('/konto/antrag-uebernehmen?zurueck=%2Fmagdeburg')).statusCode).toBe(303);
      expect((await browser.get(first)).statusCode).toBe(200);
    }
  });
});

describe('the receipt of an anonymous submission', () => {
  it('shows the status code and the status lookup, but no Mein Konto link', async () => {
    const def = await offered({ trust_level: 'none', anonymous_allowed: true });
    const browser = new Browser(app.app);
    const result = await completeJourney(app, browser, def, { table: { email: 'erika.mustermann@example.org' } });
    const receipt = await browser.get(result.receiptUrl);
    const [submission] = await submissionsOf(def.id);
    expect(receipt.body).toContain(decryptStatusCode(app.deps.cipher, submission!.status_code!, submission!.id));
    expect(receipt.body).toContain('href="/magdeburg/status"');
    expect(receipt.body).not.toContain('/konto/antraege/');
    expect(submission!.citizen_account_id).toBeNull();
    expect(submission!.trust_level).toBe('none');
    // A later view (another visit) decrypts the stored code again.
    expect((await browser.get(result.receiptUrl)).body).toContain('Ihr Statuscode');
  });
});

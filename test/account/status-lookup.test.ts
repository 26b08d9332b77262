import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { perIpRule, perReferenceRule } from '../../src/modules/account/status-lookup/lookup-status.ts';
import { decryptStatusCode } from '../../src/modules/submissions/status-code.ts';
import { scoped } from '../../src/platform/db/scope.ts';
import type { FormsApp } from '../forms/forms-app.ts';
import { completeJourney } from '../forms/journey.ts';
import { Browser, csrfFrom } from '../helpers/app.ts';
import { type AccountApp, createAccountApp } from './account-app.ts';

let t: AccountApp;
beforeAll(async () => {
  // Client addresses come from X-Forwarded-For here, so the per-address limit can be tested.
  t = await createAccountApp({ SAC_TRUST_PROXY: '1' });
});
afterAll(() => t.close());

/** An anonymous application: reference and status code as the receipt shows them. */
async function anonymousSubmission(note?: string) {
  const browser = new Browser(t.app);
  const result = await completeJourney(t as unknown as FormsApp, browser, t.definition, {
    table: { email: 'anna@example.org', ermaessigung: 'nein', familienname: 'Geheimname' },
  });
  const row = await scoped(t.testDb.database.db, t.tenantIds.get('magdeburg')!)
    .selectFrom('submissions')
    .select(['id', 'tenant_id', 'status_code'])
    .where('reference', '=', result.reference)
    .executeTakeFirstOrThrow();
  // The code as the receipt shows it.
  const code = decryptStatusCode(t.deps.cipher, row.status_code!, row.id);
  if (note) {
    const { transition } = await import('../../src/modules/submissions/lifecycle/transition.ts');
    await t.deps.database.db.transaction().execute(async (trx) => {
      const base = { tenantId: row.tenant_id, submissionId: row.id, actor: 'system' };
      await transition(trx, t.deps, { ...base, to: 'paid', from: ['awaiting_payment'] });
      await transition(trx, t.deps, { ...base, to: 'ready_for_delivery', from: ['paid'] });
      await transition(trx, t.deps, { ...base, to: 'delivered' });
      expect((await transition(trx, t.deps, { ...base, to: 'information_needed', note })).ok).toBe(true);
    });
  }
  return { reference: result.reference, code };
}

async function lookup(browser: Browser, reference: string, code: string, ip = '203.0.113.7') {
  const page = await browser.get('/magdeburg/status');
  return browser.post(
    '/magdeburg/status',
    { _csrf: csrfFrom(page.body), vorgangsnummer: reference, statuscode: code },
    { 'x-forwarded-for': ip },
  );
}

describe('status lookup without an account', () => {
  it('shows the state and the timeline labels with dates, and nothing personal', async () => {
    const { reference, code } = await anonymousSubmission('Geheime Notiz der Behörde');
    const browser = new Browser(t.app);
    const page = await browser.get('/magdeburg/status');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<label class="kern-label" for="vorgangsnummer">Vorgangsnummer</label>');
    const res = await lookup(browser, ` ${reference.toLowerCase()} `, code.toLowerCase().replace('-', ''));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`Stand des Antrags ${reference}`);
    expect(res.body).toContain('Rückfrage der Behörde');
    expect(res.body).toContain('Antrag eingereicht');
    expect(res.body).toMatch(/<time datetime="\d{4}-/);
    expect(res.body).not.toMatch(/Geheim|anna@example|Erika/);
    expect(res.headers['cache-control']).toBe('no-store');
    // Only in its own municipality.
    const other = await browser.get('/halberstadt/status');
    const elsewhere = await browser.post(
      '/halberstadt/status',
      { _csrf: csrfFrom(other.body), vorgangsnummer: reference, statuscode: code },
      { 'x-forwarded-for': '203.0.113.8' },
    );
    expect(elsewhere.statusCode).toBe(404);
  });

  it('answers a wrong code and an unknown reference alike, keeping the values; empty fields get messages', async () => {
    const { reference } = await anonymousSubmission();
    const browser = new Browser(t.app);
    const wrong = await lookup(browser, reference, 'AAAA-AAAA', '198.51.100.1');
    const unknown = await lookup(browser, 'MD-ZZZZ-ZZZZ', 'AAAA-AAAA', '198.51.100.2');
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    const message = (html: string) => /<p class="kern-error"[\s\S]*?<\/p>/.exec(html)?.[0];
    expect(message(wrong.body)).toContain('keinen Antrag gefunden');
    expect(message(wrong.body)).toBe(message(unknown.body));
    expect(wrong.body).toContain(`value="${reference}"`);
    expect(wrong.body).toContain('<title>Fehler: ');
    const empty = await lookup(browser, '', '', '198.51.100.3');
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Bitte geben Sie die Vorgangsnummer ein.');
    expect(empty.body).toContain('Bitte geben Sie den Statuscode ein.');
  });

  it('limits guesses per reference number across addresses: 429 with Retry-After, even for the right code', async () => {
    const { reference, code } = await anonymousSubmission();
    const browser = new Browser(t.app);
    for (let i = 0; i < perReferenceRule.limit; i++) {
      const res = await lookup(browser, reference, `WRNG-${String(i).padStart(4, '0')}`, `192.0.2.${i + 1}`);
      expect(res.statusCode).toBe(404);
    }
    const blocked = await lookup(browser, reference, code, '192.0.2.200');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.body).toContain('Zu viele Versuche');
    expect(blocked.body).not.toContain('Stand des Antrags');
    t.clock.advance(perReferenceRule.windowMs + 1000);
    expect((await lookup(browser, reference, code, '192.0.2.201')).statusCode).toBe(200);
  });

  it('limits lookups per client address', async () => {
    const browser = new Browser(t.app);
    let last = await lookup(browser, 'MD-AAAA-0000', 'AAAA-AAAA', '192.0.2.250');
    for (let i = 1; i <= perIpRule.limit; i++)
      last = await lookup(browser, `MD-AAAA-${String(i).padStart(4, '0')}`, 'AAAA-AAAA', '192.0.2.250');
    expect(last.statusCode).toBe(429);
    expect(last.headers['retry-after']).toBeDefined();
  });
});

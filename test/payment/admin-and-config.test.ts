import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell, csvEuros } from '../../src/modules/payment/csv.ts';
import { paymentRegistry } from '../../src/modules/payment/registry.ts';
import { findTenantProvider, savePaymentSettings } from '../../src/modules/payment/settings.ts';
import { type DemoStaffCredential, seedDemoStaff } from '../../src/modules/staff/demo/seed.ts';
import { scoped } from '../../src/platform/db/scope.ts';
import { Browser, csrfFrom } from '../helpers/app.ts';
import { logIn } from '../staff/staff-app.ts';
import {
  checkout,
  clickPay,
  createPaymentApp,
  location,
  type PaymentApp,
  pathOf,
  paymentsOf,
  receiptPath,
  secondProvider,
  submissionOf,
  submitApplication,
} from './payment-app.ts';

describe('payments in admin, provider configuration', () => {
  let t: PaymentApp;
  let staff: DemoStaffCredential[];
  let paidReference: string;
  let openReference: string;
  beforeAll(async () => {
    t = await createPaymentApp();
    staff = await seedDemoStaff(t.deps, t.tenantIds);
    const browser = new Browser(t.app);
    paidReference = (await submitApplication(t, browser)).reference;
    await browser.get(pathOf(await checkout(browser, await clickPay(browser, paidReference), 'bezahlt')));
    openReference = (await submitApplication(t, browser)).reference;
    await clickPay(browser, openReference);
  });
  afterAll(() => t.close());

  const account = (role: string, tenant: string | null) =>
    staff.find((s) => s.role === role && s.tenantSlug === tenant)!;
  // A TOTP code counts once: let the next time step begin before each login.
  const login = (role: string, tenant: string | null) => {
    t.clock.advance(31_000);
    return logIn(t as never, account(role, tenant));
  };

  it('lists state, amount, Kassenzeichen and reference for the tenant admin', async () => {
    const admin = await login('admin', 'magdeburg');
    const page = await admin.get('/admin/magdeburg/zahlungen');
    expect(page.statusCode).toBe(200);
    const [paid] = await paymentsOf(t, (await submissionOf(t, paidReference)).id);
    expect(page.body).toContain(paidReference);
    expect(page.body).toContain(openReference);
    expect(page.body).toContain(paid!.transaction_reference!);
    expect(page.body).toContain('Bezahlt');
    expect(page.body).toContain('Offen');
    expect(page.body).toContain('5,00');
  });

  it('exports CSV for the cash office (BOM, semicolons, decimal comma, booking data)', async () => {
    const admin = await login('admin', 'magdeburg');
    const res = await admin.get('/admin/magdeburg/zahlungen.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="zahlungen-magdeburg-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const lines = res.body.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      'Zeitpunkt;Vorgangsnummer;Versuch;Status;Betrag (EUR);Kassenzeichen;Transaktions-ID;Zahlungsdienst;Bezahlt am;Buchungsdaten',
    );
    const paidLine = lines.find((l) => l.includes(paidReference))!;
    expect(paidLine.split(';')[3]).toBe('Bezahlt');
    expect(paidLine.split(';')[4]).toBe('5,00');
    expect(paidLine.split(';')[5]).toMatch(/^KZ-/);
    expect(paidLine).toMatch(/;Haushaltsstelle=1\.6\.1\.01\.401300, Objektnummer=TEST-HUND$/);
  });

  it('CSV cells cannot carry spreadsheet formulas', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe(`"'+1"`);
    expect(csvCell('-1')).toBe(`"'-1"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvEuros(123456)).toBe('1234,56');
    expect(csvEuros(5)).toBe('0,05');
  });

  it('"Erneut prüfen" asks the provider and is audited', async () => {
    const admin = await login('operator', null);
    const submission = await submissionOf(t, openReference);
    const [open] = await paymentsOf(t, submission.id);
    const page = await admin.get('/admin/magdeburg/zahlungen');
    expect(page.statusCode).toBe(200);
    const res = await admin.post(`/admin/magdeburg/zahlungen/${open!.id}/pruefen`, { _csrf: csrfFrom(page.body) });
    expect(res.statusCode).toBe(303);
    expect(location(res)).toBe('/admin/magdeburg/zahlungen?geprueft=pending');
    expect((await admin.get(location(res))).body).toContain('noch offen');
    const audit = await t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'object_id'])
      .where('tenant_id', '=', t.tenantIds.get('magdeburg')!)
      .where('action', '=', 'payment.recheck')
      .execute();
    expect(audit).toContainEqual({ action: 'payment.recheck', object_id: open!.id });
  });

  it('other tenants, caseworkers and strangers get 404/redirect, never the data', async () => {
    const other = await login('admin', 'halberstadt');
    expect((await other.get('/admin/magdeburg/zahlungen')).statusCode).toBe(404);
    expect((await other.get('/admin/magdeburg/zahlungen.csv')).statusCode).toBe(404);
    const [open] = await paymentsOf(t, (await submissionOf(t, openReference)).id);
    const own = await other.get('/admin/halberstadt/zahlungen');
    expect(own.statusCode).toBe(200);
    expect(own.body).not.toContain(openReference);
    const csrf = csrfFrom((await other.get('/backoffice')).body);
    expect((await other.post(`/admin/halberstadt/zahlungen/${open!.id}/pruefen`, { _csrf: csrf })).statusCode).toBe(
      404,
    );
    expect((await other.post(`/admin/magdeburg/zahlungen/${open!.id}/pruefen`, { _csrf: csrf })).statusCode).toBe(404);
    const caseworker = await login('caseworker', 'magdeburg');
    expect((await caseworker.get('/admin/magdeburg/zahlungen')).statusCode).toBe(404);
    const anonymous = new Browser(t.app);
    expect((await anonymous.get('/admin/magdeburg/zahlungen')).statusCode).toBe(303);
    expect((await anonymous.get('/admin/magdeburg/zahlungen.csv')).statusCode).toBe(401);
  });

  it('checkConfig: the demo provider and a second instance by configuration; a wrong secret fails loudly', async () => {
    const registry = paymentRegistry(t.deps);
    const demo = registry.get('demo');
    expect(await demo.checkConfig({ originatorId: 'sac-magdeburg', endpointId: '15003000' })).toEqual({
      ok: true,
      problems: [],
    });
    const xb = registry.get('xbezahldienste');
    const second = {
      baseUrl: `${t.base}${secondProvider.basePath}/api/`,
      originatorId: 'sac-halberstadt',
      endpointId: '15085135',
      clientId: secondProvider.clientId,
      clientSecret: secondProvider.clientSecret,
    };
    expect(await xb.checkConfig(second)).toEqual({ ok: true, problems: [] });
    const wrong = await xb.checkConfig({ ...second, clientSecret: 'falsches-Geheimnis' });
    expect(wrong.ok).toBe(false);
    expect(wrong.problems[0]).toContain('Zugangsdaten');
    const unreachable = await xb.checkConfig({ ...second, baseUrl: 'http://127.0.0.1:1/api/' });
    expect(unreachable.ok).toBe(false);
  });

  it('halberstadt pays through the second instance by configuration alone; secrets are stored encrypted', async () => {
    const registry = paymentRegistry(t.deps);
    const tenantId = t.tenantIds.get('halberstadt')!;
    await savePaymentSettings(t.deps, registry, tenantId, 'xbezahldienste', {
      baseUrl: `${t.base}${secondProvider.basePath}/api/`,
      originatorId: 'sac-halberstadt',
      endpointId: '15085135',
      clientId: secondProvider.clientId,
      clientSecret: secondProvider.clientSecret,
    });
    const row = await scoped(t.deps.database.db, tenantId)
      .selectFrom('payment_settings')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(secondProvider.clientSecret);
    expect((await findTenantProvider(t.deps, registry, tenantId))?.plugin.id).toBe('xbezahldienste');

    const browser = new Browser(t.app);
    const { reference } = await submitApplication(t, browser, 'halberstadt');
    const payPage = await clickPay(browser, reference, 'halberstadt');
    expect(payPage).toContain(`${secondProvider.basePath}/kasse/`);
    const back = await checkout(browser, payPage, 'bezahlt');
    expect(location(await browser.get(pathOf(back)))).toBe(receiptPath(reference, 'halberstadt'));
    const submission = await submissionOf(t, reference, 'halberstadt');
    expect(submission.state).toBe('ready_for_delivery');
    const events = await scoped(t.deps.database.db, tenantId)
      .selectFrom('submission_events')
      .select('actor')
      .where('submission_id', '=', submission.id)
      .where('to_state', '=', 'paid')
      .execute();
    expect(events).toEqual([{ actor: 'payment:xbezahldienste' }]);

    // With a wrong secret configured, the provider's (correctly signed) notifications fail loudly.
    await savePaymentSettings(t.deps, registry, tenantId, 'xbezahldienste', {
      baseUrl: `${t.base}${secondProvider.basePath}/api/`,
      originatorId: 'sac-halberstadt',
      endpointId: '15085135',
      clientId: secondProvider.clientId,
      clientSecret: 'falsches-Geheimnis',
    });
    const browser2 = new Browser(t.app);
    const { reference: ref2 } = await submitApplication(t, browser2, 'halberstadt');
    const page = await browser2.get(`/halberstadt/antrag/beispiel-zahlung/zahlung/${ref2}`);
    const failed = await browser2.post(`/halberstadt/antrag/beispiel-zahlung/zahlung/${ref2}`, {
      _csrf: csrfFrom(page.body),
    });
    expect(failed.statusCode).toBe(503);
    expect(failed.body).toContain('Zahlungsdienst nicht erreichbar');
    expect(failed.body).toContain('nichts abgebucht');
  });
});

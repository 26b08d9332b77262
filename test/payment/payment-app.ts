import { expect } from 'vitest';
import { publishDefinition } from '../../src/modules/forms/assistants-store/ops/publish-definition.ts';
import type { AssistantDefinition } from '../../src/modules/forms/definition/types.ts';
import { demoPaymentCredentials } from '../../src/modules/payment/demo/credentials.ts';
import { registerDemoPaymentProvider } from '../../src/modules/payment/demo/register-demo-provider.tsx';
import { seedDemoPayments } from '../../src/modules/payment/demo/seed.ts';
import { signNotification } from '../../src/modules/payment/notification-signature.ts';
import { saveBookingData } from '../../src/modules/payment/settings.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { scoped } from '../../src/platform/db/scope.ts';
import type { Deps } from '../../src/platform/deps.ts';
import { MemoryMailer } from '../../src/platform/mail/mailer.ts';
import { exampleWithEmail } from '../forms/forms-app.ts';
import { completeJourney } from '../forms/journey.ts';
import { type Browser, createTestApp, csrfFrom, type TestApp } from '../helpers/app.ts';
import { freePort } from '../helpers/free-port.ts';

/** Posting data of the test offering (sent to the provider per item, exported for the cash office). */
export const testBookingData = { Haushaltsstelle: '1.6.1.01.401300', Objektnummer: 'TEST-HUND' };

/** A second demo provider instance with its own credentials (configured through the XBezahldienste plug-in). */
export const secondProvider = {
  basePath: '/demo/zahlung2',
  clientId: 'kasse-zwei',
  clientSecret: 'zweites-Geheimnis-42',
};

export interface PaymentApp extends TestApp {
  clock: ManualClock;
  mailer: MemoryMailer;
  base: string;
  definition: AssistantDefinition;
  /** The demo provider's notification secret (its client secret). */
  secret: string;
}

/**
 * The app listening on 127.0.0.1 with SAC_BASE_URL pointing at itself, so the payment client talks to the
 * demo provider over real HTTP exactly as in production; the example assistant (5 € per dog, with an
 * e-mail field) is offered by magdeburg and halberstadt, and every tenant uses the demo provider.
 */
export async function createPaymentApp(): Promise<PaymentApp> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const clock = new ManualClock('2026-03-10T09:00:00Z');
  const mailer = new MemoryMailer();
  const lazy: { deps?: Deps } = {};
  const deps = new Proxy({} as Deps, { get: (_t, key) => lazy.deps![key as keyof Deps] });
  const t = await createTestApp({
    env: { SAC_BASE_URL: base },
    clock,
    mailer,
    extend: (app) => registerDemoPaymentProvider(app, deps, secondProvider),
  });
  lazy.deps = t.deps;
  const definition = exampleWithEmail('beispiel-zahlung');
  await publishDefinition(t.deps.database, definition);
  const db = t.deps.database.db;
  const service = await db
    .insertInto('services')
    .values({ leika_key: '99000000009901', slug: 'test-zahlung', name: 'Test Zahlung' })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const slug of ['magdeburg', 'halberstadt']) {
    const offering = await scoped(db, t.tenantIds.get(slug)!)
      .insertInto('offerings', { service_id: service.id, online: true, assistant_id: definition.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await saveBookingData(db, t.tenantIds.get(slug)!, offering.id, testBookingData);
  }
  await seedDemoPayments(t.deps, t.tenantIds);
  await t.app.listen({ port, host: '127.0.0.1' });
  return { ...t, clock, mailer, base, definition, secret: demoPaymentCredentials(t.config).clientSecret };
}

/** Path (with query) of an absolute URL of this app. */
export function pathOf(url: string): string {
  const u = new URL(url, 'http://x');
  return u.pathname + u.search;
}

export function location(res: { headers: Record<string, unknown> }): string {
  return String(res.headers.location ?? '');
}

/** Fills in and submits the example assistant; returns the reference and where the submit led. */
export async function submitApplication(t: PaymentApp, browser: Browser, tenant = 'magdeburg') {
  const result = await completeJourney(t as never, browser, t.definition, { tenant });
  return { reference: result.reference, next: result.receiptUrl };
}

export const paymentPath = (reference: string, tenant = 'magdeburg') =>
  `/${tenant}/antrag/beispiel-zahlung/zahlung/${reference}`;
export const receiptPath = (reference: string, tenant = 'magdeburg') =>
  `/${tenant}/antrag/beispiel-zahlung/eingang/${reference}`;

/** "Bezahlen" on the payment page; returns the provider's pay page path. */
export async function clickPay(browser: Browser, reference: string, tenant = 'magdeburg'): Promise<string> {
  const page = await browser.get(paymentPath(reference, tenant));
  expect(page.statusCode).toBe(200);
  const res = await browser.post(paymentPath(reference, tenant), { _csrf: csrfFrom(page.body) });
  expect(res.statusCode, res.body).toBe(303);
  return location(res);
}

/** The tester's choice on the demo pay page; returns the return URL the provider sends the browser to. */
export async function checkout(
  browser: Browser,
  payPage: string,
  ergebnis: 'bezahlt' | 'fehlgeschlagen' | 'abgebrochen',
  notify = true,
): Promise<string> {
  const page = await browser.get(pathOf(payPage));
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('Testsystem');
  const res = await browser.post(pathOf(payPage), {
    _csrf: csrfFrom(page.body),
    ergebnis,
    ...(notify ? { benachrichtigen: 'ja' } : {}),
  });
  expect(res.statusCode).toBe(303);
  return location(res);
}

export async function submissionOf(t: PaymentApp, reference: string, tenant = 'magdeburg') {
  return scoped(t.deps.database.db, t.tenantIds.get(tenant)!)
    .selectFrom('submissions')
    .selectAll()
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();
}

export async function paymentsOf(t: PaymentApp, submissionId: string, tenant = 'magdeburg') {
  return scoped(t.deps.database.db, t.tenantIds.get(tenant)!)
    .selectFrom('payments')
    .selectAll()
    .where('submission_id', '=', submissionId)
    .orderBy('attempt')
    .execute();
}

export async function eventsOf(t: PaymentApp, submissionId: string, tenant = 'magdeburg') {
  return scoped(t.deps.database.db, t.tenantIds.get(tenant)!)
    .selectFrom('submission_events')
    .select(['from_state', 'to_state', 'actor', 'reason'])
    .where('submission_id', '=', submissionId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** Posts a notification to SAC as a provider would (signed with `secret` at `at`). */
export async function notify(
  t: PaymentApp,
  body: Record<string, unknown>,
  options: { secret?: string; at?: Date; tenant?: string; headers?: Record<string, string> } = {},
) {
  const raw = JSON.stringify(body);
  const headers = options.headers ?? signNotification(options.secret ?? t.secret, raw, options.at ?? t.clock.now());
  return t.app.inject({
    method: 'POST',
    url: `/zahlung/benachrichtigung/${options.tenant ?? 'magdeburg'}`,
    headers: { 'content-type': 'application/json', ...headers },
    payload: raw,
  });
}

/** Transitions as sorted `from->to` strings (the manual clock gives every event the same time). */
export function transitions(events: { from_state: string | null; to_state: string }[]): string[] {
  return events.map((e) => `${e.from_state ?? ''}->${e.to_state}`).sort();
}

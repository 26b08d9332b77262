import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { type DemoStaffCredential, seedDemoStaff } from '../../src/modules/staff/demo/seed.ts';
import { totpCode } from '../../src/modules/staff/totp.ts';
import type { ManualClock } from '../../src/platform/clock.ts';
import { Browser, createTestApp, csrfFrom, type TestApp } from '../helpers/app.ts';

export interface StaffTestApp extends TestApp {
  clock: ManualClock;
  staff: DemoStaffCredential[];
  account(role: string, tenantSlug: string | null): DemoStaffCredential;
}

/** The app with demo tenants and demo staff (known password, pre-enrolled TOTP). */
export async function createStaffTestApp(
  options: { extend?: (app: FastifyInstance) => void; env?: Record<string, string> } = {},
): Promise<StaffTestApp> {
  const app = await createTestApp(options);
  const staff = await seedDemoStaff(app.deps, app.tenantIds);
  return {
    ...app,
    clock: app.clock as ManualClock,
    staff,
    account(role, tenantSlug) {
      const found = staff.find((s) => s.role === role && s.tenantSlug === tenantSlug);
      if (!found) throw new Error(`no demo account ${role}/${tenantSlug}`);
      return found;
    },
  };
}

export async function postPassword(browser: Browser, email: string, password: string) {
  const page = await browser.get('/backoffice/anmelden');
  return browser.post('/backoffice/anmelden', { _csrf: csrfFrom(page.body), email, password });
}

export async function postCode(browser: Browser, code: string) {
  const page = await browser.get('/backoffice/zwei-faktor');
  expect(page.statusCode).toBe(200);
  return browser.post('/backoffice/zwei-faktor', { _csrf: csrfFrom(page.body), code });
}

/** Full login with password and the current TOTP code; returns the browser on the landing page. */
export async function logIn(app: StaffTestApp, account: DemoStaffCredential, browser = new Browser(app.app)) {
  const first = await postPassword(browser, account.email, account.password);
  expect(first.statusCode).toBe(303);
  expect(first.headers.location).toBe('/backoffice/zwei-faktor');
  const second = await postCode(browser, totpCode(account.totpSecret, app.clock.now()));
  expect(second.statusCode).toBe(303);
  expect(second.headers.location).toBe('/backoffice');
  return browser;
}

export async function auditActions(app: TestApp): Promise<Array<{ actor: string; action: string; details: unknown }>> {
  const rows = await app.deps.database.db
    .selectFrom('audit_events')
    .select(['actor', 'action', 'details', 'at'])
    .where('tenant_id', 'is', null)
    .orderBy('at')
    .execute();
  return rows.map((r) => ({ actor: r.actor, action: r.action, details: r.details }));
}

/** Page text without the per-session CSRF token, for comparing two answers. */
export const withoutCsrf = (html: string) => html.replace(/name="_csrf" value="[^"]+"/g, 'name="_csrf" value=""');

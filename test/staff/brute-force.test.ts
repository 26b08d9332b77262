import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { staffLoginLimits } from '../../src/modules/staff/ops/login.ts';
import { totpCode } from '../../src/modules/staff/totp.ts';
import { Browser, csrfFrom } from '../helpers/app.ts';
import {
  auditActions,
  createStaffTestApp,
  postCode,
  postPassword,
  type StaffTestApp,
  withoutCsrf,
} from './staff-app.ts';

let app: StaffTestApp;
beforeAll(async () => {
  app = await createStaffTestApp();
});
afterAll(() => app.close());
beforeEach(async () => {
  await app.deps.database.db.deleteFrom('rate_limits').execute();
  app.clock.advance(60_000);
});

const limit = staffLoginLimits.account.limit;

/** Posts the login form from its own IP address (app.inject's remoteAddress). */
async function loginFrom(ip: string, email: string, password: string) {
  const page = await app.app.inject({ method: 'GET', url: '/backoffice/anmelden', remoteAddress: ip });
  const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return app.app.inject({
    method: 'POST',
    url: '/backoffice/anmelden',
    remoteAddress: ip,
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    payload: new URLSearchParams({ _csrf: csrfFrom(page.body), email, password }).toString(),
  });
}

describe('brute force on the staff login (F-25)', () => {
  it(`locks an account after ${limit} failures with 429 and Retry-After, also for the right password`, async () => {
    const account = app.account('caseworker', 'magdeburg');
    const browser = new Browser(app.app);
    for (let i = 0; i < limit; i++)
      expect((await postPassword(browser, account.email, `falsch-${i}-xxxxxx`)).statusCode).toBe(422);
    const blocked = await postPassword(browser, account.email, account.password);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect(blocked.body).toContain('Zu viele Versuche');
    expect(blocked.body).toContain('lang="de"');
    // The lock counts the account, not the browser or the spelling of the address.
    const other = await postPassword(new Browser(app.app), account.email.toUpperCase(), account.password);
    expect(other.statusCode).toBe(429);
    const audit = await auditActions(app);
    expect(audit.filter((a) => a.action === 'staff.lockout')).toHaveLength(1);
    // After the window the right password works again.
    app.clock.advance(15 * 60_000);
    expect((await postPassword(new Browser(app.app), account.email, account.password)).statusCode).toBe(303);
  });

  it('an unknown account locks the same way and gets the same answers', async () => {
    const known = app.account('admin', 'magdeburg').email;
    const unknown = 'gibt-es-nicht@magdeburg.demo';
    const answers: Record<string, Array<{ status: number; retryAfter: unknown; body: string }>> = {
      known: [],
      unknown: [],
    };
    for (const [label, email] of [
      ['known', known],
      ['unknown', unknown],
    ] as const) {
      for (let i = 0; i < limit + 2; i++) {
        const res = await postPassword(new Browser(app.app), email, `falsch-${i}-xxxxxx`);
        answers[label]!.push({
          status: res.statusCode,
          retryAfter: res.headers['retry-after'],
          body: withoutCsrf(res.body).replace(email, 'EMAIL'),
        });
      }
    }
    expect(answers.unknown!.map((a) => a.status)).toEqual([...Array(limit).fill(422), 429, 429]);
    expect(answers.unknown).toEqual(answers.known);
  });

  it('a second-factor guess counts against the same account limit', async () => {
    const account = app.account('caseworker', 'halberstadt');
    const browser = new Browser(app.app);
    await postPassword(browser, account.email, account.password);
    const right = totpCode(account.totpSecret, app.clock.now());
    const wrong = right === '123456' ? '654321' : '123456';
    for (let i = 0; i < limit; i++) expect((await postCode(browser, wrong)).statusCode).toBe(422);
    const blocked = await postCode(browser, right);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
  });

  it(`limits one IP address to ${staffLoginLimits.ip.limit} failures across accounts`, async () => {
    for (let i = 0; i < staffLoginLimits.ip.limit; i++)
      expect((await loginFrom('203.0.113.7', `person${i}@magdeburg.demo`, 'falsch-falsch')).statusCode).toBe(422);
    const blocked = await loginFrom('203.0.113.7', 'noch-jemand@magdeburg.demo', 'falsch-falsch');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBeDefined();
    const account = app.account('caseworker', 'wernigerode');
    expect((await loginFrom('198.51.100.9', account.email, account.password)).statusCode).toBe(303);
  });

  it('unknown and known accounts take similar time (dummy argon2 verification)', async () => {
    const known = app.account('caseworker', 'unstruttal').email;
    const time = async (email: string) => {
      const started = process.hrtime.bigint();
      await postPassword(new Browser(app.app), email, 'falsch-falsch-falsch');
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    await time('aufwaermen@magdeburg.demo');
    const knownTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      knownTimes.push(await time(known));
      unknownTimes.push(await time(`unbekannt${i}@magdeburg.demo`));
    }
    // The minimum is the least disturbed by a busy machine. Without the dummy hash an unknown address
    // would answer in a small fraction of the argon2 time.
    const k = Math.min(...knownTimes);
    const u = Math.min(...unknownTimes);
    expect(u).toBeGreaterThan(k * 0.4);
    expect(u).toBeLessThan(k * 2.5);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createStaffAccount } from '../../src/modules/staff/ops/create-account.ts';
import { totpCode } from '../../src/modules/staff/totp.ts';
import { Browser, csrfFrom } from '../helpers/app.ts';
import { auditActions, createStaffTestApp, logIn, postCode, postPassword, type StaffTestApp } from './staff-app.ts';

let app: StaffTestApp;
beforeAll(async () => {
  app = await createStaffTestApp();
});
afterAll(() => app.close());
beforeEach(async () => {
  await app.deps.database.db.deleteFrom('rate_limits').execute();
  app.clock.advance(60_000);
});

async function logOut(browser: Browser) {
  const landing = await browser.get('/backoffice');
  await browser.post('/backoffice/abmelden', { _csrf: csrfFrom(landing.body) });
}

describe('TOTP enrolment and recovery codes', () => {
  const email = 'neu.sachbearbeitung@magdeburg.demo';
  const password = 'ein-langes-Passwort-2026';
  let recoveryCodes: string[] = [];

  it('a new account enrols with QR code (SVG) and manual key, confirms with a code, sees 10 recovery codes once', async () => {
    await createStaffAccount(app.deps, {
      email,
      displayName: 'Neue Sachbearbeitung',
      password,
      role: 'caseworker',
      tenantId: app.tenantIds.get('magdeburg'),
    });
    const row = await app.deps.database.db
      .selectFrom('staff_accounts')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const browser = new Browser(app.app);
    expect((await postPassword(browser, email, password)).headers.location).toBe('/backoffice/zwei-faktor');
    const page = await browser.get('/backoffice/zwei-faktor');
    expect(page.body).toContain('Zwei-Faktor-Anmeldung einrichten');
    const img = /<img src="data:image\/svg\+xml;base64,([^"]+)" alt="QR-Code[^"]*"/.exec(page.body);
    expect(img).not.toBeNull();
    expect(Buffer.from(img![1]!, 'base64').toString()).toContain('<svg');
    const secret = /<code>([A-Z2-7 ]+)<\/code>/.exec(page.body)![1]!.replace(/ /g, '');
    expect(secret).toHaveLength(32);
    // The secret is stored encrypted only.
    const pending = await app.deps.database.db
      .selectFrom('staff_accounts')
      .select(['totp_pending_enc', 'totp_secret_enc'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(pending.totp_pending_enc).toMatch(/^v1\./);
    expect(pending.totp_pending_enc).not.toContain(secret);
    expect(pending.totp_secret_enc).toBeNull();

    const wrong = await browser.post('/backoffice/zwei-faktor', {
      _csrf: csrfFrom(page.body),
      code: '000000' === totpCode(secret, app.clock.now()) ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('Der Code ist falsch');
    expect(wrong.body).toContain(secret.slice(0, 4)); // still the same secret to scan

    const done = await browser.post('/backoffice/zwei-faktor', {
      _csrf: csrfFrom(wrong.body),
      code: totpCode(secret, app.clock.now()),
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Ihre Wiederherstellungscodes');
    recoveryCodes = [...done.body.matchAll(/<code>([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})<\/code>/g)].map((m) => m[1]!);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await app.deps.database.db.selectFrom('staff_recovery_codes').select('code_hash').execute();
    expect(JSON.stringify(stored)).not.toContain(recoveryCodes[0]!.replace(/-/g, ''));
    expect((await browser.get('/backoffice')).body).toContain('Posteingang der Landeshauptstadt Magdeburg');
    expect((await auditActions(app)).map((a) => a.action)).toContain('staff.totp_enrolled');

    // Logged in again: the code page no longer shows the secret.
    await logOut(browser);
    app.clock.advance(60_000);
    await postPassword(browser, email, password);
    const again = await browser.get('/backoffice/zwei-faktor');
    expect(again.body).toContain('Bestätigungscode eingeben');
    expect(again.body).not.toContain(secret.slice(0, 8));
  });

  it('a recovery code works once (any spelling), then never again', async () => {
    const code = recoveryCodes[3]!;
    const first = new Browser(app.app);
    await postPassword(first, email, password);
    const ok = await postCode(first, ` ${code.toLowerCase().replace(/-/g, ' ')} `);
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/backoffice');
    expect((await auditActions(app)).map((a) => a.action)).toContain('staff.recovery_code_used');
    const second = new Browser(app.app);
    await postPassword(second, email, password);
    const reused = await postCode(second, code);
    expect(reused.statusCode).toBe(422);
    expect(reused.body).toContain('Der Code ist falsch');
  });

  it('recovery codes of one account do not work for another', async () => {
    const other = app.account('caseworker', 'magdeburg');
    const browser = new Browser(app.app);
    await postPassword(browser, other.email, other.password);
    expect((await postCode(browser, recoveryCodes[5]!)).statusCode).toBe(422);
  });

  it('a login re-hashes a password stored with old argon2 parameters', async () => {
    const { hash } = await import('@node-rs/argon2');
    const old = await hash(password, { memoryCost: 4096, timeCost: 1, parallelism: 1 });
    await app.deps.database.db
      .updateTable('staff_accounts')
      .set({ password_hash: old })
      .where('email', '=', email)
      .execute();
    const browser = new Browser(app.app);
    expect((await postPassword(browser, email, password)).statusCode).toBe(303);
    const row = await app.deps.database.db
      .selectFrom('staff_accounts')
      .select('password_hash')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).not.toBe(old);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('demo accounts are pre-enrolled with secrets encrypted at rest', async () => {
    const rows = await app.deps.database.db.selectFrom('staff_accounts').select(['email', 'totp_secret_enc']).execute();
    const demo = rows.filter((r) => r.email.endsWith('.demo') && r.email !== email);
    expect(demo.length).toBe(9);
    for (const r of demo) expect(r.totp_secret_enc).toMatch(/^v1\./);
    await logIn(app, app.account('operator', null));
  });
});

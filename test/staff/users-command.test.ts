import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/modules/staff/totp.ts';
import { usersCommand } from '../../src/modules/staff/users-command.ts';
import { Browser } from '../helpers/app.ts';
import { createStaffTestApp, postPassword, type StaffTestApp } from './staff-app.ts';

let app: StaffTestApp;
beforeAll(async () => {
  app = await createStaffTestApp();
});
afterAll(() => app.close());

describe('sac users', () => {
  it('adds a caseworker with a generated password who then enrols at first login', async () => {
    const result = await usersCommand(app.deps, [
      'add',
      '--email',
      'Klara.Kaiser@Halberstadt.demo',
      '--name',
      'Klara Kaiser',
      '--role',
      'caseworker',
      '--tenant',
      'halberstadt',
    ]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Created caseworker klara.kaiser@halberstadt.demo for halberstadt.');
    const password = /Generated password \(shown once\): (\S+)/.exec(result.stdout)![1]!;
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(result.stdout).toContain('/backoffice/anmelden');
    const browser = new Browser(app.app);
    expect((await postPassword(browser, 'klara.kaiser@halberstadt.demo', password)).statusCode).toBe(303);
    expect((await browser.get('/backoffice/zwei-faktor')).body).toContain('Zwei-Faktor-Anmeldung einrichten');
    const audit = await app.deps.database.db
      .selectFrom('audit_events')
      .select(['actor', 'action', 'tenant_id'])
      .where('tenant_id', '=', app.tenantIds.get('halberstadt')!)
      .execute();
    expect(audit).toContainEqual({
      actor: 'cli',
      action: 'staff.account_created',
      tenant_id: app.tenantIds.get('halberstadt'),
    });
  });

  it('adds an operator with a given password, refuses bad input in plain words', async () => {
    const ok = await usersCommand(app.deps, [
      'add',
      '--email',
      'ops@sac.demo',
      '--name',
      'Ops',
      '--role',
      'operator',
      '--password',
      'ein-sehr-langes-passwort',
    ]);
    expect(ok.exitCode).toBe(0);
    expect(ok.stdout).not.toContain('Generated password');
    const cases: Array<[string[], RegExp]> = [
      [['add', '--email', 'ops@sac.demo', '--name', 'Ops', '--role', 'operator'], /bereits ein Konto/],
      [['add', '--email', 'x@sac.demo', '--name', 'X', '--role', 'chef'], /Unknown role/],
      [['add', '--email', 'x@sac.demo', '--name', 'X', '--role', 'admin'], /needs --tenant/],
      [['add', '--email', 'x@sac.demo', '--name', 'X', '--role', 'admin', '--tenant', 'atlantis'], /No active tenant/],
      [
        ['add', '--email', 'x@sac.demo', '--name', 'X', '--role', 'operator', '--password', 'kurz'],
        /mindestens 12 Zeichen/,
      ],
      [['add', '--email', 'kein-at', '--name', 'X', '--role', 'operator'], /Ungültige E-Mail-Adresse/],
      [['löschen'], /Usage/],
    ];
    for (const [args, message] of cases) {
      const result = await usersCommand(app.deps, args);
      expect(result.exitCode).toBeGreaterThan(0);
      expect(result.stderr).toMatch(message);
    }
  });

  it('prints the current TOTP code of a demo account in demo mode', async () => {
    const account = app.account('caseworker', 'magdeburg');
    const result = await usersCommand(app.deps, ['totp', account.email]);
    expect(result.stdout.trim()).toBe(totpCode(account.totpSecret, app.clock.now()));
    const production = await usersCommand({ ...app.deps, config: { ...app.config, demo: false } }, [
      'totp',
      account.email,
    ]);
    expect(production.exitCode).toBe(2);
    const stranger = await usersCommand(app.deps, ['totp', 'klara.kaiser@halberstadt.demo']);
    expect(stranger.exitCode).toBe(1);
    expect(stranger.stderr).toContain('not a demo staff account');
  });
});

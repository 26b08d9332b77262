import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import type { Deps } from '../../platform/deps.ts';
import { notFound } from '../../platform/errors.ts';
import { DatabaseRateLimitStore, RateLimiter } from '../../platform/http/rate-limit.ts';
import { sendPage } from '../../platform/render/render.ts';
import { findTenantBySlug, listTenants } from '../tenants/repo.ts';
import { currentStaff, registerStaffAccess, requireStaff, type StaffSessionData, staffSessionKey } from './access.ts';
import { listStaffOidcLogins } from './oidc/config.ts';
import { registerStaffOidcRoutes } from './oidc/routes.tsx';
import { confirmTotpEnrolment, pendingTotpSecret } from './ops/enrol-totp.ts';
import {
  assertLoginAllowed,
  checkPassword,
  checkSecondFactor,
  loginSucceeded,
  recordLoginFailure,
} from './ops/login.ts';
import { bumpSessionEpoch, findAccountById, type StaffAccount, writeStaffAudit } from './repo.ts';
import { otpauthUri } from './totp.ts';
import { AdminPage, StaffLandingPage } from './views/landing-page.tsx';
import { LoginPage, loginFailedMessage } from './views/login-page.tsx';
import { RecoveryCodesPage, SecondFactorPage, secondFactorFailedMessage } from './views/second-factor-page.tsx';

/** Between password and second factor: who passed step 1, until when. */
interface PendingLogin {
  id: string;
  epoch: number;
  until: number;
}
const pendingKey = 'staffLogin';
const pendingMinutes = 5;

function field(body: unknown, name: string, max: number): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value.slice(0, max) : '';
}

/** Staff login (password, then TOTP or recovery code), logout, logout everywhere, and the landing pages. */
export function registerStaffRoutes(app: FastifyInstance, deps: Deps): void {
  const db = deps.database.db;
  const limiter = new RateLimiter(new DatabaseRateLimitStore(db), deps.clock, deps.config.secretKey);
  const loginDeps = { ...deps, limiter };
  registerStaffAccess(app, db);
  registerStaffOidcRoutes(app, deps);

  async function pendingAccount(request: FastifyRequest): Promise<StaffAccount | null> {
    const session = await request.existingSession();
    const pending = session?.get<PendingLogin>(pendingKey);
    if (!pending || pending.until < deps.clock.now().getTime()) return null;
    const account = await findAccountById(db, pending.id);
    return account?.active && account.session_epoch === pending.epoch ? account : null;
  }

  async function secondFactorPage(request: FastifyRequest, reply: FastifyReply, account: StaffAccount, error?: string) {
    const ctx = request.pageContext();
    const csrf = await request.csrfToken();
    if (account.totp_secret_enc)
      return sendPage(reply, <SecondFactorPage ctx={ctx} csrf={csrf} error={error} />, error ? 422 : 200);
    const secret = await pendingTotpSecret(deps, account);
    const svg = await QRCode.toString(otpauthUri(secret, account.email), {
      type: 'svg',
      margin: 1,
      errorCorrectionLevel: 'M',
    });
    const enrolment = {
      qrDataUri: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
      secretGroups: secret.match(/.{1,4}/g)!.join(' '),
    };
    return sendPage(
      reply,
      <SecondFactorPage ctx={ctx} csrf={csrf} enrolment={enrolment} error={error} />,
      error ? 422 : 200,
    );
  }

  async function completeLogin(request: FastifyRequest, account: StaffAccount, method: string) {
    const session = await request.session();
    session.regenerate();
    session.delete(pendingKey);
    session.set(staffSessionKey, { id: account.id, epoch: account.session_epoch } satisfies StaffSessionData);
    await loginSucceeded(loginDeps, { email: account.email, ip: request.ip });
    await writeStaffAudit(db, {
      actor: `staff:${account.id}`,
      action: 'staff.login',
      staffId: account.id,
      details: { method },
    });
  }

  app.get<{ Querystring: { abgemeldet?: string } }>('/backoffice/anmelden', async (request, reply) => {
    if (await currentStaff(request)) return reply.redirect('/backoffice', 303);
    const notice = request.query.abgemeldet ? 'Sie sind abgemeldet.' : undefined;
    const oidcLogins = await listStaffOidcLogins(db);
    return sendPage(
      reply,
      <LoginPage
        ctx={request.pageContext()}
        csrf={await request.csrfToken()}
        notice={notice}
        oidcLogins={oidcLogins}
      />,
    );
  });

  app.post('/backoffice/anmelden', async (request, reply) => {
    const email = field(request.body, 'email', 254).trim();
    const password = field(request.body, 'password', 1024);
    const account = await checkPassword(loginDeps, { email, password, ip: request.ip });
    if (!account) {
      const page = (
        <LoginPage
          ctx={request.pageContext()}
          csrf={await request.csrfToken()}
          email={email}
          error={loginFailedMessage}
          oidcLogins={await listStaffOidcLogins(db)}
        />
      );
      return sendPage(reply, page, 422);
    }
    const session = await request.session();
    session.regenerate();
    session.delete(staffSessionKey);
    const until = deps.clock.now().getTime() + pendingMinutes * 60_000;
    session.set(pendingKey, { id: account.id, epoch: account.session_epoch, until } satisfies PendingLogin);
    return reply.redirect('/backoffice/zwei-faktor', 303);
  });

  app.get('/backoffice/zwei-faktor', async (request, reply) => {
    const account = await pendingAccount(request);
    if (!account) return reply.redirect((await currentStaff(request)) ? '/backoffice' : '/backoffice/anmelden', 303);
    return secondFactorPage(request, reply, account);
  });

  app.post('/backoffice/zwei-faktor', async (request, reply) => {
    const account = await pendingAccount(request);
    if (!account) return reply.redirect('/backoffice/anmelden', 303);
    const code = field(request.body, 'code', 64).trim();
    const attempt = { email: account.email, ip: request.ip };
    if (!account.totp_secret_enc) {
      await assertLoginAllowed(loginDeps, attempt);
      const recoveryCodes = await confirmTotpEnrolment(deps, account, code);
      if (!recoveryCodes) {
        await recordLoginFailure(loginDeps, attempt, account, 'enrolment');
        return secondFactorPage(request, reply, account, secondFactorFailedMessage);
      }
      await completeLogin(request, account, 'totp_enrolment');
      await writeStaffAudit(db, { actor: `staff:${account.id}`, action: 'staff.totp_enrolled', staffId: account.id });
      return sendPage(reply, <RecoveryCodesPage ctx={request.pageContext()} codes={recoveryCodes} />);
    }
    const method = await checkSecondFactor(loginDeps, attempt, account, code);
    if (!method) return secondFactorPage(request, reply, account, secondFactorFailedMessage);
    await completeLogin(request, account, method);
    if (method === 'recovery')
      await writeStaffAudit(db, {
        actor: `staff:${account.id}`,
        action: 'staff.recovery_code_used',
        staffId: account.id,
      });
    return reply.redirect('/backoffice', 303);
  });

  app.post('/backoffice/abmelden', async (request, reply) => {
    const staff = await currentStaff(request);
    const everywhere = field(request.body, 'ueberall', 8) === '1';
    if (staff) {
      if (everywhere) await bumpSessionEpoch(db, staff.id);
      const action = everywhere ? 'staff.logout_everywhere' : 'staff.logout';
      await writeStaffAudit(db, { actor: `staff:${staff.id}`, action, staffId: staff.id });
    }
    (await request.session()).destroy();
    return reply.redirect('/backoffice/anmelden?abgemeldet=1', 303);
  });

  app.get('/backoffice', async (request, reply) => {
    const staff = await currentStaff(request);
    if (!staff) return reply.redirect('/backoffice/anmelden', 303);
    const allTenants = staff.operator ? await listTenants(db) : [];
    const page = (
      <StaffLandingPage
        ctx={request.pageContext()}
        csrf={await request.csrfToken()}
        staff={staff}
        allTenants={allTenants}
      />
    );
    return sendPage(reply, page);
  });

  app.get('/admin', async (request, reply) => {
    if (!(await currentStaff(request))) return reply.redirect('/backoffice/anmelden', 303);
    const staff = await requireStaff(request, { role: ['admin', 'operator'] });
    const tenants = staff.operator
      ? await listTenants(db)
      : staff.grants
          .filter((g) => g.role === 'admin')
          .map((g) => ({ id: g.tenantId, slug: g.tenantSlug, name: g.tenantName }));
    return sendPage(
      reply,
      <AdminPage ctx={request.pageContext()} csrf={await request.csrfToken()} staff={staff} tenants={tenants} />,
    );
  });

  app.get<{ Params: { tenant: string } }>('/admin/:tenant', async (request, reply) => {
    if (!(await currentStaff(request))) return reply.redirect('/backoffice/anmelden', 303);
    const tenant = await findTenantBySlug(db, request.params.tenant);
    if (!tenant) throw notFound();
    const staff = await requireStaff(request, { tenantId: tenant.id, role: ['admin', 'operator'] });
    const entry = [{ id: tenant.id, slug: tenant.slug, name: tenant.name }];
    return sendPage(
      reply,
      <AdminPage ctx={request.pageContext()} csrf={await request.csrfToken()} staff={staff} tenants={entry} />,
    );
  });
}

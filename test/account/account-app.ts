import { expect } from 'vitest';
import { publishDefinition } from '../../src/modules/forms/assistants-store/ops/publish-definition.ts';
import type { AssistantDefinition } from '../../src/modules/forms/definition/types.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { scoped } from '../../src/platform/db/scope.ts';
import { MemoryMailer } from '../../src/platform/mail/mailer.ts';
import { exampleWithEmail, type FormsApp } from '../forms/forms-app.ts';
import { completeJourney, startDraft } from '../forms/journey.ts';
import { Browser, createTestApp, type TestApp } from '../helpers/app.ts';
import { citizenOf, samlLogin, testRoutes } from '../identity/flow.ts';

export interface AccountApp extends TestApp {
  mailer: MemoryMailer;
  clock: ManualClock;
  definition: AssistantDefinition;
}

/** Publishes the example assistant with an e-mail field and lets magdeburg and halberstadt offer it online. */
export async function offerTestAssistant(t: TestApp): Promise<AssistantDefinition> {
  const definition = exampleWithEmail();
  await publishDefinition(t.testDb.database, definition);
  const db = t.testDb.database.db;
  const service = await db
    .insertInto('services')
    .values({ leika_key: '99000009990001', slug: 'test-mein-konto', name: 'Test Mein Konto' })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const slug of ['magdeburg', 'halberstadt'])
    await scoped(db, t.tenantIds.get(slug)!)
      .insertInto('offerings', { service_id: service.id, online: true, assistant_id: definition.id })
      .execute();
  return definition;
}

/** The full app with the identity test routes, a memory mailer, and an assistant with an e-mail field offered online. */
export async function createAccountApp(env: Record<string, string> = {}): Promise<AccountApp> {
  const mailer = new MemoryMailer();
  const clock = new ManualClock(new Date());
  const t = await createTestApp({ extend: testRoutes, mailer, clock, env });
  return { ...t, mailer, clock, definition: await offerTestAssistant(t) };
}

export interface Citizen {
  browser: Browser;
  accountId: string;
}

/** Logs a demo persona in through the demo IdP (SAML) in a fresh cookie jar. */
export async function login(t: Pick<TestApp, 'app'>, persona: 'erika' | 'max'): Promise<Citizen> {
  const browser = new Browser(t.app);
  const { response } = await samlLogin(
    browser,
    { persona },
    { level: persona === 'erika' ? 'hoch' : 'basisregistrierung' },
  );
  expect(response.statusCode).toBe(303);
  return { browser, accountId: (await citizenOf(browser)).accountId };
}

/**
 * Submits an application through the form journey as the logged-in citizen. Should the forms module not
 * (yet) record the account at submit, the fixture ties the submission to it.
 */
export async function submitAs(
  t: Pick<AccountApp, 'app' | 'testDb' | 'tenantIds' | 'definition'>,
  citizen: Citizen,
  tenant = 'magdeburg',
  email = 'erika@example.org',
) {
  const result = await completeJourney(t as unknown as FormsApp, citizen.browser, t.definition, {
    tenant,
    table: { email, ermaessigung: 'nein' },
  });
  const db = scoped(t.testDb.database.db, t.tenantIds.get(tenant)!);
  await db
    .updateTable('submissions')
    .set({ citizen_account_id: citizen.accountId })
    .where('reference', '=', result.reference)
    .where('citizen_account_id', 'is', null)
    .execute();
  const row = await db
    .selectFrom('submissions')
    .select(['id', 'tenant_id', 'reference', 'citizen_account_id'])
    .where('reference', '=', result.reference)
    .executeTakeFirstOrThrow();
  expect(row.citizen_account_id).toBe(citizen.accountId);
  return { ...row, receiptUrl: result.receiptUrl };
}

/** Starts a draft as the logged-in citizen; the fixture ties it to the account if the forms module did not. */
export async function draftAs(t: AccountApp, citizen: Citizen, tenant = 'magdeburg') {
  const first = await startDraft(citizen.browser, tenant, t.definition.id);
  const draftId = first.split('/').at(-2)!;
  await scoped(t.testDb.database.db, t.tenantIds.get(tenant)!)
    .updateTable('drafts')
    .set({ citizen_account_id: citizen.accountId })
    .where('id', '=', draftId)
    .where('citizen_account_id', 'is', null)
    .execute();
  return { draftId, firstStepUrl: first };
}

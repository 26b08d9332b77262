import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { publishDefinition } from '../../src/modules/forms/assistants-store/ops/publish-definition.ts';
import type { AssistantDefinition, Field } from '../../src/modules/forms/definition/types.ts';
import { type Answers, computeFees, type FileMeta } from '../../src/modules/forms/engine/index.ts';
import { attachToSubmission, storeUpload } from '../../src/modules/forms/uploads/repository.ts';
import { grantReceipt } from '../../src/modules/forms/web/receipt-access.ts';
import { CITIZEN_KEY } from '../../src/modules/identity/citizen-session.ts';
import { newReferenceNumber } from '../../src/modules/submissions/reference-number.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { scoped } from '../../src/platform/db/scope.ts';
import { MemoryMailer } from '../../src/platform/mail/mailer.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { ASSISTANT_IDS, answersFor, ctx, loadAssistant, POSTS } from '../pdf/fixtures.ts';

export { ASSISTANT_IDS };

/** Tenant per assistant whose name shares no word with the fixture answers (the mail test relies on it). */
export const TENANT_OF: Record<string, string> = {
  urkundenbestellung: 'halberstadt',
  hundeanmeldung: 'magdeburg',
  hundeabmeldung: 'magdeburg',
  begruessungsgeld: 'halberstadt',
  gewerbeanmeldung: 'halberstadt',
};

export interface DocumentsApp extends TestApp {
  mailer: MemoryMailer;
  manualClock: ManualClock;
  definitions: Map<string, AssistantDefinition>;
}

/** Test-only routes: grant the receipt to this session; log in as an account (the session holds the citizen). */
function testRoutes(app: FastifyInstance): void {
  app.get<{ Params: { reference: string } }>('/test/grant/:reference', async (request) => {
    grantReceipt(await request.session(), request.params.reference);
    return { ok: true };
  });
  app.get<{ Params: { accountId: string } }>('/test/login/:accountId', async (request) => {
    (await request.session()).set(CITIZEN_KEY, {
      accountId: request.params.accountId,
      pseudonymHash: 'x'.repeat(64),
      provider: 'demo-bundid',
      providerLabel: 'Demo',
      trustLevel: 'substantiell',
      authTime: new Date().toISOString(),
      attributes: {},
    });
    return { ok: true };
  });
}

/** The app with every shipped assistant published, a memory mailer and a fixed clock. */
export async function createDocumentsApp(): Promise<DocumentsApp> {
  const mailer = new MemoryMailer();
  const manualClock = new ManualClock('2026-11-30T13:05:42.123Z');
  const app = await createTestApp({ mailer, clock: manualClock, extend: testRoutes });
  const definitions = new Map<string, AssistantDefinition>();
  for (const id of ASSISTANT_IDS) {
    const def = loadAssistant(id);
    await publishDefinition(app.testDb.database, def);
    definitions.set(id, def);
  }
  return { ...app, mailer, manualClock, definitions };
}

export async function createAccount(app: TestApp): Promise<string> {
  const id = randomUUID();
  const now = app.clock.now();
  await app.deps.database.db
    .insertInto('citizen_accounts')
    .values({
      id,
      pseudonym_hash: randomUUID().replace(/-/g, '').padEnd(64, '0'),
      created_at: now,
      last_login_at: now,
      last_provider: 'demo-bundid',
      last_trust_level: 'substantiell',
    })
    .execute();
  return id;
}

export interface InsertedSubmission {
  id: string;
  tenantId: string;
  reference: string;
  answers: Answers;
  /** Name → SHA-256 of the uploads stored for the file answers. */
  uploads: { id: string; name: string; sha256: string }[];
}

/**
 * A submission as submitApplication leaves it: realistic answers (test/pdf/fixtures.ts) with their files
 * stored as real encrypted uploads and attached, fees computed, optionally paid with a Kassenzeichen.
 */
export async function insertSubmission(
  app: DocumentsApp,
  assistantId: string,
  options: { tenant?: string; accountId?: string; paid?: string; answers?: Answers; language?: 'de' | 'en' } = {},
): Promise<InsertedSubmission> {
  const def = app.definitions.get(assistantId)!;
  const tenantSlug = options.tenant ?? TENANT_OF[assistantId] ?? 'magdeburg';
  const tenantId = app.tenantIds.get(tenantSlug)!;
  const id = randomUUID();
  const uploads: { id: string; name: string; sha256: string }[] = [];
  const answers = await withStoredFiles(
    app,
    tenantId,
    def.steps.flatMap((step) => step.fields),
    options.answers ?? answersFor(def, POSTS[assistantId] ?? {}),
    uploads,
  );
  const fees = computeFees(def, answers, ctx);
  const reference = newReferenceNumber(tenantSlug);
  const now = app.clock.now();
  const db = app.deps.database.db;
  await scoped(db, tenantId)
    .insertInto('submissions', {
      id,
      draft_id: randomUUID(),
      offering_id: null,
      service_id: null,
      assistant_id: def.id,
      assistant_version: def.version,
      reference,
      answers: app.deps.cipher.encryptJson(answers, id),
      fees: JSON.stringify(fees),
      language: options.language ?? 'de',
      submitted_at: now,
      state_changed_at: now,
      citizen_account_id: options.accountId ?? null,
      status_code: null,
      state: fees.totalCents > 0 ? 'awaiting_payment' : 'ready_for_delivery',
    })
    .execute();
  await attachToSubmission(
    db,
    tenantId,
    uploads.map((upload) => upload.id),
    id,
  );
  if (options.paid && fees.totalCents > 0) {
    await scoped(db, tenantId)
      .insertInto('payments', {
        id: randomUUID(),
        submission_id: id,
        attempt: 1,
        plugin_id: 'demo',
        status: 'paid',
        amount_cents: fees.totalCents,
        currency: 'EUR',
        transaction_id: randomUUID(),
        transaction_reference: options.paid,
        redirect_url: null,
        payment_method: null,
        status_detail: null,
        created_at: now,
        updated_at: now,
        paid_at: now,
        last_checked_at: null,
      })
      .execute();
  }
  return { id, tenantId, reference, answers, uploads };
}

/** Replaces the fixture's placeholder file answers by uploads stored for real. */
async function withStoredFiles(
  app: TestApp,
  tenantId: string,
  fields: readonly Field[],
  answers: Answers,
  uploads: { id: string; name: string; sha256: string }[],
): Promise<Answers> {
  const out: Answers = { ...answers };
  for (const field of fields) {
    const value = out[field.id];
    if (field.type === 'file' && Array.isArray(value)) {
      const stored: FileMeta[] = [];
      for (const file of value as FileMeta[]) {
        const content = Buffer.from(`%PDF-1.4\n% ${file.name}\n%%EOF\n`);
        stored.push(
          await storeUpload(app.deps, {
            tenantId,
            draftId: null,
            fieldId: field.id,
            name: file.name,
            mimeType: 'application/pdf',
            content,
          }),
        );
        uploads.push({
          id: stored.at(-1)!.id,
          name: file.name,
          sha256: createHash('sha256').update(content).digest('hex'),
        });
      }
      out[field.id] = stored;
    }
    if (field.type === 'group' && value && typeof value === 'object') {
      out[field.id] = Array.isArray(value)
        ? await Promise.all(
            (value as Answers[]).map((item) => withStoredFiles(app, tenantId, field.fields, item, uploads)),
          )
        : await withStoredFiles(app, tenantId, field.fields, value as Answers, uploads);
    }
  }
  return out;
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textsFor } from '../../examples/fachverfahren/texts.ts';
import { demoFitDestinations } from '../../src/modules/delivery/fit/demo-seed.ts';
import { findDestination } from '../../src/modules/delivery/fit/destinations.ts';
import type { Answers } from '../../src/modules/forms/engine/index.ts';
import { listEvents } from '../../src/modules/submissions/lifecycle/transition.ts';
import { scoped } from '../../src/platform/db/scope.ts';
import type { TestApp } from '../helpers/app.ts';
import { type DemoStack, startDemoStack } from '../helpers/demo-stack.ts';
import { ASSISTANT_IDS, loadAssistant } from '../pdf/fixtures.ts';
import { loggedIn, municipalitiesFor, submitApplication } from './citizen-journey.ts';

/**
 * Issue 6, "done means": in the demo, every shipped assistant's submissions reach the demo Fachverfahren
 * encrypted, are acknowledged, and their status comes back to the citizen without anyone touching anything.
 * A listening app on the real clock with the demo seed, the real job worker and the demo Fachverfahren as a
 * child process (one for all); a logged-in citizen submits one application per shipped assistant through the
 * HTTP routes (paying at the demo provider where a fee is due), then nobody does anything but wait.
 */
let stack: DemoStack;
let t: TestApp;
const municipalityOf = municipalitiesFor(ASSISTANT_IDS);

async function until(what: () => Promise<string | undefined>, timeoutMs = 240_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  let missing: string | undefined = 'not checked';
  while (Date.now() < end) {
    missing = await what();
    if (!missing) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out: ${missing}\ndemo Fachverfahren said:\n${stack.fvLines.slice(-20).join('\n')}`);
}

/** The demo Fachverfahren's JSON log lines. */
const fvLog = () =>
  stack.fvLines.flatMap((line) => {
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });

beforeAll(async () => {
  stack = await startDemoStack();
  t = stack.t;
  await until(async () => {
    for (const d of demoFitDestinations) {
      const tenantId = t.tenantIds.get(d.tenantSlug)!;
      const found = await findDestination(t.deps.database.db, t.deps.cipher, tenantId, d.destinationId);
      if (found?.status !== 'active') return `keys of ${d.tenantSlug}'s destination`;
    }
    return undefined;
  });
}, 240_000);
afterAll(async () => {
  await stack?.stop();
});

async function submissionRow(tenantId: string, reference: string) {
  return scoped(t.deps.database.db, tenantId)
    .selectFrom('submissions')
    .select(['id', 'state', 'answers', 'assistant_version'])
    .where('reference', '=', reference)
    .executeTakeFirstOrThrow();
}

describe('every shipped assistant through the demo Fachverfahren and back (issue 6)', { timeout: 300_000 }, () => {
  it('the demo publishes exactly the shipped assistants these journeys cover', async () => {
    const published = await t.deps.database.db
      .selectFrom('assistant_versions')
      .select('assistant_id')
      .distinct()
      .execute();
    expect(published.map((p) => p.assistant_id).sort()).toEqual([...ASSISTANT_IDS].sort());
    // Every demo destination gets at least one of them.
    expect(new Set(municipalityOf.values())).toEqual(new Set(demoFitDestinations.map((d) => d.tenantSlug)));
  });

  it.concurrent.each(ASSISTANT_IDS.map((id) => [id, municipalityOf.get(id)!] as const))(
    '%s in %s: submitted, delivered encrypted, acknowledged, "Abgeschlossen" with the message in Mein Konto',
    async (assistantId, tenant) => {
      const def = loadAssistant(assistantId);
      const tenantId = t.tenantIds.get(tenant)!;
      // Each journey in its own browser session; the same person (one account) in all of them.
      const citizen = await loggedIn(t);
      const { reference, paid } = await submitApplication(t, citizen, def, tenant);
      // Where the assistant charges a fee (for these answers), the citizen paid at the demo provider.
      expect(paid, 'went through the demo payment provider').toBe((def.fees?.length ?? 0) > 0);

      // Nobody touches anything: the worker delivers, the Fachverfahren pulls, acknowledges and reports.
      const { id } = await submissionRow(tenantId, reference);
      const deliveries = () =>
        scoped(t.deps.database.db, tenantId)
          .selectFrom('deliveries')
          .select(['connector_id', 'state', 'attempts', 'last_error'])
          .where('submission_id', '=', id)
          .execute();
      await until(async () => {
        const state = (await submissionRow(tenantId, reference)).state;
        const open = (await deliveries()).filter((d) => d.state !== 'delivered');
        if (state === 'completed' && open.length === 0) return undefined;
        return `${assistantId} ${reference}: state ${state}, deliveries not delivered: ${JSON.stringify(open)}`;
      });

      // Delivered on every route, the FIT one included; the FIT submission was accepted with a signed SET.
      const delivered = await deliveries();
      expect(delivered.map((d) => d.connector_id).sort()).toEqual(['email', 'fit-connect']);
      const fit = await scoped(t.deps.database.db, tenantId)
        .selectFrom('fit_submissions')
        .select(['id', 'status', 'destination_id', 'announced_attachments'])
        .where('sac_submission_id', '=', id)
        .execute();
      expect(fit).toHaveLength(1);
      expect(fit[0]!.status).toBe('accepted');
      expect(fit[0]!.destination_id).toBe(demoFitDestinations.find((d) => d.tenantSlug === tenant)!.destinationId);
      const fitEvents = await scoped(t.deps.database.db, tenantId)
        .selectFrom('fit_events')
        .select('event')
        .where('submission_id', '=', fit[0]!.id)
        .orderBy('seq')
        .execute();
      expect(fitEvents.map((e) => e.event)).toEqual(['create-submission', 'submit-submission', 'accept-submission']);
      const timeline = await listEvents(t.deps, tenantId, id);
      expect(timeline.map((e) => e.to).slice(-4)).toEqual(['delivered', 'received', 'in_progress', 'completed']);

      // What the demo Fachverfahren decrypted is what was submitted (its log names fields, not values).
      const row = await submissionRow(tenantId, reference);
      const answers = t.deps.cipher.decryptJson<Answers>(row.answers, id);
      const received = fvLog().filter((l) => l.message === 'submission accepted' && l.reference === reference);
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({
        tenant,
        submissionId: fit[0]!.id,
        assistantId,
        assistantVersion: row.assistant_version,
        fields: Object.keys(answers).sort(),
        payment: paid ? 'paid' : null,
      });
      const announced = JSON.parse(fit[0]!.announced_attachments) as string[];
      expect(received[0]!.attachments).toHaveLength(announced.length);
      expect(received[0]!.attachments).toContain('application/pdf');

      // Mein Konto: the status and the office's texts and message reach the citizen.
      const texts = textsFor(assistantId);
      const page = await citizen.get(`/konto/antraege/${reference}`);
      expect(page.statusCode).toBe(200);
      for (const wanted of ['Abgeschlossen', 'In Bearbeitung', texts.inProgress, texts.completed])
        expect(page.body, wanted).toContain(wanted);
      const messageLink = /href="(\/konto\/postfach\/[^"]+)"[^>]*>\s*(?:<strong>)?Ihr Antrag ist abgeschlossen/.exec(
        page.body,
      );
      expect(messageLink, 'the office’s message is listed').not.toBeNull();
      const message = await citizen.get(messageLink![1]!);
      expect(message.statusCode).toBe(200);
      expect(message.body).toContain(`Ihr Antrag ${reference} ist bearbeitet.`);
      expect(message.body).toContain(texts.outcome);
    },
  );
});

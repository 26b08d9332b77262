import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transitionHooks } from '../../src/modules/submissions/lifecycle/hooks.ts';
import {
  allowedTransitions,
  canTransition,
  type SubmissionState,
  submissionStates,
} from '../../src/modules/submissions/lifecycle/states.ts';
import { listEvents, transition } from '../../src/modules/submissions/lifecycle/transition.ts';
import { scoped } from '../../src/platform/db/scope.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

describe('submission lifecycle', () => {
  let t: TestApp;
  let tenantId: string;
  let otherTenantId: string;

  beforeAll(async () => {
    t = await createTestApp();
    tenantId = t.tenantIds.get('magdeburg') as string;
    otherTenantId = t.tenantIds.get('halberstadt') as string;
  });
  afterAll(() => t.close());

  /** A submission row in `state` (inserts are not guarded; only state changes are). */
  async function submissionIn(state: SubmissionState): Promise<string> {
    const id = randomUUID();
    const now = t.clock.now();
    await scoped(t.deps.database.db, tenantId)
      .insertInto('submissions', {
        id,
        draft_id: randomUUID(),
        offering_id: null,
        service_id: null,
        assistant_id: 'test',
        assistant_version: '1.0.0',
        reference: `MD-${id.slice(0, 4).toUpperCase()}-${id.slice(4, 8).toUpperCase()}`,
        answers: t.deps.cipher.encryptJson({}, id),
        fees: JSON.stringify({ lines: [], totalCents: 0 }),
        submitted_at: now,
        state_changed_at: now,
        status_code: null,
        state,
      })
      .execute();
    return id;
  }

  const move = (submissionId: string, to: SubmissionState, extra: { note?: string; tenant?: string } = {}) =>
    t.deps.database.db.transaction().execute((trx) =>
      transition(trx, t.deps, {
        tenantId: extra.tenant ?? tenantId,
        submissionId,
        to,
        actor: 'system',
        note: extra.note,
      }),
    );

  it('code and database list the same allowed transitions', async () => {
    const rows = await t.deps.database.db
      .selectFrom('submission_state_transitions')
      .select(['from_state', 'to_state'])
      .execute();
    const fromDb = rows.map((r) => `${r.from_state}->${r.to_state}`).sort();
    const fromCode = submissionStates.flatMap((from) => allowedTransitions[from].map((to) => `${from}->${to}`)).sort();
    expect(fromDb).toEqual(fromCode);
  });

  it('allows exactly the listed transitions, in code and in the database', async () => {
    let allowed = 0;
    let refused = 0;
    for (const from of submissionStates) {
      for (const to of submissionStates) {
        if (from === to) continue;
        const viaCode = await submissionIn(from);
        const result = await move(viaCode, to);
        expect(result.ok, `${from} -> ${to} via transition()`).toBe(canTransition(from, to));
        // Bypassing the module: the trigger refuses what the table does not list.
        const viaSql = await submissionIn(from);
        const raw = sql`update submissions set state = ${to} where id = ${viaSql} and tenant_id = ${tenantId}`;
        if (canTransition(from, to)) {
          await raw.execute(t.deps.database.db);
          allowed++;
        } else {
          await expect(raw.execute(t.deps.database.db), `${from} -> ${to} via SQL`).rejects.toThrow(
            /invalid submission state transition/,
          );
          refused++;
        }
      }
    }
    expect(allowed).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(100);
  });

  it('refuses unknown states in the database', async () => {
    const id = await submissionIn('submitted');
    await expect(
      sql`update submissions set state = 'lost' where id = ${id} and tenant_id = ${tenantId}`.execute(
        t.deps.database.db,
      ),
    ).rejects.toThrow();
  });

  it('lets exactly one of ten concurrent attempts win', async () => {
    const id = await submissionIn('awaiting_payment');
    const results = await Promise.all(Array.from({ length: 10 }, () => move(id, 'paid')));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((r) => !r.ok)) expect(r).toEqual({ ok: false, current: 'paid' });
    const events = await listEvents(t.deps, tenantId, id);
    expect(events.map((e) => `${e.from}->${e.to}`)).toEqual(['awaiting_payment->paid']);
  });

  it('records who, when and why, with the note encrypted at rest', async () => {
    const id = await submissionIn('delivered');
    const result = await move(id, 'in_progress', { note: 'Wir prüfen Ihre Unterlagen, Frau Mustermann.' });
    expect(result.ok).toBe(true);
    const raw = await scoped(t.deps.database.db, tenantId)
      .selectFrom('submission_events')
      .select(['note', 'actor', 'at'])
      .where('submission_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(raw.note).not.toContain('Mustermann');
    expect(raw.actor).toBe('system');
    expect(raw.at.getTime()).toBe(t.clock.now().getTime());
    const [event] = await listEvents(t.deps, tenantId, id);
    expect(event?.note).toBe('Wir prüfen Ihre Unterlagen, Frau Mustermann.');
    const row = await scoped(t.deps.database.db, tenantId)
      .selectFrom('submissions')
      .select('state')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('in_progress');
  });

  it("never touches another tenant's submission", async () => {
    const id = await submissionIn('delivered');
    expect(await move(id, 'completed', { tenant: otherTenantId })).toEqual({ ok: false, current: null });
    expect(await listEvents(t.deps, otherTenantId, id)).toEqual([]);
  });

  it('honours the expected from-states', async () => {
    const id = await submissionIn('received');
    const result = await t.deps.database.db
      .transaction()
      .execute((trx) =>
        transition(trx, t.deps, { tenantId, submissionId: id, to: 'completed', actor: 'system', from: ['delivered'] }),
      );
    expect(result).toEqual({ ok: false, current: 'received' });
  });

  it('rolls the transition back when a hook fails', async () => {
    const id = await submissionIn('ready_for_delivery');
    const failing = async () => {
      throw new Error('hook failed');
    };
    transitionHooks.push(failing);
    try {
      await expect(move(id, 'delivered')).rejects.toThrow('hook failed');
    } finally {
      transitionHooks.splice(transitionHooks.indexOf(failing), 1);
    }
    const row = await scoped(t.deps.database.db, tenantId)
      .selectFrom('submissions')
      .select('state')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('ready_for_delivery');
    expect(await listEvents(t.deps, tenantId, id)).toEqual([]);
  });
});

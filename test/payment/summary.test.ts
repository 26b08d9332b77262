import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPaymentSummary } from '../../src/modules/payment/summary.ts';
import { scoped } from '../../src/platform/db/scope.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

describe('findPaymentSummary', () => {
  let t: TestApp;
  let tenantId: string;
  let otherTenantId: string;

  beforeAll(async () => {
    t = await createTestApp();
    tenantId = t.tenantIds.get('magdeburg') as string;
    otherTenantId = t.tenantIds.get('halberstadt') as string;
  });
  afterAll(() => t.close());

  async function submission(): Promise<string> {
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
        fees: JSON.stringify({ lines: [], totalCents: 1500 }),
        submitted_at: now,
        state_changed_at: now,
        status_code: null,
        state: 'awaiting_payment',
      })
      .execute();
    return id;
  }

  async function attempt(submissionId: string, n: number, status: 'pending' | 'paid' | 'failed' | 'cancelled') {
    const now = t.clock.now();
    await scoped(t.deps.database.db, tenantId)
      .insertInto('payments', {
        id: randomUUID(),
        submission_id: submissionId,
        attempt: n,
        plugin_id: 'demo',
        status,
        amount_cents: 1500,
        currency: 'EUR',
        transaction_id: randomUUID(),
        transaction_reference: status === 'paid' ? `KZ-${n}` : null,
        redirect_url: null,
        payment_method: null,
        status_detail: null,
        created_at: now,
        updated_at: now,
        paid_at: status === 'paid' ? now : null,
        last_checked_at: null,
      })
      .execute();
  }

  it('is null without payment and for another tenant', async () => {
    const id = await submission();
    expect(await findPaymentSummary(t.deps.database.db, tenantId, id)).toBeNull();
    await attempt(id, 1, 'pending');
    expect(await findPaymentSummary(t.deps.database.db, otherTenantId, id)).toBeNull();
    expect(await findPaymentSummary(t.deps.database.db, tenantId, id)).toMatchObject({
      status: 'pending',
      amountCents: 1500,
      provider: 'demo',
      transactionReference: null,
      paidAt: null,
    });
  });

  it('prefers the paid attempt, else the latest one', async () => {
    const id = await submission();
    await attempt(id, 1, 'cancelled');
    await attempt(id, 2, 'failed');
    expect((await findPaymentSummary(t.deps.database.db, tenantId, id))?.status).toBe('failed');
    await attempt(id, 3, 'paid');
    await attempt(id, 4, 'cancelled');
    const s = await findPaymentSummary(t.deps.database.db, tenantId, id);
    expect(s).toMatchObject({ status: 'paid', transactionReference: 'KZ-3' });
    expect(s?.paidAt).toBeInstanceOf(Date);
  });

  it('allows one open and one paid attempt per submission only', async () => {
    const id = await submission();
    await attempt(id, 1, 'pending');
    await expect(attempt(id, 2, 'pending')).rejects.toThrow();
    await attempt(id, 3, 'paid');
    await expect(attempt(id, 4, 'paid')).rejects.toThrow();
  });
});

import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { DemoPaymentStatus, DemoPaymentTransactionsTable } from '../tables.ts';

export type DemoTransaction = DemoPaymentTransactionsTable;

/** The demo provider's own storage (a stand-in for the provider's database). */
export class DemoPaymentStore {
  constructor(private readonly db: Kysely<DB>) {}

  find(id: string): Promise<DemoTransaction | undefined> {
    return this.db.selectFrom('demo_payment_transactions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Creates the transaction, or returns the existing one of the same request id (idempotent create). */
  async create(input: {
    originatorId: string;
    endpointId: string;
    requestId: string;
    request: unknown;
    notifyUrl: string | null;
    now: Date;
  }): Promise<DemoTransaction> {
    const id = `DEMO-${randomBytes(9).toString('hex').toUpperCase()}`;
    await this.db
      .insertInto('demo_payment_transactions')
      .values({
        id,
        originator_id: input.originatorId,
        endpoint_id: input.endpointId,
        request_id: input.requestId,
        request: JSON.stringify(input.request),
        status: 'INITIAL',
        transaction_reference: null,
        notify_url: input.notifyUrl,
        created_at: input.now,
        updated_at: input.now,
      })
      .onConflict((oc) => oc.columns(['originator_id', 'endpoint_id', 'request_id']).doNothing())
      .execute();
    const row = await this.db
      .selectFrom('demo_payment_transactions')
      .selectAll()
      .where('originator_id', '=', input.originatorId)
      .where('endpoint_id', '=', input.endpointId)
      .where('request_id', '=', input.requestId)
      .executeTakeFirstOrThrow();
    return row;
  }

  /** INITIAL → final state, once (compare-and-set). A Kassenzeichen is issued when paid. */
  async finish(id: string, status: Exclude<DemoPaymentStatus, 'INITIAL'>, now: Date): Promise<DemoTransaction | null> {
    const reference =
      status === 'PAYED'
        ? `KZ-${now.getUTCFullYear()}-${String(randomBytes(4).readUInt32BE() % 1_000_000).padStart(6, '0')}`
        : null;
    const row = await this.db
      .updateTable('demo_payment_transactions')
      .set({ status, transaction_reference: reference, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'INITIAL')
      .returningAll()
      .executeTakeFirst();
    return row ?? null;
  }
}

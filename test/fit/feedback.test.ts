import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesOfSubmission } from '../../src/modules/account/mailbox/repo.ts';
import { createFitConnector } from '../../src/modules/delivery/fit/connector.ts';
import { createClient } from '../../src/modules/delivery/fit/credentials.ts';
import { listEvents } from '../../src/modules/submissions/lifecycle/transition.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import {
  makeDestination,
  payloadFor,
  registerKeys,
  submissionIn,
  type TestDestination,
  testKeys,
  token,
} from './helpers.ts';

describe('feedback API', () => {
  let t: TestApp;
  let d: TestDestination;

  beforeAll(async () => {
    t = await createTestApp();
    d = await makeDestination(t);
    await registerKeys(t, d, await testKeys());
  }, 60_000);
  afterAll(() => t.close());

  async function delivered() {
    const sacId = await submissionIn(t, d.tenantId, 'delivered');
    const receipt = await createFitConnector(t.deps).deliver(
      payloadFor(sacId),
      { destinationId: d.destinationId },
      {
        signal: new AbortController().signal,
      },
    );
    return { sacId, fitId: /FIT submission (\S+)/.exec(receipt.detail)![1]! };
  }

  const post = async (path: string, payload: object, bearer: string, key?: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/feedback/submissions/${path}`,
      headers: { authorization: `Bearer ${bearer}`, ...(key ? { 'idempotency-key': key } : {}) },
      payload,
    });

  it('status changes reach the timeline once per idempotency key; an invalid transition is 409', async () => {
    const { sacId } = await delivered();
    const bearer = await token(t, d.subscriber);
    const key = `status-${randomUUID()}`;
    const first = await post(
      `${sacId}/status`,
      { status: 'in_progress', text: 'Wir bearbeiten Ihren Antrag.' },
      bearer,
      key,
    );
    expect(first.statusCode, first.body).toBe(200);
    const retry = await post(
      `${sacId}/status`,
      { status: 'in_progress', text: 'Wir bearbeiten Ihren Antrag.' },
      bearer,
      key,
    );
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const reused = await post(`${sacId}/status`, { status: 'completed' }, bearer, key);
    expect(reused.statusCode).toBe(422);

    const invalid = await post(`${sacId}/status`, { status: 'received' }, bearer, `status-${randomUUID()}`);
    expect(invalid.statusCode).toBe(409);
    expect(invalid.headers['content-type']).toContain('application/problem+json');
    expect(invalid.json().detail).toContain('In Bearbeitung');

    const done = await post(`${sacId}/status`, { status: 'completed', text: 'Die Urkunde ist unterwegs.' }, bearer);
    expect(done.statusCode).toBe(200);
    const timeline = await listEvents(t.deps, d.tenantId, sacId);
    expect(timeline.map((e) => [e.to, e.note])).toEqual([
      ['in_progress', 'Wir bearbeiten Ihren Antrag.'],
      ['completed', 'Die Urkunde ist unterwegs.'],
    ]);
    expect(timeline[0]!.actor).toBe(`fachverfahren:${d.subscriber.clientId}`);
    expect((await post(`${sacId}/status`, { status: 'in_progress' }, bearer)).statusCode).toBe(409);
    expect((await post(`${sacId}/status`, { status: 'withdrawn' }, bearer)).statusCode).toBe(422);
  });

  it('messages with a notice PDF reach the mailbox once and enqueue the e-mail notification', async () => {
    const { sacId, fitId } = await delivered();
    const bearer = await token(t, d.subscriber);
    const pdf = Buffer.from('%PDF-1.7\nBescheid').toString('base64');
    const message = {
      subject: 'Ihr Bescheid',
      text: 'Guten Tag, anbei Ihr Bescheid.',
      attachments: [{ filename: '../bescheid.pdf', mimeType: 'application/pdf', contentBase64: pdf }],
    };
    const jobsBefore = await t.deps.database.db.selectFrom('jobs').select('id').execute();
    const key = `message-${randomUUID()}`;
    // The FIT submission id works as well as SAC's own.
    const first = await post(`${fitId}/messages`, message, bearer, key);
    expect(first.statusCode, first.body).toBe(201);
    const retry = await post(`${fitId}/messages`, message, bearer, key);
    expect(retry.json().messageId).toBe(first.json().messageId);
    const messages = await messagesOfSubmission(t.deps, d.tenantId, sacId);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      direction: 'office',
      subject: 'Ihr Bescheid',
      body: 'Guten Tag, anbei Ihr Bescheid.',
    });
    expect(messages[0]!.attachments).toMatchObject([{ name: '_bescheid.pdf', mimeType: 'application/pdf' }]);
    const jobsAfter = await t.deps.database.db.selectFrom('jobs').select('id').execute();
    expect(jobsAfter.length).toBeGreaterThan(jobsBefore.length);

    const exe = await post(
      `${sacId}/messages`,
      {
        ...message,
        attachments: [{ filename: 'x.exe', mimeType: 'application/x-msdownload', contentBase64: 'TVqQAA==' }],
      },
      bearer,
    );
    expect(exe.statusCode).toBe(422);
    const fakePdf = await post(
      `${sacId}/messages`,
      { ...message, attachments: [{ filename: 'x.pdf', mimeType: 'application/pdf', contentBase64: 'TVqQAA==' }] },
      bearer,
    );
    expect(fakePdf.statusCode).toBe(422);
    expect((await post(`${sacId}/messages`, { subject: '', text: 'x' }, bearer)).statusCode).toBe(422);
    expect(await messagesOfSubmission(t.deps, d.tenantId, sacId)).toHaveLength(1);
  });

  it('reaches only what the credentials are for: other destinations 404, no feedback scope 403', async () => {
    const { sacId } = await delivered();
    const sibling = await makeDestination(t);
    const foreign = await makeDestination(t, 'halberstadt');
    for (const other of [sibling, foreign]) {
      const res = await post(`${sacId}/status`, { status: 'in_progress' }, await token(t, other.subscriber));
      expect(res.statusCode).toBe(404);
    }
    expect((await post(`${sacId}/status`, { status: 'in_progress' }, await token(t, d.sender))).statusCode).toBe(403);
    expect(
      (await post(`${randomUUID()}/status`, { status: 'in_progress' }, await token(t, d.subscriber))).statusCode,
    ).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/feedback/submissions/${sacId}/status`,
          payload: { status: 'in_progress' },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('a feedback:tenant client (webhook or e-mail routes) reaches every application of its tenant, no other', async () => {
    const tenantWide = await createClient(t.deps.database.db, {
      tenantId: d.tenantId,
      destinationId: d.destinationId,
      scopes: ['feedback:tenant'],
      label: 'Webhook-Fachverfahren',
      now: t.clock.now(),
    });
    const bearer = await token(t, tenantWide);
    const viaWebhook = await submissionIn(t, d.tenantId, 'delivered');
    expect((await post(`${viaWebhook}/status`, { status: 'received' }, bearer)).statusCode).toBe(200);
    const elsewhere = await submissionIn(t, t.tenantIds.get('halberstadt')!, 'delivered');
    expect((await post(`${elsewhere}/status`, { status: 'received' }, bearer)).statusCode).toBe(404);
  });
});

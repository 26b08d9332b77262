import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookReceiver } from '../../examples/webhook-receiver/receiver.ts';
import { postWebhook } from '../../src/modules/delivery/webhook/post-webhook.ts';
import { signWebhook } from '../../src/modules/delivery/webhook/webhook-signature.ts';
import { sampleEnvelope } from './fixtures/envelope.ts';

const secret = 'whsec_example_receiver';
const received: string[] = [];
let server: Server;
let url: string;

beforeAll(async () => {
  server = createWebhookReceiver({ secret, onDelivery: (_envelope, id) => void received.push(id) });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sac`;
});
afterAll(() => new Promise((r) => server.close(r)));

const local = { secret, allowHttp: true, allowHosts: ['127.0.0.1'] };

/** Posts raw bytes with chosen headers, for the cases postWebhook would never produce. */
async function postRaw(body: string, headers: Record<string, string>) {
  const response = await fetch(url, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
  return { status: response.status, body: await response.json() };
}

describe('examples/webhook-receiver (the code vendors copy)', () => {
  it('accepts a signed envelope from SAC with 2xx', async () => {
    const envelope = sampleEnvelope();
    expect(await postWebhook(url, envelope, local)).toMatchObject({ outcome: 'delivered', status: 200 });
    expect(received).toContain(envelope.metadata.deliveryId);
  });

  it('answers 401 to a tampered body', async () => {
    const envelope = sampleEnvelope();
    const body = JSON.stringify(envelope);
    const headers = signWebhook({
      body,
      secret,
      timestamp: Math.floor(Date.now() / 1000),
      deliveryId: envelope.metadata.deliveryId,
    });
    const result = await postRaw(body.replace('Erika', 'Mallory'), headers);
    expect(result).toEqual({ status: 401, body: { error: 'signature does not match' } });
    expect(received).not.toContain(envelope.metadata.deliveryId);
  });

  it('answers 401 to a wrong secret and to a replay older than 5 minutes', async () => {
    const envelope = sampleEnvelope();
    const body = JSON.stringify(envelope);
    const deliveryId = envelope.metadata.deliveryId;
    const now = Math.floor(Date.now() / 1000);
    expect((await postRaw(body, signWebhook({ body, secret: 'wrong', timestamp: now, deliveryId }))).status).toBe(401);
    expect((await postRaw(body, signWebhook({ body, secret, timestamp: now - 360, deliveryId }))).status).toBe(401);
  });

  it('de-duplicates the same delivery id: processed once, acknowledged twice', async () => {
    const envelope = sampleEnvelope();
    const first = await postWebhook(url, envelope, local);
    const second = await postWebhook(url, envelope, local);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.responseExcerpt).toContain('"duplicate":true');
    expect(received.filter((id) => id === envelope.metadata.deliveryId)).toHaveLength(1);
  });
});

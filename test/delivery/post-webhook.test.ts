import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { postWebhook } from '../../src/modules/delivery/webhook/post-webhook.ts';
import { verifyWebhook } from '../../src/modules/delivery/webhook/webhook-signature.ts';
import { sampleEnvelope } from './fixtures/envelope.ts';

const secret = 'whsec_post_test';
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function listen(handler: RequestListener): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Only 127.0.0.1 is ever contacted; the test allow-lists it like an operator would an internal host. */
const local = { secret, allowHttp: true, allowHosts: ['127.0.0.1'] };

describe('postWebhook', () => {
  it('delivers a signed envelope the receiver can verify', async () => {
    let verified: unknown;
    const url = await listen(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      verified = verifyWebhook(Buffer.concat(chunks), req.headers, secret, new Date());
      res.writeHead(204).end();
    });
    const envelope = sampleEnvelope();
    const attempt = await postWebhook(`${url}/hook`, envelope, local);
    expect(attempt).toMatchObject({ outcome: 'delivered', status: 204 });
    expect(verified).toMatchObject({ ok: true, deliveryId: envelope.metadata.deliveryId });
  });

  it('does not follow a redirect, even to an allowed host, and fails permanently with the reason', async () => {
    let followed = false;
    const url = await listen((req, res) => {
      if (req.url === '/elsewhere') followed = true;
      res.writeHead(302, { Location: '/elsewhere' }).end();
    });
    const attempt = await postWebhook(`${url}/hook`, sampleEnvelope(), local);
    expect(attempt.outcome).toBe('permanent');
    expect(attempt.reason).toMatch(/HTTP 302.*redirects are not followed/);
    expect(followed).toBe(false);
  });

  it.each([
    [422, 'permanent'],
    [429, 'retryable'],
    [503, 'retryable'],
  ])('HTTP %i → %s, with an excerpt of the answer', async (status, outcome) => {
    const url = await listen((_req, res) => res.writeHead(status).end(`{"error":"${'x'.repeat(2000)}"}`));
    const attempt = await postWebhook(url, sampleEnvelope(), local);
    expect(attempt).toMatchObject({ outcome, status });
    expect(attempt.responseExcerpt).toHaveLength(500);
  });

  it('times out a receiver that does not answer → retryable', async () => {
    const url = await listen(() => {});
    const attempt = await postWebhook(url, sampleEnvelope(), { ...local, timeoutMs: 200 });
    expect(attempt.outcome).toBe('retryable');
    expect(attempt.reason).toMatch(/timeout|aborted/i);
  });

  it('connection refused → retryable', async () => {
    const url = await listen(() => {});
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
    const attempt = await postWebhook(url, sampleEnvelope(), local);
    expect(attempt).toMatchObject({ outcome: 'retryable', reason: expect.stringMatching(/ECONNREFUSED/) });
  });

  it('refuses 127.0.0.1 without the allow-list entry — nothing is sent', async () => {
    let hits = 0;
    const url = await listen((_req, res) => {
      hits++;
      res.end();
    });
    const attempt = await postWebhook(url, sampleEnvelope(), { secret, allowHttp: true });
    expect(attempt).toMatchObject({ outcome: 'permanent', reason: expect.stringMatching(/loopback/) });
    expect(hits).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { validateJsonSchema } from '../../src/modules/delivery/crypto/json-schema-subset.ts';
import envelopeSchema from '../../src/modules/delivery/webhook/envelope.schema.v1.json' with { type: 'json' };
import { signWebhook, verifyWebhook, webhookHmac } from '../../src/modules/delivery/webhook/webhook-signature.ts';
import { sampleEnvelope } from './fixtures/envelope.ts';

const secret = 'whsec_test_0123456789';
const timestamp = 1_768_467_600;
const at = (seconds: number) => new Date((timestamp + seconds) * 1000);
const deliveryId = '3f1c2a9e-6b7d-4e21-9a0b-5c3d2e1f0a9b';
const body = JSON.stringify(sampleEnvelope({ deliveryId }));
const headers = signWebhook({ body, secret, timestamp, deliveryId });

describe('webhook signature (HMAC-SHA256 over "t.body")', () => {
  it('sends t and v1, the delivery id and the idempotency key', () => {
    expect(headers).toEqual({
      'X-SAC-Signature': `t=${timestamp},v1=${webhookHmac(secret, timestamp, body)}`,
      'X-SAC-Delivery-Id': deliveryId,
      'Idempotency-Key': deliveryId,
    });
    expect(headers['X-SAC-Signature']).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
  });

  it('verifies a valid request, with header names in any case and as a Headers object', () => {
    expect(verifyWebhook(body, headers, secret, at(5))).toEqual({ ok: true, deliveryId, timestamp });
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    expect(verifyWebhook(Buffer.from(body), lower, secret, at(5)).ok).toBe(true);
    expect(verifyWebhook(body, new Headers(headers), secret, at(5)).ok).toBe(true);
  });

  it('rejects a tampered body and a wrong secret', () => {
    expect(verifyWebhook(body.replace('Erika', 'Erik'), headers, secret, at(5))).toEqual({
      ok: false,
      reason: 'signature does not match',
    });
    expect(verifyWebhook(body, headers, 'whsec_other', at(5)).ok).toBe(false);
  });

  it('accepts the old and the new secret during rotation', () => {
    expect(verifyWebhook(body, headers, ['whsec_new', secret], at(5)).ok).toBe(true);
  });

  it('rejects an old (replayed) or future timestamp', () => {
    expect(verifyWebhook(body, headers, secret, at(300)).ok).toBe(true);
    expect(verifyWebhook(body, headers, secret, at(301))).toEqual({
      ok: false,
      reason: 'timestamp outside the tolerance',
    });
    expect(verifyWebhook(body, headers, secret, at(-301)).ok).toBe(false);
  });

  it('rejects missing or malformed headers', () => {
    expect(verifyWebhook(body, { ...headers, 'X-SAC-Signature': undefined }, secret, at(0)).ok).toBe(false);
    expect(verifyWebhook(body, { ...headers, 'X-SAC-Delivery-Id': undefined }, secret, at(0)).ok).toBe(false);
    expect(verifyWebhook(body, { ...headers, 'X-SAC-Signature': `t=${timestamp}` }, secret, at(0)).ok).toBe(false);
    expect(verifyWebhook(body, { ...headers, 'X-SAC-Signature': 'v1=abc,t=x' }, secret, at(0)).ok).toBe(false);
  });
});

describe('envelope sac.submission.v1', () => {
  it('the sample envelope validates against the shipped JSON Schema', () => {
    expect(validateJsonSchema(envelopeSchema, sampleEnvelope())).toEqual([]);
    expect(
      validateJsonSchema(envelopeSchema, sampleEnvelope({ payment: null, tenant: { id: 't', name: 'T', ars: null } })),
    ).toEqual([]);
  });

  it('the schema refuses unknown fields and another format', () => {
    const envelope = { ...sampleEnvelope(), format: 'sac.submission.v2', extra: 1 };
    expect(validateJsonSchema(envelopeSchema, envelope)).toEqual([
      '/format: must be "sac.submission.v1"',
      '/extra: not allowed',
    ]);
  });
});

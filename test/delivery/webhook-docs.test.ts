import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSignature } from '../../examples/webhook-receiver/receiver.ts';
import { validateJsonSchema } from '../../src/modules/delivery/crypto/json-schema-subset.ts';
import envelopeSchema from '../../src/modules/delivery/webhook/envelope.schema.v1.json' with { type: 'json' };
import { signWebhook, verifyWebhook } from '../../src/modules/delivery/webhook/webhook-signature.ts';

const doc = readFileSync(new URL('../../docs/integration/webhook.md', import.meta.url), 'utf8');
const body = doc.match(/worked-example-body -->\n```json\n(.*?)\n```/s)?.[1] ?? '';
const header = doc.match(/worked-example-signature -->\n```\nX-SAC-Signature: (.*?)\n```/s)?.[1] ?? '';
const secret = doc.match(/Secret \(example only, never use it\): `(.*?)`/)?.[1] ?? '';
const timestamp = 1_768_467_600;

describe('docs/integration/webhook.md worked example', () => {
  it('is found in the document', () => {
    expect(body).toMatch(/^\{"format":"sac\.submission\.v1"/);
    expect(header).toMatch(/^t=1768467600,v1=[0-9a-f]{64}$/);
    expect(secret).toHaveLength(41);
  });

  it('is what SAC would send, and verifies with SAC and with the example receiver', () => {
    const deliveryId = JSON.parse(body).metadata.deliveryId;
    expect(signWebhook({ body, secret, timestamp, deliveryId })['X-SAC-Signature']).toBe(header);
    const now = new Date((timestamp + 10) * 1000);
    expect(verifyWebhook(body, { 'X-SAC-Signature': header, 'X-SAC-Delivery-Id': deliveryId }, secret, now).ok).toBe(
      true,
    );
    expect(checkSignature(Buffer.from(body), header, secret, now.getTime())).toBeNull();
  });

  it('the example body conforms to the envelope schema', () => {
    expect(validateJsonSchema(envelopeSchema, JSON.parse(body))).toEqual([]);
  });
});

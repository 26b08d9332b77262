import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha512Hex } from '../../src/modules/delivery/crypto/hashes.ts';
import { validateJsonSchema } from '../../src/modules/delivery/crypto/json-schema-subset.ts';
import metadataSchema from '../../src/modules/delivery/crypto/metadata.schema.v1.0.0.json' with { type: 'json' };
import { buildMetadata, type MetadataInput, verifyHashes } from '../../src/modules/delivery/crypto/metadata.ts';

const pdf = new TextEncoder().encode('%PDF-1.7 Antrag');
const photo = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
const data = JSON.stringify({ urkunde: 'Geburtsurkunde', anzahl: 2 });

function input(overrides: Partial<MetadataInput> = {}): MetadataInput {
  return {
    data: {
      bytes: data,
      schemaUri: 'https://schema.fitko.de/fim/s00000096_1.0.schema.json',
      mimeType: 'application/json',
    },
    attachments: [
      { id: randomUUID(), bytes: pdf, mimeType: 'application/pdf', filename: 'antrag.pdf', purpose: 'form' },
      { id: randomUUID(), bytes: photo, mimeType: 'image/jpeg', filename: 'ausweis.jpg', purpose: 'attachment' },
    ],
    publicService: { identifier: 'urn:de:fim:leika:leistung:99027012012000', name: 'Geburtsurkunde ausstellen' },
    ...overrides,
  };
}

describe('FIT-Connect metadata 1.0.0', () => {
  it('carries SHA-512 hex hashes of the unencrypted data and attachments', () => {
    const metadata = buildMetadata(input());
    expect(metadata.contentStructure.data.hash).toEqual({ type: 'sha512', content: sha512Hex(data) });
    expect(metadata.contentStructure.attachments.map((a) => a.hash.content)).toEqual([
      sha512Hex(pdf),
      sha512Hex(photo),
    ]);
    expect(sha512Hex('abc')).toBe(
      'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
    );
  });

  it('validates against the shipped schema, with payment, reply channel and reference', () => {
    const metadata = buildMetadata(
      input({
        paymentInformation: {
          transactionId: 'tx-4711',
          transactionReference: 'MD-7K3Q-9XF2',
          paymentMethod: 'CREDITCARD',
          status: 'BOOKED',
          grossAmount: 12.5,
          transactionTimestamp: '2026-01-15T09:00:00Z',
        },
        replyChannel: { eMail: { address: 'erika@example.org' } },
        additionalReferenceInfo: { senderReference: 'MD-7K3Q-9XF2', applicationDate: '2026-01-15' },
      }),
    );
    expect(validateJsonSchema(metadataSchema, metadata)).toEqual([]);
  });

  it('the schema check catches what the schema forbids', () => {
    const metadata = buildMetadata(input()) as unknown as Record<string, unknown>;
    const broken = structuredClone(metadata) as { contentStructure: { data: { hash: { content: string } } } };
    broken.contentStructure.data.hash.content = 'XYZ';
    expect(validateJsonSchema(metadataSchema, broken)).toEqual([
      expect.stringMatching(/hash\/content: does not match/),
    ]);
    expect(validateJsonSchema(metadataSchema, { ...metadata, replyChannel: {} })).toEqual([
      expect.stringMatching(/replyChannel: too few properties/),
    ]);
    expect(validateJsonSchema(metadataSchema, {})).toEqual(['/contentStructure: required']);
  });

  it('refuses a non-LeiKa identifier and non-UUIDv4 attachment ids', () => {
    expect(() => buildMetadata(input({ publicService: { identifier: 'urn:de:x:1' } }))).toThrow(/leika/);
    const bad = input();
    bad.attachments[0]!.id = 'anlage-1';
    expect(() => buildMetadata(bad)).toThrow(/UUIDv4/);
  });

  it('verifyHashes accepts the original parts and detects a swapped one', () => {
    const i = input();
    const metadata = buildMetadata(i);
    const attachments = i.attachments.map((a) => ({ id: a.id, bytes: a.bytes }));
    expect(verifyHashes(metadata, data, attachments)).toEqual({ ok: true });
    expect(verifyHashes(metadata, data.replace('2', '3'), attachments)).toEqual({ ok: false, mismatches: ['data'] });
    const swapped = [{ ...attachments[0]!, bytes: photo }, attachments[1]!];
    expect(verifyHashes(metadata, data, swapped)).toEqual({
      ok: false,
      mismatches: [`attachment ${attachments[0]!.id}`],
    });
    expect(verifyHashes(metadata, data, attachments.slice(1))).toMatchObject({
      ok: false,
      mismatches: [expect.stringMatching(/missing/)],
    });
  });
});

describe('the small JSON Schema checker', () => {
  const supported = new Set([
    ...['$schema', '$id', 'title', 'description', 'examples'], // annotations
    ...['type', 'required', 'properties', 'additionalProperties', 'items', 'enum', 'const', 'pattern'],
    ...[
      'minLength',
      'maxLength',
      'minItems',
      'minimum',
      'multipleOf',
      'minProperties',
      'maxProperties',
      '$ref',
      'format',
    ],
  ]);
  function keywords(schema: unknown, out = new Set<string>()): Set<string> {
    if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return out;
    for (const [key, value] of Object.entries(schema)) {
      out.add(key);
      if (key === 'properties') for (const sub of Object.values(value as object)) keywords(sub, out);
      else if (key === 'items') keywords(value, out);
    }
    return out;
  }

  it('understands every keyword the shipped schemas use (nothing is silently ignored)', async () => {
    const envelope = (
      await import('../../src/modules/delivery/webhook/envelope.schema.v1.json', { with: { type: 'json' } })
    ).default;
    for (const schema of [metadataSchema, envelope]) {
      expect([...keywords(schema)].filter((k) => !supported.has(k))).toEqual([]);
    }
  });
});

import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { decryptSubmissionPart, encryptForDestination } from '../../src/modules/delivery/crypto/jwe.ts';
import {
  type DestinationKeyPair,
  generateDestinationKeyPair,
  generateEncryptionKeyPair,
} from '../../src/modules/delivery/crypto/keys.ts';
import type { MetadataInput } from '../../src/modules/delivery/crypto/metadata.ts';
import { signSet, verifySet } from '../../src/modules/delivery/crypto/security-event-token.ts';
import { decryptSubmission, encryptSubmission } from '../../src/modules/delivery/crypto/submission-crypto.ts';
import {
  createTestCertificateAuthority,
  issueTestCertificate,
  toX5c,
} from '../../src/modules/delivery/crypto/test-certificate-chain.ts';

let keys: DestinationKeyPair;
beforeAll(async () => {
  keys = await generateDestinationKeyPair(2048);
});

const formId = randomUUID();
const photoId = randomUUID();
const input = (): MetadataInput => ({
  data: {
    bytes: '<antrag><urkunde>Geburtsurkunde</urkunde></antrag>',
    schemaUri: 'urn:xoev-de:personenstand',
    mimeType: 'application/xml',
  },
  attachments: [
    {
      id: formId,
      bytes: new TextEncoder().encode('%PDF-1.7'),
      mimeType: 'application/pdf',
      filename: 'antrag.pdf',
      purpose: 'form',
    },
    { id: photoId, bytes: new Uint8Array([0xff, 0xd8, 0xff]), mimeType: 'image/jpeg', purpose: 'attachment' },
  ],
  publicService: { identifier: 'urn:de:fim:leika:leistung:99027012012000', name: 'Geburtsurkunde' },
});

describe('a whole submission, sender to subscriber', () => {
  it('encrypts every part and the subscriber decrypts them with matching hashes', async () => {
    const sent = await encryptSubmission(input(), keys.encryptionPublicJwk);
    expect(Object.keys(sent.encryptedAttachments)).toEqual([formId, photoId]);
    const received = await decryptSubmission(sent, keys.encryptionPrivateJwk);
    expect(received.hashCheck).toEqual({ ok: true });
    expect(received.metadata).toEqual(sent.metadata);
    expect(new TextDecoder().decode(received.data)).toContain('Geburtsurkunde');
    expect(received.attachments.map((a) => a.mimeType)).toEqual(['application/pdf', 'image/jpeg']);
  });

  it('detects an attachment replaced in transit by a validly encrypted other file (hash mismatch)', async () => {
    const sent = await encryptSubmission(input(), keys.encryptionPublicJwk);
    sent.encryptedAttachments[photoId] = await encryptForDestination(
      new Uint8Array([1, 2, 3]),
      keys.encryptionPublicJwk,
      'image/jpeg',
    );
    const received = await decryptSubmission(sent, keys.encryptionPrivateJwk);
    expect(received.hashCheck).toEqual({ ok: false, mismatches: [`attachment ${photoId}`] });
  });

  it('the accept SET carries the authentication tags of the received parts', async () => {
    const sent = await encryptSubmission(input(), keys.encryptionPublicJwk);
    const received = await decryptSubmission(sent, keys.encryptionPrivateJwk);
    const [submissionId, caseId, destinationId] = [randomUUID(), randomUUID(), randomUUID()];
    const set = await signSet(
      {
        issuer: destinationId,
        submissionId,
        caseId,
        event: 'accept-submission',
        authenticationTags: received.authenticationTags,
      },
      keys.signingPrivateJwk,
    );
    const verified = await verifySet(set, keys.signingPublicJwk, {
      expectedIssuer: destinationId,
      expectedSubmissionId: submissionId,
      now: new Date(),
      maxAgeSeconds: 300,
    });
    expect(verified.eventBody.authenticationTags).toEqual({
      metadata: sent.encryptedMetadata.split('.')[4],
      data: sent.encryptedData.split('.')[4],
      attachments: {
        [formId]: sent.encryptedAttachments[formId]!.split('.')[4],
        [photoId]: sent.encryptedAttachments[photoId]!.split('.')[4],
      },
    });
  });
});

describe('production-like key (F-13): test CA plus RSA-4096', () => {
  it('encrypts to a 4096-bit key with a valid chain and decrypts', async () => {
    const { publicJwk, privateJwk } = await generateEncryptionKeyPair(4096);
    const ca = createTestCertificateAuthority({ commonName: 'SAC Test-CA' });
    const jwk = {
      ...publicJwk,
      x5c: toX5c(issueTestCertificate(ca, publicJwk, { commonName: 'Standesamt Magdeburg' }), ca.certificate),
    };
    const jwe = await encryptForDestination('{}', jwk, 'application/json', {
      trustedCaCertificates: [ca.certificate.raw],
    });
    expect((await decryptSubmissionPart(jwe, privateJwk)).plaintext).toEqual(new TextEncoder().encode('{}'));
  });
});

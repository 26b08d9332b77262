import { randomUUID } from 'node:crypto';
import { importJWK, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DestinationKeyPair, generateDestinationKeyPair } from '../../src/modules/delivery/crypto/keys.ts';
import {
  EVENT_URI_PREFIX,
  signSet,
  type VerifySetOptions,
  verifySet,
} from '../../src/modules/delivery/crypto/security-event-token.ts';

let keys: DestinationKeyPair;
let otherKeys: DestinationKeyPair;
beforeAll(async () => {
  [keys, otherKeys] = await Promise.all([generateDestinationKeyPair(2048), generateDestinationKeyPair(2048)]);
});

const destinationId = randomUUID();
const submissionId = randomUUID();
const caseId = randomUUID();
const issuedAt = new Date('2026-01-15T09:00:00Z');
const options = (overrides: Partial<VerifySetOptions> = {}): VerifySetOptions => ({
  expectedIssuer: destinationId,
  expectedSubmissionId: submissionId,
  expectedCaseId: caseId,
  now: new Date(issuedAt.getTime() + 10_000),
  maxAgeSeconds: 600,
  ...overrides,
});
const accept = () =>
  signSet(
    {
      issuer: destinationId,
      submissionId,
      caseId,
      event: 'accept-submission',
      authenticationTags: { metadata: 'tag' },
      issuedAt,
    },
    keys.signingPrivateJwk,
  );
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('Security Event Tokens (F-13)', () => {
  it('round-trips an accept-submission SET with the FIT-Connect header and claims', async () => {
    const set = await accept();
    const verified = await verifySet(set, keys.signingPublicJwk, options());
    expect(verified.event).toBe('accept-submission');
    expect(verified.eventBody).toEqual({ authenticationTags: { metadata: 'tag' } });
    expect(verified.payload).toMatchObject({
      iss: destinationId,
      sub: `submission:${submissionId}`,
      txn: `case:${caseId}`,
    });
    expect(verified.payload.jti).toMatch(/^[0-9a-f-]{36}$/);
    const header = JSON.parse(Buffer.from(set.split('.')[0]!, 'base64url').toString());
    expect(header).toEqual({ typ: 'secevent+jwt', alg: 'PS512', kid: keys.signingPublicJwk.kid });
  });

  it('round-trips a reject-submission SET with problems', async () => {
    const problems = [
      { type: 'https://schema.fitko.de/fit-connect/events/problems/hash-mismatch', title: 'Hash falsch' },
    ];
    const set = await signSet(
      { issuer: destinationId, submissionId, caseId, event: 'reject-submission', problems, issuedAt },
      keys.signingPrivateJwk,
    );
    expect(await verifySet(set, keys.signingPublicJwk, options())).toMatchObject({
      event: 'reject-submission',
      eventBody: { problems },
    });
  });

  it('rejects a SET signed with another key', async () => {
    const set = await signSet(
      { issuer: destinationId, submissionId, caseId, event: 'accept-submission', issuedAt },
      otherKeys.signingPrivateJwk,
    );
    await expect(verifySet(set, { ...keys.signingPublicJwk, kid: undefined }, options())).rejects.toThrow(/signature/);
  });

  it('rejects a SET whose payload was changed after signing', async () => {
    const [header, , signature] = (await accept()).split('.');
    const payload = b64({
      iss: destinationId,
      sub: `submission:${submissionId}`,
      txn: `case:${caseId}`,
      iat: 1,
      jti: 'x',
      events: {},
    });
    await expect(verifySet(`${header}.${payload}.${signature}`, keys.signingPublicJwk, options())).rejects.toThrow(
      /signature/,
    );
  });

  it('rejects an HS256 token and an unsecured (alg none) token', async () => {
    const claims = {
      txn: `case:${caseId}`,
      jti: 'j',
      events: { [`${EVENT_URI_PREFIX}accept-submission`]: {} },
    };
    const hs256 = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'secevent+jwt' })
      .setIssuer(destinationId)
      .setSubject(`submission:${submissionId}`)
      .setIssuedAt(issuedAt)
      .sign(new TextEncoder().encode('a-shared-secret-that-is-long-enough'));
    await expect(verifySet(hs256, keys.signingPublicJwk, options())).rejects.toThrow(/alg/);
    const none = `${b64({ alg: 'none', typ: 'secevent+jwt' })}.${b64({ ...claims, iss: destinationId, sub: `submission:${submissionId}`, iat: issuedAt.getTime() / 1000 })}.`;
    await expect(verifySet(none, keys.signingPublicJwk, options())).rejects.toThrow();
  });

  it('rejects a PS512 token with the wrong typ', async () => {
    const key = await importJWK(keys.signingPrivateJwk, 'PS512');
    const jwt = await new SignJWT({
      txn: `case:${caseId}`,
      jti: 'j',
      events: { [`${EVENT_URI_PREFIX}accept-submission`]: {} },
    })
      .setProtectedHeader({ alg: 'PS512', typ: 'JWT', kid: keys.signingPrivateJwk.kid })
      .setIssuer(destinationId)
      .setSubject(`submission:${submissionId}`)
      .setIssuedAt(issuedAt)
      .sign(key);
    await expect(verifySet(jwt, keys.signingPublicJwk, options())).rejects.toThrow(/typ/);
  });

  it('rejects the wrong issuer, submission or case', async () => {
    const set = await accept();
    await expect(verifySet(set, keys.signingPublicJwk, options({ expectedIssuer: randomUUID() }))).rejects.toThrow(
      /iss/,
    );
    await expect(
      verifySet(set, keys.signingPublicJwk, options({ expectedSubmissionId: randomUUID() })),
    ).rejects.toThrow(/sub/);
    await expect(verifySet(set, keys.signingPublicJwk, options({ expectedCaseId: randomUUID() }))).rejects.toThrow(
      /case/,
    );
  });

  it('rejects a replay outside the window and an iat in the future', async () => {
    const set = await accept();
    const late = new Date(issuedAt.getTime() + 11 * 60_000);
    await expect(verifySet(set, keys.signingPublicJwk, options({ now: late }))).rejects.toThrow(/iat|age|old/i);
    const early = new Date(issuedAt.getTime() - 5 * 60_000);
    await expect(verifySet(set, keys.signingPublicJwk, options({ now: early }))).rejects.toThrow(/future|iat/);
  });

  it('rejects an unknown event', async () => {
    const key = await importJWK(keys.signingPrivateJwk, 'PS512');
    const jwt = await new SignJWT({
      txn: `case:${caseId}`,
      jti: 'j',
      events: { [`${EVENT_URI_PREFIX}delete-submission`]: {} },
    })
      .setProtectedHeader({ alg: 'PS512', typ: 'secevent+jwt', kid: keys.signingPrivateJwk.kid })
      .setIssuer(destinationId)
      .setSubject(`submission:${submissionId}`)
      .setIssuedAt(issuedAt)
      .sign(key);
    await expect(verifySet(jwt, keys.signingPublicJwk, options())).rejects.toThrow(/unknown/);
  });
});

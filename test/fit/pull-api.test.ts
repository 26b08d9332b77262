import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CompactEncrypt, decodeJwt, decodeProtectedHeader, importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCallback } from '../../src/modules/delivery/crypto/callback-signature.ts';
import { type JsonSchema, validateJsonSchema } from '../../src/modules/delivery/crypto/json-schema-subset.ts';
import { type DestinationKeyPair, generateDestinationKeyPair } from '../../src/modules/delivery/crypto/keys.ts';
import { EVENT_URI_PREFIX, signSet } from '../../src/modules/delivery/crypto/security-event-token.ts';
import { decryptSubmission } from '../../src/modules/delivery/crypto/submission-crypto.ts';
import { createFitConnector } from '../../src/modules/delivery/fit/connector.ts';
import { listEvents } from '../../src/modules/submissions/lifecycle/transition.ts';
import type { ManualClock } from '../../src/platform/clock.ts';
import { scoped } from '../../src/platform/db/scope.ts';
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

const metadataSchema = JSON.parse(
  readFileSync(new URL('../../src/modules/delivery/crypto/metadata.schema.v1.0.0.json', import.meta.url), 'utf8'),
) as JsonSchema;

describe('FIT-style pull API', () => {
  let t: TestApp;
  let keys: DestinationKeyPair;
  let d: TestDestination;
  const signal = new AbortController().signal;

  beforeAll(async () => {
    t = await createTestApp({ env: { SAC_OUTBOUND_ALLOW_HOSTS: '127.0.0.1', SAC_OUTBOUND_ALLOW_HTTP: '1' } });
    keys = await testKeys();
    d = await makeDestination(t);
    await registerKeys(t, d, keys);
  }, 60_000);
  afterAll(() => t.close());

  const connector = () => createFitConnector(t.deps, { allowHosts: ['127.0.0.1'], allowHttp: true });
  const get = async (url: string, bearer: string) =>
    t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${bearer}` } });
  const postSet = async (submissionId: string, set: string, bearer: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/fit/submissions/${submissionId}/events`,
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/jose' },
      payload: set,
    });

  /** Delivers a fresh application through the connector; returns both ids. */
  async function deliverOne(state: 'delivered' | 'ready_for_delivery' = 'delivered') {
    const sacId = await submissionIn(t, d.tenantId, state);
    const receipt = await connector().deliver(payloadFor(sacId), { destinationId: d.destinationId }, { signal });
    const fitId = /FIT submission (\S+)/.exec(receipt.detail)![1]!;
    return { sacId, fitId };
  }

  /** Fetches and decrypts like a Fachverfahren would. */
  async function fetchAndDecrypt(fitId: string, bearer: string) {
    const res = await get(`/api/v1/fit/submissions/${fitId}`, bearer);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const encryptedAttachments: Record<string, string> = {};
    for (const id of body.attachments as string[]) {
      const a = await get(`/api/v1/fit/submissions/${fitId}/attachments/${id}`, bearer);
      expect(a.statusCode).toBe(200);
      expect(a.headers['content-type']).toContain('application/jose');
      encryptedAttachments[id] = a.body;
    }
    const encrypted = {
      encryptedMetadata: body.encryptedMetadata,
      encryptedData: body.encryptedData,
      encryptedAttachments,
    };
    return { body, encrypted, decrypted: await decryptSubmission(encrypted, keys.encryptionPrivateJwk) };
  }

  it('round trip: deliver, list, fetch, decrypt, verify hashes, accept → received', async () => {
    const { sacId, fitId } = await deliverOne();
    const bearer = await token(t, d.subscriber);
    const list = await get(`/api/v1/fit/submissions?destinationId=${d.destinationId}`, bearer);
    expect(list.statusCode).toBe(200);
    expect(list.json().submissions.map((s: { submissionId: string }) => s.submissionId)).toContain(fitId);

    const { body, encrypted, decrypted } = await fetchAndDecrypt(fitId, bearer);
    for (const part of [
      encrypted.encryptedMetadata,
      encrypted.encryptedData,
      ...Object.values(encrypted.encryptedAttachments),
    ]) {
      const header = decodeProtectedHeader(part);
      expect(header).toMatchObject({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: keys.encryptionPublicJwk.kid });
      expect(header.cty).toBeTruthy();
    }
    expect(decrypted.hashCheck).toEqual({ ok: true });
    expect(validateJsonSchema(metadataSchema, decrypted.metadata)).toEqual([]);
    expect(decrypted.metadata.publicServiceType.identifier).toBe('urn:de:fim:leika:leistung:99027012012000');
    expect(decrypted.metadata.paymentInformation).toMatchObject({
      transactionReference: 'KZ-2026-0001',
      status: 'BOOKED',
    });
    const data = JSON.parse(new TextDecoder().decode(decrypted.data));
    expect(data.metadata.submissionId).toBe(sacId);
    expect(data.data.name).toBe('Erika Mustermann');
    expect(data.attachments.every((a: Record<string, unknown>) => !('contentBase64' in a))).toBe(true);
    expect(
      new TextDecoder().decode(decrypted.attachments.find((a) => a.mimeType === 'application/pdf')!.bytes),
    ).toContain('Geburtsurkunde');

    const set = await signSet(
      {
        issuer: d.destinationId,
        submissionId: fitId,
        caseId: body.caseId,
        event: 'accept-submission',
        authenticationTags: decrypted.authenticationTags,
        issuedAt: t.clock.now(),
      },
      keys.signingPrivateJwk,
    );
    const ack = await postSet(fitId, set, bearer);
    expect(ack.statusCode, ack.body).toBe(200);
    const state = await scoped(t.deps.database.db, d.tenantId)
      .selectFrom('submissions')
      .select('state')
      .where('id', '=', sacId)
      .executeTakeFirstOrThrow();
    expect(state.state).toBe('received');
    const timeline = await listEvents(t.deps, d.tenantId, sacId);
    expect(timeline.at(-1)).toMatchObject({ to: 'received', actor: `fachverfahren:fit:${d.destinationId}` });

    const events = await get(`/api/v1/fit/submissions/${fitId}/events`, bearer);
    const log = events.json().eventLog as string[];
    expect(log.map((s) => Object.keys(decodeJwt(s).events as object)[0])).toEqual([
      `${EVENT_URI_PREFIX}create-submission`,
      `${EVENT_URI_PREFIX}submit-submission`,
      `${EVENT_URI_PREFIX}accept-submission`,
    ]);
    const byCase = await get(`/api/v1/fit/cases/${body.caseId}/events`, bearer);
    expect(byCase.json().eventLog).toEqual(log);
    // SAC's own events verify against its published key.
    const jwks = (await t.app.inject({ method: 'GET', url: '/api/v1/fit/.well-known/jwks.json' })).json();
    const sacKey = await importJWK(jwks.keys[0], 'PS512');
    const { jwtVerify } = await import('jose');
    await expect(jwtVerify(log[0]!, sacKey, { typ: 'secevent+jwt' })).resolves.toBeTruthy();

    const after = await get(`/api/v1/fit/submissions?destinationId=${d.destinationId}`, bearer);
    expect(after.json().submissions.map((s: { submissionId: string }) => s.submissionId)).not.toContain(fitId);

    // The same SET again is a replay (jti); a fresh accept of a decided submission is a conflict.
    expect((await postSet(fitId, set, bearer)).statusCode).toBe(422);
    const again = await signSet(
      {
        issuer: d.destinationId,
        submissionId: fitId,
        caseId: body.caseId,
        event: 'accept-submission',
        authenticationTags: decrypted.authenticationTags,
        issuedAt: t.clock.now(),
      },
      keys.signingPrivateJwk,
    );
    const conflict = await postSet(fitId, again, bearer);
    expect(conflict.statusCode).toBe(409);
    expect(conflict.headers['content-type']).toContain('application/problem+json');
  });

  it('an acknowledgement before the outbox recorded the delivery still ends in received', async () => {
    const { sacId, fitId } = await deliverOne('ready_for_delivery');
    const bearer = await token(t, d.subscriber);
    const { body, decrypted } = await fetchAndDecrypt(fitId, bearer);
    const set = await signSet(
      {
        issuer: d.destinationId,
        submissionId: fitId,
        caseId: body.caseId,
        event: 'accept-submission',
        authenticationTags: decrypted.authenticationTags,
        issuedAt: t.clock.now(),
      },
      keys.signingPrivateJwk,
    );
    expect((await postSet(fitId, set, bearer)).statusCode).toBe(200);
    const timeline = await listEvents(t.deps, d.tenantId, sacId);
    // Both transitions share the (manual) clock's instant, so compare without order.
    expect(timeline.map((e) => e.to).sort()).toEqual(['delivered', 'received']);
    const row = await scoped(t.deps.database.db, d.tenantId)
      .selectFrom('submissions')
      .select('state')
      .where('id', '=', sacId)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('received');
  });

  it('reject → rejected, with the reason as the citizen note', async () => {
    const { sacId, fitId } = await deliverOne();
    const bearer = await token(t, d.subscriber);
    const { body } = await fetchAndDecrypt(fitId, bearer);
    const set = await signSet(
      {
        issuer: d.destinationId,
        submissionId: fitId,
        caseId: body.caseId,
        event: 'reject-submission',
        problems: [
          { type: 'urn:example:hash-mismatch', title: 'Prüfsumme falsch', detail: 'Die Anlage ist beschädigt.' },
        ],
        issuedAt: t.clock.now(),
      },
      keys.signingPrivateJwk,
    );
    expect((await postSet(fitId, set, bearer)).statusCode).toBe(200);
    const timeline = await listEvents(t.deps, d.tenantId, sacId);
    expect(timeline.at(-1)).toMatchObject({ to: 'rejected', note: 'Die Anlage ist beschädigt.' });
  });

  it('accept with authentication tags of other ciphertexts is refused', async () => {
    const { fitId } = await deliverOne();
    const bearer = await token(t, d.subscriber);
    const { body, decrypted } = await fetchAndDecrypt(fitId, bearer);
    const set = await signSet(
      {
        issuer: d.destinationId,
        submissionId: fitId,
        caseId: body.caseId,
        event: 'accept-submission',
        authenticationTags: { ...decrypted.authenticationTags, data: 'AAAAAAAAAAAAAAAAAAAAAA' },
        issuedAt: t.clock.now(),
      },
      keys.signingPrivateJwk,
    );
    expect((await postSet(fitId, set, bearer)).statusCode).toBe(422);
  });

  describe('refused SETs leave the submission untouched', () => {
    let other: DestinationKeyPair;
    beforeAll(async () => {
      other = await generateDestinationKeyPair(2048);
    }, 60_000);

    async function attempt(make: (fitId: string, caseId: string) => Promise<string>) {
      const { sacId, fitId } = await deliverOne();
      const bearer = await token(t, d.subscriber);
      const body = (await get(`/api/v1/fit/submissions/${fitId}`, bearer)).json();
      const res = await postSet(fitId, await make(fitId, body.caseId), bearer);
      const row = await scoped(t.deps.database.db, d.tenantId)
        .selectFrom('submissions')
        .select('state')
        .where('id', '=', sacId)
        .executeTakeFirstOrThrow();
      expect(row.state).toBe('delivered');
      expect(res.headers['content-type']).toContain('application/problem+json');
      return res.statusCode;
    }

    it('signed with another key → 401', async () => {
      const status = await attempt((fitId, caseId) =>
        signSet(
          { issuer: d.destinationId, submissionId: fitId, caseId, event: 'reject-submission', issuedAt: t.clock.now() },
          {
            ...other.signingPrivateJwk,
            kid: keys.signingPublicJwk.kid,
          },
        ),
      );
      expect(status).toBe(401);
    });

    it('wrong issuer → 401', async () => {
      const status = await attempt((fitId, caseId) =>
        signSet(
          { issuer: randomUUID(), submissionId: fitId, caseId, event: 'reject-submission', issuedAt: t.clock.now() },
          keys.signingPrivateJwk,
        ),
      );
      expect(status).toBe(401);
    });

    it('wrong audience → 401', async () => {
      const status = await attempt(async (fitId, caseId) =>
        new SignJWT({ txn: `case:${caseId}`, events: { [`${EVENT_URI_PREFIX}reject-submission`]: {} } })
          .setProtectedHeader({ typ: 'secevent+jwt', alg: 'PS512', kid: keys.signingPrivateJwk.kid! })
          .setIssuer(d.destinationId)
          .setSubject(`submission:${fitId}`)
          .setAudience('https://other-zustelldienst.example')
          .setIssuedAt(Math.floor(t.clock.now().getTime() / 1000))
          .setJti(randomUUID())
          .sign(await importJWK(keys.signingPrivateJwk, 'PS512')),
      );
      expect(status).toBe(401);
    });

    it('too old → 422', async () => {
      const status = await attempt((fitId, caseId) =>
        signSet(
          {
            issuer: d.destinationId,
            submissionId: fitId,
            caseId,
            event: 'reject-submission',
            issuedAt: new Date(t.clock.now().getTime() - 3600_000),
          },
          keys.signingPrivateJwk,
        ),
      );
      expect(status).toBe(422);
    });
  });

  it('a retried delivery (same delivery id) stores one submission', async () => {
    const sacId = await submissionIn(t, d.tenantId, 'delivered');
    const payload = payloadFor(sacId);
    const [a, b] = await Promise.all([
      connector().deliver(payload, { destinationId: d.destinationId }, { signal }),
      connector().deliver(payload, { destinationId: d.destinationId }, { signal }),
    ]);
    const c = await connector().deliver(payload, { destinationId: d.destinationId }, { signal });
    expect(new Set([a.detail, b.detail, c.detail]).size).toBe(1);
    const rows = await scoped(t.deps.database.db, d.tenantId)
      .selectFrom('fit_submissions')
      .select('id')
      .where('sac_submission_id', '=', sacId)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('another destination, another tenant, an unknown id → 404; no token or an expired one → 401', async () => {
    const { fitId } = await deliverOne();
    const sibling = await makeDestination(t); // same tenant, other destination
    const foreign = await makeDestination(t, 'halberstadt');
    for (const other of [sibling, foreign]) {
      const bearer = await token(t, other.subscriber);
      expect((await get(`/api/v1/fit/submissions/${fitId}`, bearer)).statusCode).toBe(404);
      expect((await get(`/api/v1/fit/submissions/${fitId}/events`, bearer)).statusCode).toBe(404);
      expect((await get(`/api/v1/fit/submissions?destinationId=${d.destinationId}`, bearer)).statusCode).toBe(404);
      expect((await get(`/api/v1/fit/destinations/${d.destinationId}`, bearer)).statusCode).toBe(404);
    }
    const mine = await token(t, d.subscriber);
    expect((await get(`/api/v1/fit/submissions/${randomUUID()}`, mine)).statusCode).toBe(404);
    expect((await get(`/api/v1/fit/submissions/not-a-uuid`, mine)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/fit/submissions/${fitId}` })).statusCode).toBe(401);
    // The sender may not read what it did not send.
    expect((await get(`/api/v1/fit/submissions/${fitId}/events`, await token(t, d.sender))).statusCode).toBe(404);

    (t.clock as ManualClock).advance(16 * 60_000);
    try {
      const expired = await get(`/api/v1/fit/submissions/${fitId}`, mine);
      expect(expired.statusCode).toBe(401);
      expect(expired.headers['www-authenticate']).toContain('invalid_token');
    } finally {
      (t.clock as ManualClock).advance(-16 * 60_000);
    }
  });

  it('token endpoint: wrong secret 401, unknown scope 400, scope subset honoured, rate-limited after 10 failures', async () => {
    const locked = await makeDestination(t);
    const form = (secret: string, extra: Record<string, string> = {}) => ({
      method: 'POST' as const,
      url: '/api/v1/fit/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: locked.sender.clientId,
        client_secret: secret,
        ...extra,
      }).toString(),
    });
    expect((await t.app.inject(form(locked.sender.clientSecret, { scope: 'subscribe' }))).statusCode).toBe(400);
    const subset = await token(t, d.subscriber, 'feedback');
    expect((await get(`/api/v1/fit/submissions?destinationId=${d.destinationId}`, subset)).statusCode).toBe(403);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await t.app.inject(form('wrong-secret'))).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    // Locked out now even with the right secret, until the window ends.
    expect((await t.app.inject(form(locked.sender.clientSecret))).statusCode).toBe(429);
  });

  it('refuses unusable keys: private key, short key, signing key for encryption', async () => {
    const fresh = await makeDestination(t);
    const bearer = await token(t, fresh.subscriber);
    const put = (encryptionKey: object, signingKey: object) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/fit/destinations/${fresh.destinationId}/keys`,
        headers: { authorization: `Bearer ${bearer}` },
        payload: { encryptionKey, signingKey },
      });
    expect((await put(keys.encryptionPrivateJwk, keys.signingPublicJwk)).statusCode).toBe(422);
    expect((await put(keys.encryptionPublicJwk, keys.signingPrivateJwk)).statusCode).toBe(422);
    expect((await put(keys.signingPublicJwk, keys.signingPublicJwk)).statusCode).toBe(422);
    expect((await put(keys.encryptionPublicJwk, keys.encryptionPublicJwk)).statusCode).toBe(422);
    // No keys yet: the connector waits (retryable), never encrypts to nothing.
    const sacId = await submissionIn(t, fresh.tenantId, 'delivered');
    const c = connector();
    const error = await c
      .deliver(payloadFor(sacId), { destinationId: fresh.destinationId }, { signal })
      .catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    expect(c.isRetryable(error)).toBe(true);
    // Another tenant's destination is a permanent error.
    const foreignSac = await submissionIn(t, t.tenantIds.get('halberstadt')!, 'delivered');
    const wrongTenant = await c
      .deliver(payloadFor(foreignSac, 'halberstadt'), { destinationId: d.destinationId }, { signal })
      .catch((e) => e);
    expect(c.isRetryable(wrongTenant)).toBe(false);
  });

  describe('callbacks', () => {
    let server: Server;
    const received: { body: string; timestamp: string | undefined; auth: string | undefined }[] = [];
    const secret = 'callback-secret-0123456789abcdefghijklmnop';
    beforeAll(async () => {
      server = createServer((req, res) => {
        let body = '';
        req.on('data', (c) => {
          body += c;
        });
        req.on('end', () => {
          received.push({
            body,
            timestamp: req.headers['callback-timestamp'] as string,
            auth: req.headers['callback-authentication'] as string,
          });
          res.writeHead(200).end();
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    it('announces a new submission with an HMAC-SHA512 the receiver verifies', async () => {
      const port = (server.address() as AddressInfo).port;
      const bearer = await token(t, d.subscriber);
      const set = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/fit/destinations/${d.destinationId}/callback`,
        headers: { authorization: `Bearer ${bearer}` },
        payload: { url: `http://127.0.0.1:${port}/fit-callback`, secret },
      });
      expect(set.statusCode, set.body).toBe(204);
      const bad = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/fit/destinations/${d.destinationId}/callback`,
        headers: { authorization: `Bearer ${bearer}` },
        payload: { url: 'http://169.254.169.254/latest', secret },
      });
      expect(bad.statusCode).toBe(422);
      const { fitId } = await deliverOne();
      expect(received).toHaveLength(1);
      const call = received[0]!;
      expect(JSON.parse(call.body)).toEqual({
        type: 'https://schema.fitko.de/fit-connect/callbacks/new-submissions',
        submissionIds: [fitId],
      });
      expect(
        verifyCallback(
          { body: call.body, timestampHeader: call.timestamp, authenticationHeader: call.auth },
          secret,
          t.clock.now(),
        ),
      ).toMatchObject({ ok: true });
      expect(
        verifyCallback(
          { body: call.body, timestampHeader: call.timestamp, authenticationHeader: call.auth },
          'another-secret',
          t.clock.now(),
        ).ok,
      ).toBe(false);
      await t.app.inject({
        method: 'PUT',
        url: `/api/v1/fit/destinations/${d.destinationId}/callback`,
        headers: { authorization: `Bearer ${bearer}` },
        payload: { url: null, secret: null },
      });
    });
  });

  it('the sender API refuses parts without cty and attachments that were not announced', async () => {
    const bearer = await token(t, d.sender);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/fit/submissions',
      headers: { authorization: `Bearer ${bearer}` },
      payload: {
        destinationId: d.destinationId,
        announcedAttachments: [],
        publicService: { identifier: 'urn:de:fim:leika:leistung:99027012012000' },
      },
    });
    expect(created.statusCode).toBe(201);
    const { submissionId } = created.json();
    const key = await importJWK({ ...keys.encryptionPublicJwk, key_ops: undefined, use: undefined }, 'RSA-OAEP-256');
    const noCty = await new CompactEncrypt(new TextEncoder().encode('{}'))
      .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: keys.encryptionPublicJwk.kid! })
      .encrypt(key);
    const submit = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/fit/submissions/${submissionId}`,
      headers: { authorization: `Bearer ${bearer}` },
      payload: { encryptedMetadata: noCty, encryptedData: noCty },
    });
    expect(submit.statusCode).toBe(422);
    expect(submit.json().detail).toContain('cty');
    const stray = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/fit/submissions/${submissionId}/attachments/${randomUUID()}`,
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/jose' },
      payload: noCty,
    });
    expect(stray.statusCode).toBe(404);
    // The subscriber does not see incomplete submissions.
    expect((await get(`/api/v1/fit/submissions/${submissionId}`, await token(t, d.subscriber))).statusCode).toBe(404);
  });
});

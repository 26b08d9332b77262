import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { decodeJwt, importJWK, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DestinationKeyPair } from '../../src/modules/delivery/crypto/keys.ts';
import { EVENT_URI_PREFIX, signSet } from '../../src/modules/delivery/crypto/security-event-token.ts';
import { decryptSubmission } from '../../src/modules/delivery/crypto/submission-crypto.ts';
import { FitApiError, FitSenderClient } from '../../src/modules/delivery/fit/sender-client.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makeDestination, registerKeys, type TestDestination, testKeys, token } from './helpers.ts';

describe('sender role against SAC’s own FIT API (over HTTP)', () => {
  let t: TestApp;
  let keys: DestinationKeyPair;
  let d: TestDestination;
  let apiUrl: string;

  beforeAll(async () => {
    t = await createTestApp();
    keys = await testKeys();
    d = await makeDestination(t);
    await registerKeys(t, d, keys);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    apiUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/v1/fit`;
  }, 60_000);
  afterAll(() => t.close());

  const sender = (secret = d.sender.clientSecret) =>
    new FitSenderClient({
      apiUrl,
      clientId: d.sender.clientId,
      clientSecret: secret,
      policy: { allowHttp: true, allowHosts: ['127.0.0.1'] },
    });

  it('token → create → upload → submit; the subscriber decrypts it and its accept shows in the sender’s event log', async () => {
    const attachmentId = randomUUID();
    const client = sender();
    const { submissionId, caseId } = await client.send(d.destinationId, {
      data: {
        bytes: JSON.stringify({ antrag: 'Gewerbeanmeldung' }),
        schemaUri: 'urn:example:schema',
        mimeType: 'application/json',
      },
      attachments: [
        {
          id: attachmentId,
          bytes: new TextEncoder().encode('%PDF-1.7 x'),
          mimeType: 'application/pdf',
          filename: 'a.pdf',
          purpose: 'form',
        },
      ],
      publicService: { identifier: 'urn:de:fim:leika:leistung:99050012104000', name: 'Gewerbeanmeldung' },
    });

    const bearer = await token(t, d.subscriber);
    const inject = (url: string) =>
      t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${bearer}` } });
    const list = (await inject(`/api/v1/fit/submissions?destinationId=${d.destinationId}`)).json();
    expect(list.submissions).toContainEqual({ destinationId: d.destinationId, submissionId, caseId });
    const body = (await inject(`/api/v1/fit/submissions/${submissionId}`)).json();
    expect(body.attachments).toEqual([attachmentId]);
    const attachment = (await inject(`/api/v1/fit/submissions/${submissionId}/attachments/${attachmentId}`)).body;
    const decrypted = await decryptSubmission(
      {
        encryptedMetadata: body.encryptedMetadata,
        encryptedData: body.encryptedData,
        encryptedAttachments: { [attachmentId]: attachment },
      },
      keys.encryptionPrivateJwk,
    );
    expect(decrypted.hashCheck).toEqual({ ok: true });
    expect(JSON.parse(new TextDecoder().decode(decrypted.data))).toEqual({ antrag: 'Gewerbeanmeldung' });

    const set = await signSet(
      {
        issuer: d.destinationId,
        submissionId,
        caseId,
        event: 'accept-submission',
        authenticationTags: decrypted.authenticationTags,
        issuedAt: t.clock.now(),
      },
      keys.signingPrivateJwk,
    );
    const ack = await t.app.inject({
      method: 'POST',
      url: `/api/v1/fit/cases/${caseId}/events`,
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/jose' },
      payload: set,
    });
    expect(ack.statusCode, ack.body).toBe(200);

    const log = await client.events(submissionId);
    expect(log.map((s) => Object.keys(decodeJwt(s).events as object)[0])).toEqual(
      ['create-submission', 'submit-submission', 'accept-submission'].map((e) => EVENT_URI_PREFIX + e),
    );
    const jwks = await (await fetch(`${apiUrl}/.well-known/jwks.json`)).json();
    await expect(jwtVerify(log[1]!, await importJWK(jwks.keys[0], 'PS512'))).resolves.toBeTruthy();
  });

  it('a wrong secret fails with 401 before anything is sent', async () => {
    const error = await sender('wrong')
      .send(d.destinationId, {
        data: { bytes: '{}', schemaUri: 'urn:example:schema', mimeType: 'application/json' },
        attachments: [],
        publicService: { identifier: 'urn:de:fim:leika:leistung:99050012104000' },
      })
      .catch((e) => e);
    expect(error).toBeInstanceOf(FitApiError);
    expect((error as FitApiError).status).toBe(401);
  });
});

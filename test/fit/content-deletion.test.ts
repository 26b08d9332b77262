import { randomUUID } from 'node:crypto';
import { decodeJwt, importJWK, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildJobRegistry } from '../../src/jobs.ts';
import type { DestinationKeyPair } from '../../src/modules/delivery/crypto/keys.ts';
import { EVENT_URI_PREFIX, signSet } from '../../src/modules/delivery/crypto/security-event-token.ts';
import { decryptSubmission } from '../../src/modules/delivery/crypto/submission-crypto.ts';
import { createFitConnector } from '../../src/modules/delivery/fit/connector.ts';
import { deleteUnconfirmedContent, FIT_RETENTION_JOB } from '../../src/modules/delivery/fit/retention.ts';
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

/** Issue 6: SAC deletes a FIT submission's ciphertexts once it is accepted or rejected, or left unconfirmed. */
describe('FIT submission content is deleted after the decision', () => {
  let t: TestApp;
  let keys: DestinationKeyPair;
  let d: TestDestination;
  const signal = new AbortController().signal;
  const DAY = 86_400_000;

  beforeAll(async () => {
    t = await createTestApp({ env: { SAC_FIT_UNCONFIRMED_DAYS: '14' } });
    keys = await testKeys();
    d = await makeDestination(t);
    await registerKeys(t, d, keys);
  }, 60_000);
  afterAll(() => t.close());

  const get = async (url: string, bearer: string) =>
    t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${bearer}` } });
  const postSet = async (fitId: string, set: string, bearer: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/fit/submissions/${fitId}/events`,
      headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/jose' },
      payload: set,
    });

  async function deliverOne() {
    const sacId = await submissionIn(t, d.tenantId, 'delivered');
    const connector = createFitConnector(t.deps);
    const receipt = await connector.deliver(payloadFor(sacId), { destinationId: d.destinationId }, { signal });
    return { sacId, fitId: /FIT submission (\S+)/.exec(receipt.detail)![1]! };
  }

  /** Fetches every part like a Fachverfahren and returns what an accept needs. */
  async function fetchAll(fitId: string, bearer: string) {
    const res = await get(`/api/v1/fit/submissions/${fitId}`, bearer);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const encryptedAttachments: Record<string, string> = {};
    for (const id of body.attachments as string[]) {
      encryptedAttachments[id] = (await get(`/api/v1/fit/submissions/${fitId}/attachments/${id}`, bearer)).body;
    }
    const decrypted = await decryptSubmission(
      { encryptedMetadata: body.encryptedMetadata, encryptedData: body.encryptedData, encryptedAttachments },
      keys.encryptionPrivateJwk,
    );
    return { caseId: body.caseId as string, attachmentIds: body.attachments as string[], decrypted };
  }

  const stored = (fitId: string) =>
    scoped(t.deps.database.db, d.tenantId)
      .selectFrom('fit_submissions')
      .selectAll()
      .where('id', '=', fitId)
      .executeTakeFirstOrThrow();
  const storedAttachments = (fitId: string) =>
    scoped(t.deps.database.db, d.tenantId)
      .selectFrom('fit_attachments')
      .select('attachment_id')
      .where('submission_id', '=', fitId)
      .execute();
  const eventNames = (log: string[]) => log.map((s) => Object.keys(decodeJwt(s).events as object)[0]);
  const pending = async (bearer: string) =>
    (await get(`/api/v1/fit/submissions?destinationId=${d.destinationId}`, bearer))
      .json()
      .submissions.map((s: { submissionId: string }) => s.submissionId);

  /** The database, the fetch endpoints, the listing and the event log after a decision. */
  async function expectDeleted(fitId: string, caseId: string, attachmentIds: string[], detail: RegExp) {
    const row = await stored(fitId);
    expect(row.encrypted_metadata).toBeNull();
    expect(row.encrypted_data).toBeNull();
    expect(row.content_deleted_at).toBeInstanceOf(Date);
    expect(await storedAttachments(fitId)).toEqual([]);
    // What the audit needs stays: the row, its status and the announced attachment ids.
    expect(JSON.parse(row.announced_attachments).sort()).toEqual([...attachmentIds].sort());

    const bearer = await token(t, d.subscriber);
    for (const url of [
      `/api/v1/fit/submissions/${fitId}`,
      `/api/v1/fit/submissions/${fitId}/attachments/${attachmentIds[0]}`,
    ]) {
      const res = await get(url, bearer);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 404, detail: expect.stringMatching(detail) });
      expect(res.json().detail).toContain('Ereignisprotokoll');
    }
    expect(await pending(bearer)).not.toContain(fitId);
    const events = await get(`/api/v1/fit/submissions/${fitId}/events`, bearer);
    expect(events.statusCode).toBe(200);
    const byCase = await get(`/api/v1/fit/cases/${caseId}/events`, bearer);
    expect(byCase.json().eventLog).toEqual(events.json().eventLog);
    return events.json().eventLog as string[];
  }

  it('accept: ciphertexts and attachment rows are gone, a fetch answers 404 with the reason, the events stay', async () => {
    const { fitId } = await deliverOne();
    const bearer = await token(t, d.subscriber);
    const { caseId, attachmentIds, decrypted } = await fetchAll(fitId, bearer);
    expect(attachmentIds).toHaveLength(2);
    expect(await storedAttachments(fitId)).toHaveLength(2);
    const set = await signSet(
      {
        issuer: d.destinationId,
        submissionId: fitId,
        caseId,
        event: 'accept-submission',
        authenticationTags: decrypted.authenticationTags,
        issuedAt: t.clock.now(),
      },
      keys.signingPrivateJwk,
    );
    expect((await postSet(fitId, set, bearer)).statusCode).toBe(200);

    const log = await expectDeleted(fitId, caseId, attachmentIds, /nach der Annahme/);
    expect((await stored(fitId)).status).toBe('accepted');
    expect(eventNames(log)).toEqual(
      ['create-submission', 'submit-submission', 'accept-submission'].map((e) => EVENT_URI_PREFIX + e),
    );
    // The subscriber's SET, with the tags of the deleted ciphertexts, is kept as it was posted.
    expect(log.at(-1)).toBe(set);
  });

  it('reject: the same deletion, the reason names the rejection', async () => {
    const { sacId, fitId } = await deliverOne();
    const bearer = await token(t, d.subscriber);
    const { caseId, attachmentIds } = await fetchAll(fitId, bearer);
    const set = await signSet(
      {
        issuer: d.destinationId,
        submissionId: fitId,
        caseId,
        event: 'reject-submission',
        problems: [{ type: 'urn:example:schema', title: 'Schema falsch', detail: 'Bitte erneut stellen.' }],
        issuedAt: t.clock.now(),
      },
      keys.signingPrivateJwk,
    );
    expect((await postSet(fitId, set, bearer)).statusCode).toBe(200);

    const log = await expectDeleted(fitId, caseId, attachmentIds, /nach der Zurückweisung/);
    expect((await stored(fitId)).status).toBe('rejected');
    expect(eventNames(log).at(-1)).toBe(`${EVENT_URI_PREFIX}reject-submission`);
    const sac = await scoped(t.deps.database.db, d.tenantId)
      .selectFrom('submissions')
      .select('state')
      .where('id', '=', sacId)
      .executeTakeFirstOrThrow();
    expect(sac.state).toBe('rejected');
  });

  it('a refused SET (bad signature, tags of other ciphertexts) deletes nothing', async () => {
    const { fitId } = await deliverOne();
    const bearer = await token(t, d.subscriber);
    const { caseId, decrypted } = await fetchAll(fitId, bearer);
    const before = await stored(fitId);
    const accept = (authenticationTags = decrypted.authenticationTags) =>
      signSet(
        {
          issuer: d.destinationId,
          submissionId: fitId,
          caseId,
          event: 'accept-submission',
          authenticationTags,
          issuedAt: t.clock.now(),
        },
        keys.signingPrivateJwk,
      );
    const valid = await accept();
    const [header, payload, signature] = valid.split('.') as [string, string, string];
    const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    const badSignature = await postSet(fitId, `${header}.${payload}.${flipped}`, bearer);
    expect(badSignature.statusCode).toBe(401);
    const wrongTags = await postSet(
      fitId,
      await accept({ ...decrypted.authenticationTags, data: 'AAAAAAAAAAAAAAAAAAAAAA' }),
      bearer,
    );
    expect(wrongTags.statusCode).toBe(422);

    const after = await stored(fitId);
    expect(after).toMatchObject({
      status: 'submitted',
      encrypted_metadata: before.encrypted_metadata,
      encrypted_data: before.encrypted_data,
      content_deleted_at: null,
    });
    expect(await storedAttachments(fitId)).toHaveLength(2);
    expect(await pending(bearer)).toContain(fitId);
    expect((await get(`/api/v1/fit/submissions/${fitId}`, bearer)).statusCode).toBe(200);
    // The untouched content still matches: the valid SET is accepted afterwards.
    expect((await postSet(fitId, valid, bearer)).statusCode).toBe(200);
    expect((await stored(fitId)).encrypted_data).toBeNull();
  });

  it('unconfirmed submissions lose their content after SAC_FIT_UNCONFIRMED_DAYS, with a delete-submission SET', async () => {
    const { sacId, fitId } = await deliverOne();
    const decided = await deliverOne();
    const bearer = await token(t, d.subscriber);
    // Fetched, but never accepted or rejected.
    const mine = await fetchAll(fitId, bearer);
    const { caseId, decrypted } = await fetchAll(decided.fitId, bearer);
    const accept = await signSet(
      {
        issuer: d.destinationId,
        submissionId: decided.fitId,
        caseId,
        event: 'accept-submission',
        authenticationTags: decrypted.authenticationTags,
        issuedAt: t.clock.now(),
      },
      keys.signingPrivateJwk,
    );
    expect((await postSet(decided.fitId, accept, bearer)).statusCode).toBe(200);
    const decidedLog = (await get(`/api/v1/fit/submissions/${decided.fitId}/events`, bearer)).json().eventLog;

    const now = t.clock.now().getTime();
    await deleteUnconfirmedContent(t.deps, new Date(now + 13 * DAY));
    expect((await stored(fitId)).content_deleted_at).toBeNull();
    expect(await storedAttachments(fitId)).toHaveLength(2);

    // Through the registered job, as the worker runs it.
    const job = buildJobRegistry(t.deps).get(FIT_RETENTION_JOB)!;
    await job.handler({}, { job: {} as never, signal, now: new Date(now + 14 * DAY) });
    const log = await expectDeleted(
      fitId,
      mine.caseId,
      mine.attachmentIds,
      /nicht rechtzeitig angenommen oder zurückgewiesen/,
    );
    expect((await stored(fitId)).status).toBe('submitted');
    expect(eventNames(log)).toEqual(
      ['create-submission', 'submit-submission', 'delete-submission'].map((e) => EVENT_URI_PREFIX + e),
    );
    // SAC signs the delete-submission event like its other events.
    const jwks = (await t.app.inject({ method: 'GET', url: '/api/v1/fit/.well-known/jwks.json' })).json();
    await expect(jwtVerify(log.at(-1)!, await importJWK(jwks.keys[0], 'PS512'))).resolves.toBeTruthy();
    // Too late to decide now; the SAC application is left as it was.
    const late = await signSet(
      {
        issuer: d.destinationId,
        submissionId: fitId,
        caseId: mine.caseId,
        event: 'reject-submission',
        issuedAt: t.clock.now(),
      },
      keys.signingPrivateJwk,
    );
    const refused = await postSet(fitId, late, bearer);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('nicht rechtzeitig');
    const sac = await scoped(t.deps.database.db, d.tenantId)
      .selectFrom('submissions')
      .select('state')
      .where('id', '=', sacId)
      .executeTakeFirstOrThrow();
    expect(sac.state).toBe('delivered');

    // The decided one got no further event; a second run finds nothing left to delete.
    expect((await get(`/api/v1/fit/submissions/${decided.fitId}/events`, bearer)).json().eventLog).toEqual(decidedLog);
    expect(await deleteUnconfirmedContent(t.deps, new Date(now + 15 * DAY))).toBe(0);
  });

  it('an incomplete submission of the sender API is emptied too; the sender cannot finish it afterwards', async () => {
    const sender = await token(t, d.sender);
    const attachmentId = randomUUID();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/fit/submissions',
      headers: { authorization: `Bearer ${sender}` },
      payload: {
        destinationId: d.destinationId,
        announcedAttachments: [attachmentId],
        publicService: { identifier: 'urn:de:fim:leika:leistung:99050012104000' },
      },
    });
    expect(created.statusCode).toBe(201);
    const { submissionId } = created.json();
    // An attachment row as the upload would leave it (its content is opaque to SAC).
    await scoped(t.deps.database.db, d.tenantId)
      .insertInto('fit_attachments', { submission_id: submissionId, attachment_id: attachmentId, content: 'x.y.z.w.v' })
      .execute();

    expect(await deleteUnconfirmedContent(t.deps, new Date(t.clock.now().getTime() + 14 * DAY))).toBeGreaterThan(0);
    expect(await storedAttachments(submissionId)).toEqual([]);
    expect((await stored(submissionId)).content_deleted_at).toBeInstanceOf(Date);
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/fit/submissions/${submissionId}`,
      headers: { authorization: `Bearer ${sender}` },
      payload: { encryptedMetadata: 'a', encryptedData: 'b' },
    });
    expect(put.statusCode).toBe(404);
    expect(put.json().detail).toContain('nicht rechtzeitig abgeschickt');
    const events = await get(`/api/v1/fit/submissions/${submissionId}/events`, sender);
    expect(eventNames(events.json().eventLog)).toEqual(
      ['create-submission', 'delete-submission'].map((e) => EVENT_URI_PREFIX + e),
    );
  });
});

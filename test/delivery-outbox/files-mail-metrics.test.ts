import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEmailConnector } from '../../src/modules/delivery/email/email-connector.ts';
import { buildDeliveryPayload, INLINE_LIMIT_BYTES } from '../../src/modules/delivery/outbox/build-payload.ts';
import { attachToSubmission } from '../../src/modules/forms/uploads/index.ts';
import { storeUpload } from '../../src/modules/forms/uploads/repository.ts';
import { createMailer } from '../../src/platform/mail/mailer.ts';
import {
  createDeliveryTestApp,
  type DeliveryTestApp,
  deliveriesOf,
  MINUTE,
  SECRET,
  type TestReceiver,
} from './setup.ts';

const engine = process.env.SAC_TEST_DB ?? 'pglite';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe(`delivery files, e-mail and metrics on ${engine}`, () => {
  let app: DeliveryTestApp;

  beforeAll(async () => {
    app = await createDeliveryTestApp({ SAC_OUTBOUND_ALLOW_HOSTS: '127.0.0.1', SAC_OUTBOUND_ALLOW_HTTP: '1' });
  });
  afterAll(() => app.close());
  afterEach(async () => {
    await app.reset();
    app.mailer.sent.length = 0;
  });

  const receiver = (answers?: TestReceiver['answers']) => app.receiver(answers);

  /** A released submission with a small and a large upload attached. */
  async function releaseWithUploads() {
    const tenantId = app.tenantIds.get('magdeburg')!;
    const small = await storeUpload(app.deps, {
      tenantId,
      draftId: null,
      fieldId: 'nachweis',
      name: 'klein.pdf',
      mimeType: 'application/pdf',
      content: Buffer.from('%PDF-1.4 klein'),
    });
    const big = randomBytes(INLINE_LIMIT_BYTES + 1000);
    const large = await storeUpload(app.deps, {
      tenantId,
      draftId: null,
      fieldId: 'nachweis',
      name: 'gross.pdf',
      mimeType: 'application/pdf',
      content: big,
    });
    const id = await app.release();
    await attachToSubmission(app.deps.database.db, tenantId, [small.id, large.id], id);
    return { id, small, large, big };
  }

  it('sends small files inline and large ones as signed, expiring links; tampered or expired links answer 404', async () => {
    const r = await receiver([200]);
    await app.addRoute('webhook', { url: r.url, secret: SECRET });
    const { id, large, big } = await releaseWithUploads();
    await app.worker().runOnce();
    expect(r.requests).toHaveLength(1);
    const attachments = r.requests[0]!.envelope.attachments as Array<Record<string, string | number>>;
    const pdf = attachments.find(
      (a) => String(a.filename).endsWith('.pdf') && String(a.filename).startsWith('antrag-'),
    );
    expect(pdf, 'application PDF').toBeDefined();
    const inline = attachments.find((a) => a.filename === 'klein.pdf')!;
    expect(sha256(Buffer.from(String(inline.contentBase64), 'base64'))).toBe(inline.sha256);
    const linked = attachments.find((a) => a.id === large.id)!;
    expect(linked.contentBase64).toBeUndefined();
    expect(linked).toMatchObject({ filename: 'gross.pdf', size: big.length, sha256: sha256(big) });
    expect(new Date(String(linked.expiresAt)).getTime()).toBe(app.clock.now().getTime() + 7 * 24 * 60 * MINUTE);
    const url = new URL(String(linked.url));
    expect(url.pathname).toMatch(/^\/api\/v1\/zustellungen\/[0-9a-f-]{36}\/dateien\/[0-9a-f-]{36}$/);

    const ok = await app.app.inject({ method: 'GET', url: url.pathname + url.search });
    expect(ok.statusCode).toBe(200);
    expect(sha256(ok.rawPayload)).toBe(sha256(big));
    expect(ok.headers['content-disposition']).toMatch(/^attachment;/);
    expect(ok.headers['x-content-type-options']).toBe('nosniff');

    // Documents: the PDF link (or inline content) yields the bytes announced in the envelope.
    const pdfBytes = pdf!.url
      ? (
          await app.app.inject({
            method: 'GET',
            url: new URL(String(pdf!.url)).pathname + new URL(String(pdf!.url)).search,
          })
        ).rawPayload
      : Buffer.from(String(pdf!.contentBase64), 'base64');
    expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha256(pdfBytes)).toBe(pdf!.sha256);

    const sig = url.searchParams.get('sig')!;
    const tampered = new URL(url);
    tampered.searchParams.set('sig', (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1));
    const otherFile = url.pathname.replace(large.id, inline.id as string) + url.search;
    const longer = new URL(url);
    longer.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 3600));
    for (const bad of [tampered.pathname + tampered.search, otherFile, longer.pathname + longer.search, url.pathname]) {
      const res = await app.app.inject({ method: 'GET', url: bad });
      expect(res.statusCode, bad).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    app.clock.advance(7 * 24 * 60 * MINUTE + 1000);
    expect((await app.app.inject({ method: 'GET', url: url.pathname + url.search })).statusCode).toBe(404);
    expect((await deliveriesOf(app, id))[0]!.state).toBe('delivered');
  });

  it('e-mail route: the worker mails the office the PDF and the JSON, the body names only the reference', async () => {
    await app.addRoute('email', { to: 'standesamt@magdeburg.example' });
    const id = await app.release();
    await app.worker().runOnce();
    const [delivery] = await deliveriesOf(app, id);
    expect(delivery).toMatchObject({ state: 'delivered', attempts: 1 });
    expect(app.mailer.sent).toHaveLength(1);
    const mail = app.mailer.sent[0]!;
    const reference = `MD-${id.slice(0, 4).toUpperCase()}-${id.slice(4, 8).toUpperCase()}`;
    expect(mail.to).toBe('standesamt@magdeburg.example');
    expect(mail.subject).toContain(reference);
    expect(mail.text).toContain(reference);
    expect(mail.text).not.toMatch(/Erika|Mustermann/);
    const names = (mail.attachments ?? []).map((a) => a.filename);
    expect(names).toContain(`antrag-${reference}.pdf`);
    expect(names).toContain(`antrag-${reference}.json`);
    const json = JSON.parse(String(mail.attachments!.find((a) => a.filename.endsWith('.json'))!.content));
    expect(json).toMatchObject({ format: 'sac.submission.v1', metadata: { reference, deliveryId: delivery!.id } });
    expect(json.data).toMatchObject({ vorname: 'Erika' });
  });

  it('e-mail connector against an in-process SMTP server: PDF and JSON attachments arrive', async () => {
    const messages: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          messages.push(Buffer.concat(chunks).toString('utf8'));
          callback();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
    try {
      const port = (smtp.server.address() as AddressInfo).port;
      const mailer = createMailer({
        smtpUrl: `smtp://127.0.0.1:${port}`,
        dataDir: mkdtempSync(path.join(tmpdir(), 'sac-mail-')),
        from: 'SAC <noreply@sac.example>',
      });
      const connector = createEmailConnector(mailer);
      await app.addRoute('email', { to: 'standesamt@magdeburg.example' });
      const id = await app.release();
      const [delivery] = await deliveriesOf(app, id);
      const payload = await buildDeliveryPayload(app.deps, {
        id: delivery!.id,
        tenantId: app.tenantIds.get('magdeburg')!,
        submissionId: id,
      });
      const receipt = await connector.deliver(
        payload,
        { to: 'standesamt@magdeburg.example' },
        { signal: new AbortController().signal },
      );
      expect(receipt.detail).toMatch(/versendet/);
      expect(messages).toHaveLength(1);
      const raw = messages[0]!;
      const reference = payload.envelope.metadata.reference;
      expect(raw).toMatch(/^To: standesamt@magdeburg\.example/m);
      expect(raw).toContain(`filename=antrag-${reference}.pdf`);
      expect(raw).toContain(`filename=antrag-${reference}.json`);
      expect(raw).toMatch(/Content-Type: application\/pdf/);
      expect(raw).toMatch(/Content-Type: application\/json/);
      expect(raw).not.toMatch(/Mustermann/);
    } finally {
      await new Promise<void>((r) => smtp.close(() => r()));
    }
  });

  it('a redirect to the metadata service is not followed: permanent failure', async () => {
    const r = await receiver([
      (res) => res.writeHead(302, { Location: 'http://169.254.169.254/latest/meta-data/' }).end(),
    ]);
    await app.addRoute('webhook', { url: r.url, secret: SECRET });
    const id = await app.release();
    await app.worker().runOnce();
    const [delivery] = await deliveriesOf(app, id);
    expect(delivery).toMatchObject({ state: 'dead', attempts: 1 });
    expect(delivery!.last_error).toMatch(/HTTP 302.*not followed/);
    expect(r.requests).toHaveLength(1);
  });

  it('exposes queue depth, age of the oldest pending delivery and failures by connector', async () => {
    const r = await receiver([400]);
    await app.addRoute('webhook', { url: r.url, secret: SECRET });
    await app.release();
    await app.worker().runOnce();
    await app.addRoute('email', { to: 'standesamt@magdeburg.example' });
    await app.release();
    app.clock.advance(2 * MINUTE);
    const res = await app.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/^sac_deliveries\{connector="webhook",state="dead"\} 1$/m);
    expect(res.body).toMatch(/^sac_deliveries\{connector="email",state="pending"\} 1$/m);
    expect(res.body).toMatch(/^sac_delivery_oldest_pending_age_seconds\{connector="email"\} 120$/m);
    expect(res.body).toMatch(/^sac_delivery_failures_total\{connector="webhook",kind="permanent"\} [1-9]\d*$/m);
  });
});

import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesOfSubmission } from '../../src/modules/account/mailbox/repo.ts';
import { encryptForDestination } from '../../src/modules/delivery/crypto/jwe.ts';
import { encryptSubmission } from '../../src/modules/delivery/crypto/submission-crypto.ts';
import { createFitConnector, metadataInputFor } from '../../src/modules/delivery/fit/connector.ts';
import { type DemoFachverfahren, startDemoFachverfahren } from '../../src/modules/delivery/fit/demo-process.ts';
import { demoFachverfahrenDir, demoFit, seedDemoFit } from '../../src/modules/delivery/fit/demo-seed.ts';
import { findDestination } from '../../src/modules/delivery/fit/destinations.ts';
import { insertSubmission } from '../../src/modules/delivery/fit/store.ts';
import { listEvents } from '../../src/modules/submissions/lifecycle/transition.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { payloadFor, submissionIn } from '../fit/helpers.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

/** The demo Fachverfahren as a real child process against a listening SAC, with short intervals. */
describe('demo Fachverfahren end to end', () => {
  let t: TestApp;
  let fv: DemoFachverfahren;
  let tenantId: string;
  const lines: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    tenantId = t.tenantIds.get('magdeburg')!;
    // Real time here: the child signs its SETs with the system clock.
    t.clock.now = () => new Date();
    await seedDemoFit(t.deps, t.tenantIds);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as AddressInfo).port;
    const log = createLogger('silent');
    fv = startDemoFachverfahren({
      sacUrl: `http://127.0.0.1:${port}`,
      dataDir: t.config.dataDir,
      log,
      env: { FV_PORT: '0', FV_POLL_MS: '200', FV_STEP_DELAY_MS: '300', FV_KEY_BITS: '2048' },
    });
    fv.child.stdout?.on('data', (c: Buffer) => lines.push(...c.toString().split('\n').filter(Boolean)));
    // Wait until it has registered its keys.
    await until(
      async () =>
        (await findDestination(t.deps.database.db, t.deps.cipher, tenantId, demoFit.destinationId))?.status ===
        'active',
    );
  }, 120_000);
  afterAll(async () => {
    await fv?.stop();
    await t.close();
  });

  async function until(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out; child said:\n${lines.slice(-20).join('\n')}`);
  }
  const stateOf = async (id: string) =>
    (
      await t.deps.database.db
        .selectFrom('submissions')
        .select('state')
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).state;

  it('pulls, decrypts, acknowledges, then reports "in Bearbeitung" and "abgeschlossen" with a message', async () => {
    const sacId = await submissionIn(t, tenantId, 'delivered');
    await createFitConnector(t.deps).deliver(
      payloadFor(sacId),
      { destinationId: demoFit.destinationId },
      { signal: new AbortController().signal },
    );
    await until(async () => (await stateOf(sacId)) === 'completed');
    const timeline = await listEvents(t.deps, tenantId, sacId);
    expect(timeline.map((e) => e.to)).toEqual(['received', 'in_progress', 'completed']);
    expect(timeline[1]!.note).toBe('Das Standesamt bearbeitet Ihren Antrag.');
    const messages = await messagesOfSubmission(t.deps, tenantId, sacId);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.subject).toBe('Ihr Antrag ist abgeschlossen');

    const listening = lines.map((l) => JSON.parse(l)).find((l) => l.message === 'status page listening');
    const page = await (await fetch(listening.url)).text();
    expect(page).toContain('MD-TEST-0001');
    expect(page).toContain('SHA-512 geprüft');
    expect(page).toContain('Abgeschlossen');
    // Its keys stay in the data directory (the private part never reaches SAC).
    const keys = JSON.parse(readFileSync(path.join(demoFachverfahrenDir(t.config.dataDir), 'keys.json'), 'utf8'));
    const registered = await findDestination(t.deps.database.db, t.deps.cipher, tenantId, demoFit.destinationId);
    expect(registered?.encryptionKey?.kid).toBe(keys.encryptionPublic.kid);
    expect(registered?.encryptionKey?.d).toBeUndefined();
  });

  it('rejects a submission whose data does not match the hash in the metadata', async () => {
    const sacId = await submissionIn(t, tenantId, 'delivered');
    const destination = await findDestination(t.deps.database.db, t.deps.cipher, tenantId, demoFit.destinationId);
    const input = await metadataInputFor(payloadFor(sacId));
    const encrypted = await encryptSubmission(input, destination!.encryptionKey!);
    // A validly encrypted, but different data part: only the hash check can notice.
    const swapped = await encryptForDestination('{"name":"Mallory"}', destination!.encryptionKey!, 'application/json');
    await insertSubmission(t.deps.database.db, {
      tenantId,
      destinationId: demoFit.destinationId,
      publicService: input.publicService,
      announcedAttachments: Object.keys(encrypted.encryptedAttachments),
      now: new Date(),
      sacSubmissionId: sacId,
      complete: {
        encryptedMetadata: encrypted.encryptedMetadata,
        encryptedData: swapped,
        attachments: encrypted.encryptedAttachments,
      },
    });
    await until(async () => (await stateOf(sacId)) === 'rejected');
    const timeline = await listEvents(t.deps, tenantId, sacId);
    expect(timeline.at(-1)?.note).toContain('beschädigt');
  });

  it('stops on SIGTERM', async () => {
    await fv.stop();
    expect(fv.child.exitCode !== null || fv.child.signalCode !== null).toBe(true);
  });
});

// Receiving one submission: fetch, decrypt, check the SHA-512 hashes, acknowledge with a signed SET.
import { decrypt, type KeySet, sha512, signSet, tagOf } from './crypto.ts';
import type { SacApi } from './sac-api.ts';
import { textsFor } from './texts.ts';

export interface Received {
  submissionId: string;
  /** The destination it came from and its municipality (slug), for the page and the feedback client. */
  destinationId: string;
  tenant?: string;
  caseId: string;
  reference: string;
  service: string;
  /** The assistant (id and version) named in the decrypted data, when it is SAC's envelope. */
  assistant?: { id: string; version: string };
  receivedAt: string;
  attachments: { filename: string; mimeType: string; size: number }[];
  hashesOk: boolean;
  /** What we did: accepted (then in_progress, completed) or rejected. */
  stage: 'accepted' | 'in_progress' | 'completed' | 'rejected';
  stageAt: string;
  /** The form answers — held only in memory, for the page. */
  data?: Record<string, unknown>;
}

interface Metadata {
  contentStructure: {
    data: { hash: { content: string } };
    attachments: { attachmentId: string; hash: { content: string }; filename?: string; mimeType: string }[];
  };
  publicServiceType: { identifier: string; name?: string };
  additionalReferenceInfo?: { senderReference?: string };
}

export async function receive(
  api: SacApi,
  keys: KeySet,
  destinationId: string,
  submissionId: string,
): Promise<Received> {
  const s = await api.submission(submissionId);
  const attachments = new Map<string, string>();
  for (const id of s.attachments) attachments.set(id, await api.attachment(submissionId, id));
  const metadata = JSON.parse(
    new TextDecoder().decode((await decrypt(s.encryptedMetadata, keys.encryptionPrivate)).bytes),
  ) as Metadata;
  const data = (await decrypt(s.encryptedData, keys.encryptionPrivate)).bytes;
  const problems: string[] = [];
  if (sha512(data) !== metadata.contentStructure.data.hash.content) problems.push('Fachdaten');
  const files: Received['attachments'] = [];
  for (const announced of metadata.contentStructure.attachments) {
    const jwe = attachments.get(announced.attachmentId);
    if (!jwe) {
      problems.push(`Anlage ${announced.attachmentId} fehlt`);
      continue;
    }
    const bytes = (await decrypt(jwe, keys.encryptionPrivate)).bytes;
    if (sha512(bytes) !== announced.hash.content) problems.push(`Anlage ${announced.attachmentId}`);
    files.push({
      filename: announced.filename ?? announced.attachmentId,
      mimeType: announced.mimeType,
      size: bytes.length,
    });
  }
  const hashesOk = problems.length === 0;
  const set = await signSet(keys, {
    destinationId,
    submissionId,
    caseId: s.caseId,
    event: hashesOk ? 'accept-submission' : 'reject-submission',
    body: hashesOk
      ? {
          authenticationTags: {
            metadata: tagOf(s.encryptedMetadata),
            data: tagOf(s.encryptedData),
            attachments: Object.fromEntries([...attachments].map(([id, jwe]) => [id, tagOf(jwe)])),
          },
        }
      : {
          problems: [
            {
              type: 'https://schema.fitko.de/fit-connect/events/problems/incorrect-hash',
              title: 'Prüfsumme stimmt nicht',
              detail: 'Ihr Antrag kam beschädigt an. Bitte stellen Sie ihn erneut.',
            },
          ],
        },
  });
  await api.postEvent(submissionId, set);
  let parsed: Record<string, unknown> | undefined;
  try {
    parsed = JSON.parse(new TextDecoder().decode(data)) as Record<string, unknown>;
  } catch {
    parsed = undefined;
  }
  const assistant = assistantOf(parsed);
  const now = new Date().toISOString();
  return {
    submissionId,
    destinationId,
    caseId: s.caseId,
    reference: metadata.additionalReferenceInfo?.senderReference ?? submissionId,
    service: metadata.publicServiceType.name ?? metadata.publicServiceType.identifier,
    ...(assistant ? { assistant } : {}),
    receivedAt: now,
    attachments: files,
    hashesOk,
    stage: hashesOk ? 'accepted' : 'rejected',
    stageAt: now,
    ...(parsed ? { data: parsed } : {}),
  };
}

/** `metadata.assistant` of SAC's `sac.submission.v1` data part, if it has that shape. */
function assistantOf(data: Record<string, unknown> | undefined): Received['assistant'] {
  const a = (data?.metadata as { assistant?: { id?: unknown; version?: unknown } } | undefined)?.assistant;
  return typeof a?.id === 'string' && typeof a.version === 'string' ? { id: a.id, version: a.version } : undefined;
}

/**
 * What the log may say about a received submission: its reference, assistant, the names (not the values)
 * of the answered fields, the payment state and the attachments' types — no personal data.
 */
export function logSummary(r: Received): Record<string, unknown> {
  const envelope = r.data as { data?: unknown; metadata?: { payment?: { status?: unknown } | null } } | undefined;
  const answers = envelope?.data && typeof envelope.data === 'object' ? Object.keys(envelope.data).sort() : [];
  return {
    reference: r.reference,
    assistantId: r.assistant?.id ?? null,
    assistantVersion: r.assistant?.version ?? null,
    fields: answers,
    payment: envelope?.metadata?.payment?.status ?? null,
    attachments: r.attachments.map((a) => a.mimeType),
  };
}

/** The next feedback step of an accepted submission once `delayMs` has passed since the last one. */
export async function advance(api: SacApi, r: Received, delayMs: number): Promise<boolean> {
  if (Date.now() - new Date(r.stageAt).getTime() < delayMs) return false;
  const texts = textsFor(r.assistant?.id);
  if (r.stage === 'accepted') {
    await api.status(r.submissionId, 'in_progress', texts.inProgress, `${r.submissionId}:in_progress`);
    r.stage = 'in_progress';
  } else if (r.stage === 'in_progress') {
    await api.message(
      r.submissionId,
      'Ihr Antrag ist abgeschlossen',
      `Guten Tag,\n\nIhr Antrag ${r.reference} ist bearbeitet. ${texts.outcome}\n\n${texts.office} (Demo-Fachverfahren)`,
      `${r.submissionId}:message`,
    );
    await api.status(r.submissionId, 'completed', texts.completed, `${r.submissionId}:completed`);
    r.stage = 'completed';
  } else {
    return false;
  }
  r.stageAt = new Date().toISOString();
  return true;
}

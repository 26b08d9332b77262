import { localize } from '../../forms/engine/index.ts';
import type { SubmissionDocumentInput } from './xoev/index.ts';

export const APPLICATION_JSON_FORMAT = 'sac.application-data.v1';

/** The machine-readable data embedded in the PDF as `antrag.json`: the answers exactly as stored, with context. */
export function buildApplicationJson(input: SubmissionDocumentInput) {
  return {
    format: APPLICATION_JSON_FORMAT,
    reference: input.reference,
    submittedAt: input.submittedAt.toISOString(),
    language: input.lang,
    tenant: { name: input.tenant.name, ars: input.tenant.ars },
    assistant: {
      id: input.definition.id,
      version: input.definition.version,
      title: localize(input.definition.title, input.lang),
      leikaKeys: input.definition.leikaKeys ?? [],
    },
    answers: input.answers,
    fees: input.fees,
    payment: input.payment
      ? {
          status: input.payment.status,
          amountCents: input.payment.amountCents,
          transactionReference: input.payment.transactionReference || null,
        }
      : null,
    attachments: input.attachments.map((file) => ({
      fieldId: file.fieldId,
      name: file.name,
      mimeType: file.mimeType,
      size: file.size,
      sha256: file.sha256,
    })),
  };
}

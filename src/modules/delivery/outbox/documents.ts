import type { Deps } from '../../../platform/deps.ts';
import { loadDocumentInput, renderSubmissionPdf, xoevFromInput } from '../../submissions/documents/index.ts';
import type { DeliveryFile } from '../connector.ts';

export interface SubmissionDocument {
  role: Exclude<DeliveryFile['role'], 'upload'>;
  filename: string;
  mimeType: string;
  bytes: Buffer;
}

/**
 * The generated documents of a submission: the application PDF and, where the assistant has a mapping, the
 * XÖV XML. Both are deterministic (same submission, same bytes), so a download link built later matches the
 * SHA-256 announced in the envelope.
 */
export async function submissionDocuments(
  deps: Deps,
  tenantId: string,
  submissionId: string,
): Promise<SubmissionDocument[]> {
  const input = await loadDocumentInput(deps, tenantId, submissionId);
  const pdf = await renderSubmissionPdf(input);
  const documents: SubmissionDocument[] = [
    { role: 'application-pdf', filename: pdf.filename, mimeType: 'application/pdf', bytes: Buffer.from(pdf.bytes) },
  ];
  const xoev = xoevFromInput(input);
  if (xoev) {
    documents.push({
      role: 'xoev-xml',
      filename: xoev.filename,
      mimeType: 'application/xml',
      bytes: Buffer.from(xoev.xml, 'utf8'),
    });
  }
  return documents;
}

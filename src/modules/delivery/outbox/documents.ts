import type { Deps } from '../../../platform/deps.ts';
import type { DeliveryFile } from '../connector.ts';

export interface SubmissionDocument {
  role: Exclude<DeliveryFile['role'], 'upload'>;
  filename: string;
  mimeType: string;
  bytes: Buffer;
}

/** The generated documents of a submission: the application PDF and, where a mapping exists, the XÖV XML. */
export async function submissionDocuments(
  _deps: Deps,
  _tenantId: string,
  _submissionId: string,
): Promise<SubmissionDocument[]> {
  return [];
}

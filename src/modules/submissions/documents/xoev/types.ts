import type { AssistantDefinition } from '../../../forms/definition/types.ts';
import type { Answers, FeeResult } from '../../../forms/engine/index.ts';

/** An attachment as the machine-readable documents list it (bytes are delivered separately). */
export interface DocumentAttachment {
  /** Id of the file field the upload belongs to. */
  fieldId: string;
  name: string;
  mimeType: string;
  size: number;
  sha256: string;
}

/** Payment as the documents carry it. */
export interface DocumentPayment {
  status: string;
  /** The Kassenzeichen. */
  transactionReference: string;
  amountCents: number;
  method?: string;
}

/** Everything a machine-readable document of one submission is built from. */
export interface SubmissionDocumentInput {
  submissionId: string;
  reference: string;
  submittedAt: Date;
  lang: 'de' | 'en';
  tenant: { slug: string; name: string; ars: string | null; primaryColor: string; logoSvg: string | null };
  definition: AssistantDefinition;
  answers: Answers;
  fees: FeeResult;
  payment?: DocumentPayment;
  attachments: DocumentAttachment[];
}

/** An assistant's XÖV mapping: a versioned format and its builder. */
export interface XoevMapping {
  /** E.g. `sac.xpersonenstand-portal.v1`; changes whenever the structure changes. */
  formatVersion: string;
  /** Builds the message; the caller validates it. */
  build(input: SubmissionDocumentInput): string;
  /** Throws `XoevValidationError` when the document does not follow the format. */
  validate(xml: string): void;
}

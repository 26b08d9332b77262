/**
 * The documents of a submission: the application PDF (for people, with the data embedded) and, where the
 * assistant has a mapping, the XÖV payload. Both are built from the stored submission and are deterministic
 * (the same submission gives the same bytes); once the submission is released they are stored as its
 * documents of record (record.ts, docs/ARCHITECTURE.md "Application PDF").
 */
import { createHash } from 'node:crypto';
import type { Deps } from '../../../platform/deps.ts';
import { shippedCodeLists } from '../../forms/codelists/index.ts';
import { localize, summarize, todayIn } from '../../forms/engine/index.ts';
import { type ApplicationPdfInput, renderApplicationPdf } from '../../pdf/index.ts';
import { buildApplicationJson } from './application-json.ts';
import { loadDocumentInput } from './load-input.ts';
import { buildValidatedXoev, type SubmissionDocumentInput, xoevMappingFor } from './xoev/index.ts';

export { APPLICATION_JSON_FORMAT, buildApplicationJson } from './application-json.ts';
export { loadDocumentInput } from './load-input.ts';
export {
  type DocumentAttachment,
  type DocumentPayment,
  type SubmissionDocumentInput,
  XoevValidationError,
  xoevMappingFor,
} from './xoev/index.ts';

export interface ApplicationPdf {
  bytes: Uint8Array;
  filename: string;
  sha256: string;
}

export interface XoevDocument {
  xml: string;
  filename: string;
  formatVersion: string;
}

/** `antrag-MD-7K3Q-9XF2.pdf`; anything but letters, digits, dot and dash is replaced. */
export function documentFilename(reference: string, extension: 'pdf' | 'xml' | 'json'): string {
  return `antrag-${reference.replace(/[^A-Za-z0-9.-]/g, '_')}.${extension}`;
}

/** The XÖV payload of a loaded submission, validated; null when the assistant has no mapping. */
export function xoevFromInput(input: SubmissionDocumentInput): XoevDocument | null {
  const mapping = xoevMappingFor(input.definition.id);
  if (!mapping) return null;
  return {
    xml: buildValidatedXoev(mapping, input),
    filename: documentFilename(input.reference, 'xml'),
    formatVersion: mapping.formatVersion,
  };
}

/**
 * What the PDF renderer gets for a loaded submission (summary evaluated as of the submission day). Pass the
 * XÖV document when the caller built it already (it is embedded as `antrag.xml`).
 */
export function pdfInputFrom(
  input: SubmissionDocumentInput,
  xoev: XoevDocument | null = xoevFromInput(input),
): ApplicationPdfInput {
  const ctx = { today: todayIn(input.submittedAt), lang: input.lang, codeLists: shippedCodeLists };
  return {
    tenant: { name: input.tenant.name, primaryColor: input.tenant.primaryColor, logoSvg: input.tenant.logoSvg },
    assistant: {
      id: input.definition.id,
      version: input.definition.version,
      title: localize(input.definition.title, input.lang),
    },
    reference: input.reference,
    submittedAt: input.submittedAt,
    lang: input.lang,
    summary: summarize(input.definition, input.answers, ctx),
    fees: input.fees.lines.length > 0 ? input.fees : undefined,
    payment: input.payment,
    attachments: input.attachments.map(({ name, mimeType, size, sha256 }) => ({ name, mimeType, size, sha256 })),
    machineReadable: { json: buildApplicationJson(input), xml: xoev?.xml },
  };
}

/** Renders the application PDF of a loaded submission (`xoev`: see pdfInputFrom). */
export async function renderSubmissionPdf(
  input: SubmissionDocumentInput,
  xoev: XoevDocument | null = xoevFromInput(input),
): Promise<ApplicationPdf> {
  const bytes = await renderApplicationPdf(pdfInputFrom(input, xoev));
  return {
    bytes,
    filename: documentFilename(input.reference, 'pdf'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** The application PDF of a submission of this tenant (404 for another tenant's or an unknown id). */
export async function buildApplicationPdf(deps: Deps, tenantId: string, submissionId: string): Promise<ApplicationPdf> {
  return renderSubmissionPdf(await loadDocumentInput(deps, tenantId, submissionId));
}

/** The validated XÖV payload of a submission, or null when its assistant has no XÖV mapping. */
export async function buildXoevXml(deps: Deps, tenantId: string, submissionId: string): Promise<XoevDocument | null> {
  return xoevFromInput(await loadDocumentInput(deps, tenantId, submissionId));
}

/** XÖV payloads per assistant: which assistants have a mapping, with the builder and validator of its format. */
import type { XoevMapping } from './types.ts';
import { buildUrkundenbestellungXml, XPERSONENSTAND_PORTAL_FORMAT } from './urkundenbestellung.ts';
import { urkundenbestellungSpec } from './urkundenbestellung-spec.ts';
import { validateXoev } from './validate.ts';

export type { DocumentAttachment, DocumentPayment, SubmissionDocumentInput, XoevMapping } from './types.ts';
export { type DocumentSpec, type ElementSpec, validateXoev, XoevValidationError } from './validate.ts';

const mappings: Record<string, XoevMapping> = {
  urkundenbestellung: {
    formatVersion: XPERSONENSTAND_PORTAL_FORMAT,
    build: buildUrkundenbestellungXml,
    validate: (xml) => validateXoev(xml, urkundenbestellungSpec),
  },
};

/** The XÖV mapping of an assistant, or undefined when it has none. */
export function xoevMappingFor(assistantId: string): XoevMapping | undefined {
  return Object.hasOwn(mappings, assistantId) ? mappings[assistantId] : undefined;
}

/** Builds and validates; an invalid document throws `XoevValidationError` (never delivered or embedded). */
export function buildValidatedXoev(mapping: XoevMapping, input: Parameters<XoevMapping['build']>[0]): string {
  const xml = mapping.build(input);
  mapping.validate(xml);
  return xml;
}

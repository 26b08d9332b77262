import type { AssistantDefinition, FimReference } from '../definition/types.ts';
import type { DocumentedRule } from './mapping-context.ts';
import type { FimMessageKind, FimPrefill, XdfVersion } from './model.ts';

/**
 * What an import keeps in `metadata.fim` of the definition, for what the definition format has no
 * place for: FIM ids of steps, Regeln (documentation), pre-fill markers and default values.
 */
export interface FimImportMetadata {
  xdfVersion: XdfVersion;
  messageKind: FimMessageKind;
  messageId?: string;
  createdAt?: string;
  /** The Stammdatenschema, or the group of a Datenfeldgruppe message. */
  root: FimReference & { name: string };
  /** Step id → FIM id and version of the group it was made from. */
  steps: Record<string, FimReference>;
  /** Regeln, once per id and version, with the ids of the steps and fields they are attached to. */
  rules: Omit<DocumentedRule, 'path'>[];
  /** Field id → `vorbefuellung` (the value may or must come from the user account). */
  prefill: Record<string, Exclude<FimPrefill, 'keine'>>;
  /** Field id → `inhalt` of an input field (a default value). */
  defaults: Record<string, string>;
}

/** The FIM metadata of an imported definition, or undefined for a hand-written one. */
export function fimMetadataOf(definition: AssistantDefinition): FimImportMetadata | undefined {
  return definition.metadata?.fim as FimImportMetadata | undefined;
}

import type { CodeListRegistry } from '../codelists/code-list-registry.ts';
import type { FimReference } from '../definition/types.ts';
import type { IdAllocator } from './id-allocator.ts';
import type { FimElementRef, FimPrefill, FimRule, FimWarning } from './model.ts';

/** A Regel with every place (definition id) it is attached to. */
export interface DocumentedRule extends FimRule {
  appliesTo: string[];
  /** Element path of its first occurrence. */
  path: string;
}

/** State shared while one FIM document is mapped to a definition. */
export interface MappingContext {
  codeLists: CodeListRegistry;
  ids: IdAllocator;
  warnings: FimWarning[];
  /** FIM id and version of each step (steps have no `fim` property in the definition format). */
  stepFim: Record<string, FimReference>;
  /** `vorbefuellung` per field id: the FIM data says the value may or must come from the user account. */
  prefill: Record<string, Exclude<FimPrefill, 'keine'>>;
  /** `inhalt` of input fields (a default value) per field id; the format has no default values. */
  defaults: Record<string, string>;
  rules: Map<string, DocumentedRule>;
}

/** FIM id and version of an element, as kept on fields and groups. */
export function fimRef(element: FimElementRef): FimReference {
  return element.version ? { id: element.id, version: element.version } : { id: element.id };
}

/**
 * Records the Regeln of an element (deduplicated by id and version) as attached to `definitionId`;
 * without an id (the element was left out) the Regel is still documented.
 */
export function noteRules(
  element: { rules: FimRule[] },
  definitionId: string | undefined,
  path: string,
  ctx: MappingContext,
): void {
  for (const rule of element.rules) {
    const key = `${rule.id}:${rule.version ?? ''}`;
    const known = ctx.rules.get(key) ?? { ...rule, appliesTo: [], path };
    ctx.rules.set(key, known);
    if (definitionId && !known.appliesTo.includes(definitionId)) known.appliesTo.push(definitionId);
  }
}

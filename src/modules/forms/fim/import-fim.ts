import type { CodeListRegistry } from '../codelists/code-list-registry.ts';
import { shippedCodeLists } from '../codelists/shipped-code-lists.ts';
import { checkDefinition } from './check-definition.ts';
import { FimImportError } from './fim-import-error.ts';
import { type FimMappingResult, mapToDefinition } from './map-to-definition.ts';
import { parseFim } from './parse-fim.ts';

/**
 * Imports an XDatenfelder 2.0 or 3.0.0 message (XML text) as an assistant definition that passes the
 * definition validator. Throws a FimImportError (one message with the element path) on bad input.
 */
export function importFim(xml: string, codeLists: CodeListRegistry = shippedCodeLists): FimMappingResult {
  const doc = parseFim(xml);
  const result = mapToDefinition(doc, codeLists);
  const problems = checkDefinition(result.definition);
  if (problems.length > 0) {
    throw new FimImportError(doc.schema.path, `the imported definition is not valid: ${problems.join('; ')}`);
  }
  return result;
}

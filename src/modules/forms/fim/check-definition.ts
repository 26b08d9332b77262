import type { AssistantDefinition } from '../definition/types.ts';
import { validateDefinition } from '../definition/validate-definition.ts';

/** Problems `validateDefinition` (what `sac forms validate` runs) finds in an imported definition. */
export function checkDefinition(definition: AssistantDefinition): string[] {
  const result = validateDefinition(JSON.parse(JSON.stringify(definition)));
  return result.ok ? [] : result.errors.map((error) => `${error.path}: ${error.message}`);
}

import { assistantDefinitionSchema } from '../definition/schema.ts';
import type { AssistantDefinition } from '../definition/types.ts';

/** Problems the definition validator finds in an imported definition (empty when it is valid). */
export function checkDefinition(definition: AssistantDefinition): string[] {
  const result = assistantDefinitionSchema.safeParse(definition);
  if (result.success) return [];
  return result.error.issues.map((issue) => `$.${issue.path.join('.')}: ${issue.message}`);
}

import type { AssistantDefinition, Field } from '../forms/definition/types.ts';
import type { Answers, FileMeta } from '../forms/engine/index.ts';

/** Upload ids referenced by the (pruned) answers' file fields, in groups too. */
export function collectFileIds(def: AssistantDefinition, answers: Answers): string[] {
  const ids: string[] = [];
  const visit = (fields: readonly Field[], values: Answers) => {
    for (const field of fields) {
      const value = values[field.id];
      if (field.type === 'file' && Array.isArray(value)) ids.push(...(value as FileMeta[]).map((file) => file.id));
      if (field.type !== 'group' || !value || typeof value !== 'object') continue;
      for (const item of Array.isArray(value) ? (value as Answers[]) : [value as Answers]) visit(field.fields, item);
    }
  };
  visit(
    def.steps.flatMap((step) => step.fields),
    answers,
  );
  return ids;
}

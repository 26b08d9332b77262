import type { AssistantDefinition } from '../forms/definition/types.ts';
import type { Answers } from '../forms/engine/index.ts';

/**
 * The e-mail address the applicant gave: the value of the first field of type `email` that has one. The
 * one rule for every mail to the applicant (confirmation, payment expiry notice, citizen notifications).
 */
export function emailInAnswers(definition: AssistantDefinition, answers: Answers): string | undefined {
  const field = definition.steps
    .flatMap((step) => step.fields)
    .find((candidate) => candidate.type === 'email' && typeof answers[candidate.id] === 'string');
  return field ? (answers[field.id] as string) : undefined;
}

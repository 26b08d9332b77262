import type { Deps } from '../../../platform/deps.ts';
import type { AssistantDefinition } from '../../forms/definition/types.ts';
import type { Answers } from '../../forms/engine/index.ts';
import { emailInAnswers } from '../../submissions/applicant-email.ts';

/**
 * The e-mail address the applicant gave in the answers: the first field of type `email` that has a value
 * (the same rule as the confirmation mail). Undefined when the application has none.
 */
export function applicantEmail(
  deps: Deps,
  definition: AssistantDefinition,
  submission: { id: string; answers: string },
): string | undefined {
  const answers = deps.cipher.decryptJson<Answers>(submission.answers, submission.id);
  const value = emailInAnswers(definition, answers)?.trim() ?? '';
  return value === '' ? undefined : value;
}

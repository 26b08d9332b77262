/** The pure form engine: functions over (definition, answers), no I/O, time passed in as `today`. */
export type {
  AddressValue,
  Answers,
  AnswerValue,
  FieldError,
  FileMeta,
  FormState,
  RawObject,
  RawValue,
} from './answers.ts';
export { applicableFields, applicableItemFields, applicableSteps } from './applicable.ts';
export { type CodeListSource, type EngineContext, todayIn } from './context.ts';
export type { Expr } from './expression/ast.ts';
export { ExpressionError } from './expression/ast.ts';
export { evaluate } from './expression/evaluate.ts';
export { parseExpression, reservedWords } from './expression/parse.ts';
export { computeFees, type FeeLine, type FeeResult } from './fees.ts';
export type { FieldType } from './fields/field-type.ts';
export { fieldTypes } from './fields/registry.ts';
export { type FormBody, parseFormBody } from './form-body.ts';
export { formatCents, formatIban, formatIsoDate } from './format.ts';
export { formatValue } from './format-value.ts';
export { applyGroupAction, type GroupAction, parseGroupAction } from './group-actions.ts';
export { inputValue } from './input-value.ts';
export { localize } from './localize.ts';
export { type StepPosition, stepPosition } from './navigation.ts';
export { type ParsedStep, parseStep } from './parse-step.ts';
export { applyPrefill } from './prefill.ts';
export { pruneHidden } from './prune-hidden.ts';
export { type StepOutcome, submitStep } from './submit-step.ts';
export { type SummaryItem, type SummaryRow, type SummaryStep, summarize } from './summarize.ts';
export { type ValidateOptions, validateAnswers } from './validate.ts';

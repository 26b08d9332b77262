/**
 * The assistant definition format: versioned JSON data that describes one Antragsassistent.
 * The JSON Schema (`assistant-definition.schema.json`) is generated from `schema.ts`, which mirrors these types.
 */

/** Citizen-visible text: plain German, or German plus translations. */
export type LocalizedText = string | { de: string; en?: string };

/** A condition in the SAC expression language, e.g. `zweck == "rente" and anzahl > 1`. */
export type Expression = string;

export interface FimReference {
  id: string;
  version?: string;
}

export interface ChoiceOption {
  value: string;
  label: LocalizedText;
  hint?: LocalizedText;
}

/** Everything every field may carry. */
export interface FieldBase {
  /** Unique among its siblings; usable as an identifier in expressions and as a form name. */
  id: string;
  label: LocalizedText;
  hint?: LocalizedText;
  /** Shown only when the expression is true; hidden answers are dropped. */
  when?: Expression;
  required?: boolean;
  /** Overrides of the default messages, keyed by message code (`required`, `tooLong`, `past`, …). */
  messages?: Record<string, LocalizedText>;
  fim?: FimReference;
  /** Identity attribute that pre-fills this field (e.g. `givenName`, `address.street`). */
  prefill?: string;
}

export interface TextField extends FieldBase {
  type: 'text' | 'textarea';
  minLength?: number;
  maxLength?: number;
  /** Regular expression (Unicode) the whole value must match. */
  pattern?: string;
  autocomplete?: string;
}

export interface NumberField extends FieldBase {
  type: 'number' | 'integer';
  min?: number;
  max?: number;
  unit?: string;
}

/** Amounts are in cents, including `min` and `max`. */
export interface CurrencyField extends FieldBase {
  type: 'currency';
  min?: number;
  max?: number;
}

export type DateRelation = 'past' | 'notFuture' | 'future' | 'notPast';

/** Dates are ISO `YYYY-MM-DD`; `notBefore`/`notAfter` take a field id, an ISO date or `today`. */
export interface DateField extends FieldBase {
  type: 'date';
  mustBe?: DateRelation;
  notBefore?: string;
  notAfter?: string;
  autocomplete?: 'bday';
}

export interface SimpleInputField extends FieldBase {
  type: 'time' | 'email' | 'phone' | 'iban' | 'postcode';
}

export interface ChoiceField extends FieldBase {
  type: 'select' | 'radio' | 'checkboxes';
  options: ChoiceOption[];
  /** For `checkboxes`: how many may or must be ticked. */
  minSelected?: number;
  maxSelected?: number;
}

export interface CheckboxField extends FieldBase {
  type: 'checkbox';
}

export interface CountryField extends FieldBase {
  type: 'country';
  /** Key of a shipped code list, e.g. `staat`. */
  codeList: string;
}

export interface AddressField extends FieldBase {
  type: 'address';
}

export interface FileField extends FieldBase {
  type: 'file';
  /** Default 10 MB. */
  maxBytes?: number;
  /** Default PDF, JPEG, PNG. */
  accept?: string[];
  minFiles?: number;
  maxFiles?: number;
}

export interface InfoField extends Omit<FieldBase, 'label'> {
  type: 'info';
  label?: LocalizedText;
  text: LocalizedText;
}

/** Pre-filled value: `hidden` is not shown, `locked` is shown read-only. Never taken from a form post. */
export interface PrefilledField extends FieldBase {
  type: 'hidden' | 'locked';
  value?: string;
}

export interface GroupField extends FieldBase {
  type: 'group';
  fields: Field[];
  repeatable?: boolean;
  min?: number;
  max?: number;
  /** Label of one item; `{n}` is the 1-based position, e.g. `Hund {n}`. */
  itemLabel?: LocalizedText;
  addLabel?: LocalizedText;
  removeLabel?: LocalizedText;
}

export type Field =
  | TextField
  | NumberField
  | CurrencyField
  | DateField
  | SimpleInputField
  | ChoiceField
  | CheckboxField
  | CountryField
  | AddressField
  | FileField
  | InfoField
  | PrefilledField
  | GroupField;

export type FieldTypeName = Field['type'];

export interface Step {
  id: string;
  title: LocalizedText;
  intro?: LocalizedText;
  when?: Expression;
  fields: Field[];
}

/** A cross-field rule: when `assert` is false, `message` is shown at the first of `fields`. */
export interface CrossFieldRule {
  id: string;
  fields: string[];
  assert: Expression;
  when?: Expression;
  message: LocalizedText;
}

/**
 * A fee line. Amount = `firstCents` for the first unit plus `furtherCents` for each further one
 * (both default to `unitCents`). `forEach` names a repeatable group: one line per item, evaluated in the item.
 * `label` may contain `{fieldId}` placeholders (display values) and `{quantity}`.
 */
export interface FeeRule {
  id: string;
  label: LocalizedText;
  when?: Expression;
  forEach?: string;
  quantity?: Expression;
  unitCents?: number;
  firstCents?: number;
  furtherCents?: number;
  /** When true, the line is shown with 0 € and marked as free of charge. */
  freeWhen?: Expression;
}

export interface ConsentSettings {
  required: boolean;
  text?: LocalizedText;
  privacyUrl?: string;
}

export interface DefinitionMetadata {
  sources?: string[];
  fimSchemaIds?: string[];
  notes?: string;
  [key: string]: unknown;
}

export interface AssistantDefinition {
  $schema?: string;
  id: string;
  version: string;
  title: LocalizedText;
  description?: LocalizedText;
  languages: ('de' | 'en')[];
  leikaKeys: string[];
  steps: Step[];
  rules?: CrossFieldRule[];
  fees?: FeeRule[];
  consent?: ConsentSettings;
  metadata?: DefinitionMetadata;
  /** Hints for delivery formats, e.g. a target path per field id. */
  output?: Record<string, unknown>;
}

export type Language = 'de' | 'en';

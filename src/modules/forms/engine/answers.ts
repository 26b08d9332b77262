/** Metadata of an uploaded file as the upload module reports it; the engine never sees the bytes. */
export interface FileMeta {
  id: string;
  name: string;
  size: number;
  mimeType: string;
}

/** Compound value of an `address` field. */
export interface AddressValue {
  strasse?: string;
  hausnummer?: string;
  adresszusatz?: string;
  plz?: string;
  ort?: string;
}

/**
 * Typed answers keyed by field id. Values: text types → string, number/integer → number,
 * currency → integer cents, date → `YYYY-MM-DD`, time → `HH:MM`, checkbox → boolean,
 * checkboxes → string[], address → AddressValue, file → FileMeta[], group → Answers,
 * repeatable group → Answers[].
 */
export interface Answers {
  [fieldId: string]: AnswerValue;
}

export type AnswerValue =
  | string
  | number
  | boolean
  | string[]
  | FileMeta[]
  | AddressValue
  | Answers
  | Answers[]
  | undefined;

/** What was typed, as posted, so a page can show it again exactly. */
export type RawValue = string | RawValue[] | RawObject;
export interface RawObject {
  [key: string]: RawValue | undefined;
}

/** Answers plus what was typed; the unit a draft stores. */
export interface FormState {
  answers: Answers;
  raw: RawObject;
}

/** One message for the citizen, attached to a field. */
export interface FieldError {
  /** Id of the field (the innermost one for fields inside groups). */
  fieldId: string;
  /** Form name of the field, e.g. `fahrzeuge[2][kennzeichen]`. */
  name: string;
  /** Form name of the input to focus from the error summary, e.g. `geburtsdatum[tag]`. */
  focus: string;
  code: string;
  message: string;
}

/**
 * Internal model of a FIM XDatenfelder message, the same for 2.0 and 3.0.0.
 * Unlike the XML (and the xdatenfelder-xml tables) it is a tree of occurrences: a Datenfeld that
 * appears twice in a schema appears twice here, each time with its own element path.
 */

export type XdfVersion = '2.0' | '3.0.0';
export type FimMessageKind = 'stammdatenschema' | 'datenfeldgruppe';

/** `feldart`; `hidden` and `locked` exist only in 3.0.0. */
export type FimFieldKind = 'input' | 'select' | 'label' | 'hidden' | 'locked';

/** `datentyp`; `text_latin`, `time` and `datetime` exist only in 3.0.0. */
export type FimDataType =
  | 'text'
  | 'text_latin'
  | 'date'
  | 'time'
  | 'datetime'
  | 'bool'
  | 'num'
  | 'num_int'
  | 'num_currency'
  | 'file'
  | 'obj';

/** `vorbefuellung` (3.0.0): whether the value is pre-filled from the user account. */
export type FimPrefill = 'keine' | 'optional' | 'verpflichtend';

/** `anzahl` `min:max`; `max` is undefined for `*`. */
export interface FimCardinality {
  min: number;
  max: number | undefined;
  /** The text as written, e.g. `0:*`. */
  raw: string;
}

/** `praezisierung`: from a JSON string (2.0) or XML attributes (3.0.0). Values stay strings as in FIM. */
export interface FimConstraints {
  minLength?: number;
  maxLength?: number;
  minValue?: string;
  maxValue?: string;
  pattern?: string;
}

export interface FimCodeListReference {
  id?: string;
  version?: string;
  canonicalUri?: string;
  canonicalVersionUri?: string;
  /** 3.0.0: genericode column ids for code, label and help text. */
  codeKey?: string;
  nameKey?: string;
  helpKey?: string;
}

/** 3.0.0 inline option of a select field (`werte/wert`). */
export interface FimSelectValue {
  code: string;
  name: string;
  help?: string;
}

/** A Regel; its logic is free text or a script that is not reliably machine-readable. */
export interface FimRule {
  id: string;
  version?: string;
  name: string;
  description?: string;
  /** 2.0 `definition` or 3.0.0 `freitextRegel`. */
  definition?: string;
  script?: string;
  /** 3.0.0 `typ`: K Komplex, M Multiplizität, V Validierung, B Berechnung. */
  type?: 'K' | 'M' | 'V' | 'B';
}

/** What identifies any FIM element: id and (optional) version. */
export interface FimElementRef {
  id: string;
  version?: string;
}

interface FimElementBase {
  id: string;
  version?: string;
  name: string;
  /** `bezeichnungEingabe`, the label shown when entering data. */
  inputLabel?: string;
  description?: string;
  /** `hilfetextEingabe`. */
  inputHelp?: string;
  /** `bezug` texts (legal references). */
  legalReferences: string[];
  rules: FimRule[];
}

export interface FimField extends FimElementBase {
  kind: 'field';
  fieldKind: FimFieldKind;
  dataType: FimDataType;
  constraints: FimConstraints;
  /** `inhalt`: text of a label, or a default value. */
  content?: string;
  codeList?: FimCodeListReference;
  values: FimSelectValue[];
  prefill?: FimPrefill;
  /** 3.0.0 file fields: maximum size in bytes and accepted MIME types. */
  maxSize?: number;
  mediaTypes: string[];
}

export interface FimGroup extends FimElementBase {
  kind: 'group';
  children: FimOccurrence[];
}

/** One place where a field or group is used: a `struktur` with its `anzahl`. */
export interface FimOccurrence {
  cardinality: FimCardinality;
  /** Element path of the field or group element, e.g. `/…/stammdatenschema/struktur[2]/enthaelt/datenfeld`. */
  path: string;
  element: FimField | FimGroup;
}

/** A Stammdatenschema, or the root of a Datenfeldgruppe message (then `children` is the group's). */
export interface FimSchema extends FimElementBase {
  kind: 'schema' | 'group';
  children: FimOccurrence[];
  /** Element path of the schema or root group element. */
  path: string;
}

/** A warning raised while reading the message (non-fatal). */
export interface FimWarning {
  path: string;
  message: string;
}

export interface FimDocument {
  xdfVersion: XdfVersion;
  messageKind: FimMessageKind;
  messageId?: string;
  createdAt?: string;
  schema: FimSchema;
  warnings: FimWarning[];
}

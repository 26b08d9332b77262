import { FimImportError } from './fim-import-error.ts';
import type { FimDataType, FimFieldKind, FimPrefill, FimRule, XdfVersion } from './model.ts';

const FIELD_KINDS: Record<XdfVersion, readonly FimFieldKind[]> = {
  '2.0': ['input', 'select', 'label'],
  '3.0.0': ['input', 'select', 'label', 'hidden', 'locked'],
};

const DATA_TYPES: Record<XdfVersion, readonly FimDataType[]> = {
  '2.0': ['text', 'date', 'bool', 'num', 'num_int', 'num_currency', 'file', 'obj'],
  '3.0.0': ['text', 'text_latin', 'date', 'time', 'datetime', 'bool', 'num', 'num_int', 'num_currency', 'file', 'obj'],
};

const PREFILLS: readonly FimPrefill[] = ['keine', 'optional', 'verpflichtend'];
const RULE_TYPES: readonly NonNullable<FimRule['type']>[] = ['K', 'M', 'V', 'B'];

/** Checks a `feldart` code against the codes of the XDatenfelder version. */
export function parseFieldKind(code: string | undefined, version: XdfVersion, path: string): FimFieldKind {
  return oneOf(code, FIELD_KINDS[version], `${path}/feldart`, 'feldart');
}

/** Checks a `datentyp` code against the codes of the XDatenfelder version. */
export function parseDataType(code: string | undefined, version: XdfVersion, path: string): FimDataType {
  return oneOf(code, DATA_TYPES[version], `${path}/datentyp`, 'datentyp');
}

export function parsePrefill(code: string | undefined, path: string): FimPrefill | undefined {
  return code === undefined ? undefined : oneOf(code, PREFILLS, `${path}/vorbefuellung`, 'vorbefuellung');
}

export function parseRuleType(code: string | undefined, path: string): FimRule['type'] {
  return code === undefined ? undefined : oneOf(code, RULE_TYPES, `${path}/typ`, 'typ');
}

function oneOf<T extends string>(code: string | undefined, allowed: readonly T[], path: string, what: string): T {
  if (code !== undefined && (allowed as readonly string[]).includes(code)) return code as T;
  const found = code === undefined ? 'is missing' : `"${code}" is unknown`;
  throw new FimImportError(path, `${what} ${found}; expected one of ${allowed.join(', ')}`);
}

import { COUNTRY_CODE_LIST_ID, NATIONALITY_CODE_LIST_ID } from '../codelists/shipped-code-lists.ts';
import type { ChoiceOption, Field } from '../definition/types.ts';
import { FimImportError } from './fim-import-error.ts';
import { type InputFieldInput, mapInputField } from './map-input-field.ts';

/** Up to this many options are shown as radio buttons, more as a select list. */
const MAX_RADIO_OPTIONS = 6;
const COUNTRY_LISTS = new Set([COUNTRY_CODE_LIST_ID, NATIONALITY_CODE_LIST_ID]);

/**
 * Maps a select Datenfeld: inline `werte` (3.0.0) or a shipped code list become options; the Staat
 * and Staatsangehörigkeit lists become a `country` field. An unknown code list fails the import.
 */
export function mapChoiceField(input: InputFieldInput): Field {
  const { field, path, ctx } = input;
  if (field.values.length > 0) {
    warnAboutConstraints(input);
    return choiceField(
      input,
      field.values.map((v) => ({ value: v.code, label: v.name, ...(v.help && { hint: v.help }) })),
    );
  }
  if (!field.codeList) {
    ctx.warnings.push({
      path,
      message: 'select field without werte or code list reference; imported as an input field',
    });
    return mapInputField(input);
  }
  warnAboutConstraints(input);
  const resolved = ctx.codeLists.resolve(field.codeList);
  if (!resolved) {
    const named = [field.codeList.id, field.codeList.canonicalVersionUri ?? field.codeList.canonicalUri].filter(
      Boolean,
    );
    throw new FimImportError(
      `${path}/codelisteReferenz`,
      `unknown code list ${named.join(' ')}; SAC does not ship it (add it with --codelists <file.json>)`,
    );
  }
  const { list, exactVersion } = resolved;
  if (!exactVersion) {
    const wanted = field.codeList.canonicalVersionUri ?? field.codeList.version;
    ctx.warnings.push({
      path,
      message: `code list ${list.id} referenced in version ${wanted}; using shipped version ${list.version}`,
    });
  }
  if (field.codeList.codeKey || field.codeList.nameKey || field.codeList.helpKey) {
    ctx.warnings.push({
      path,
      message: `codeKey/nameKey/helpKey ignored; shipped list ${list.id} has one code and one label column`,
    });
  }
  if (COUNTRY_LISTS.has(list.id)) return { ...input.base, type: 'country', codeList: list.key };
  return choiceField(
    input,
    list.values.map((v) => ({ value: v.code, label: v.label })),
  );
}

function choiceField(input: InputFieldInput, options: ChoiceOption[]): Field {
  const type = options.length <= MAX_RADIO_OPTIONS ? 'radio' : 'select';
  return { ...input.base, type, options };
}

function warnAboutConstraints({ field, path, ctx }: InputFieldInput): void {
  const keys = Object.keys(field.constraints);
  if (keys.length > 0)
    ctx.warnings.push({ path, message: `praezisierung ${keys.join(', ')} ignored on a select field` });
}

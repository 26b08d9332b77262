import type { Field, FieldBase } from '../definition/types.ts';
import { withLeadingKeys } from './field-key-order.ts';
import { mapChoiceField } from './map-choice-field.ts';
import { mapInputField } from './map-input-field.ts';
import { fimRef, type MappingContext, noteRules } from './mapping-context.ts';
import type { FimField, FimOccurrence } from './model.ts';

/**
 * Maps one occurrence of a Datenfeld. `anzahl` 1:1 makes it required, 0:1 optional; a field that may
 * occur more than once becomes a repeatable group holding the field once.
 */
export function mapFieldOccurrence(
  occurrence: FimOccurrence,
  field: FimField,
  parentId: string,
  ctx: MappingContext,
): Field {
  const { cardinality, path } = occurrence;
  const repeatable = cardinality.max !== 1;
  const id = ctx.ids.allocate(field.id, parentId);
  const single = withLeadingKeys(mapSingleField(field, id, repeatable || cardinality.min >= 1, path, ctx));
  if (!repeatable) return single;
  return {
    id: ctx.ids.allocate(`${field.id}_liste`, parentId),
    type: 'group',
    label: single.label ?? field.name,
    fim: fimRef(field),
    repeatable: true,
    min: cardinality.min,
    ...(cardinality.max !== undefined && { max: cardinality.max }),
    fields: [single],
  };
}

function mapSingleField(field: FimField, id: string, required: boolean, path: string, ctx: MappingContext): Field {
  noteRules(field, id, path, ctx);
  const base: FieldBase = {
    id,
    label: field.inputLabel ?? field.name,
    ...(field.inputHelp && { hint: field.inputHelp }),
    fim: fimRef(field),
  };
  switch (field.fieldKind) {
    case 'label':
      return { ...base, type: 'info', text: field.content ?? field.description ?? field.inputLabel ?? field.name };
    case 'hidden':
    case 'locked':
      return { ...base, type: field.fieldKind, ...(field.content !== undefined && { value: field.content }) };
    case 'select':
      notePrefillAndDefault(field, id, path, ctx);
      return mapChoiceField({ base: { ...base, required }, field, path, ctx });
    case 'input':
      notePrefillAndDefault(field, id, path, ctx);
      return mapInputField({ base: { ...base, required }, field, path, ctx });
  }
}

function notePrefillAndDefault(field: FimField, id: string, path: string, ctx: MappingContext): void {
  if (field.prefill === 'optional' || field.prefill === 'verpflichtend') ctx.prefill[id] = field.prefill;
  if (field.content !== undefined) {
    ctx.defaults[id] = field.content;
    ctx.warnings.push({
      path,
      message: `inhalt "${field.content}" (default value) kept only in metadata.fim.defaults`,
    });
  }
}

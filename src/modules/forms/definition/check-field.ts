import { reservedWords } from '../engine/expression/parse.ts';
import { checkExpression, type ScopeLevels } from './check-expression.ts';
import type { DefinitionError } from './definition-error.ts';
import type { Field } from './types.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Semantic checks of one level of fields (unique ids, conditions, ranges, options), recursing into groups. */
export function checkFields(
  fields: readonly Field[],
  path: string,
  outer: ScopeLevels,
  errors: DefinitionError[],
): void {
  const levels: ScopeLevels = [fields, ...outer];
  const seen = new Set<string>();
  fields.forEach((field, index) => {
    const at = `${path}/${index}`;
    const add = (key: string, message: string) => errors.push({ path: key ? `${at}/${key}` : at, message });
    if (seen.has(field.id)) add('id', `Field id "${field.id}" is used twice at this level`);
    seen.add(field.id);
    if (reservedWords.has(field.id)) add('id', `Field id "${field.id}" is a reserved word of the condition language`);
    if (field.when) for (const problem of checkExpression(field.when, levels)) add('when', problem);
    checkSpecific(field, levels, add);
    if (field.type === 'group') {
      if (field.fields.length === 0) add('fields', 'A group needs at least one field');
      checkFields(field.fields, `${at}/fields`, levels, errors);
    }
  });
}

function checkSpecific(field: Field, levels: ScopeLevels, add: (key: string, message: string) => void): void {
  const range = (min: number | undefined, max: number | undefined, minKey: string, maxKey: string) => {
    if (min !== undefined && max !== undefined && min > max)
      add(minKey, `${minKey} (${min}) is greater than ${maxKey} (${max})`);
  };
  switch (field.type) {
    case 'text':
    case 'textarea':
      range(field.minLength, field.maxLength, 'minLength', 'maxLength');
      if (field.pattern !== undefined) {
        try {
          new RegExp(field.pattern, 'u');
        } catch {
          add('pattern', `Pattern "${field.pattern}" is not a valid regular expression`);
        }
      }
      break;
    case 'number':
    case 'integer':
    case 'currency':
      range(field.min, field.max, 'min', 'max');
      break;
    case 'select':
    case 'radio':
    case 'checkboxes': {
      if (field.options.length === 0) add('options', 'A choice field needs at least one option');
      const values = field.options.map((option) => option.value);
      const twice = values.find((value, i) => values.indexOf(value) !== i);
      if (twice !== undefined) add('options', `Option value "${twice}" is used twice`);
      range(field.minSelected, field.maxSelected, 'minSelected', 'maxSelected');
      break;
    }
    case 'file':
      range(field.minFiles, field.maxFiles, 'minFiles', 'maxFiles');
      break;
    case 'group':
      range(field.min, field.max, 'min', 'max');
      if (!field.repeatable && (field.min !== undefined || field.max !== undefined)) {
        add('repeatable', 'min and max only apply to repeatable groups; set "repeatable": true');
      }
      break;
    case 'date':
      for (const key of ['notBefore', 'notAfter'] as const) {
        const reference = field[key];
        if (reference === undefined || reference === 'today' || ISO_DATE.test(reference)) continue;
        const target = levels.flat().find((candidate) => candidate.id === reference);
        if (target?.type !== 'date')
          add(key, `${key} must be "today", an ISO date or the id of a date field; "${reference}" is none of these`);
      }
      break;
  }
}

import type { Field } from '../definition/types.ts';
import { mapFieldOccurrence } from './map-field.ts';
import { fimRef, type MappingContext, noteRules } from './mapping-context.ts';
import type { FimGroup, FimOccurrence } from './model.ts';

/** Maps the children of a schema or group, keeping every occurrence of a repeated element. */
export function mapChildren(children: FimOccurrence[], parentId: string, ctx: MappingContext): Field[] {
  return children.flatMap((occurrence) => mapOccurrence(occurrence, parentId, ctx) ?? []);
}

/** Maps one field or group occurrence; a group without any Datenfeld is left out (undefined) with a warning. */
export function mapOccurrence(occurrence: FimOccurrence, parentId: string, ctx: MappingContext): Field | undefined {
  const { element } = occurrence;
  return element.kind === 'field'
    ? mapFieldOccurrence(occurrence, element, parentId, ctx)
    : mapGroupOccurrence(occurrence, element, parentId, ctx);
}

/**
 * A nested Datenfeldgruppe becomes a `group` field: 1:1 required, 0:1 optional, anything else
 * repeatable with `min` and `max` (no `max` for `*`).
 */
function mapGroupOccurrence(
  occurrence: FimOccurrence,
  group: FimGroup,
  parentId: string,
  ctx: MappingContext,
): Field | undefined {
  const { cardinality, path } = occurrence;
  const id = ctx.ids.allocate(group.id, parentId);
  const fields = mapChildren(group.children, id, ctx);
  if (fields.length === 0) {
    noteRules(group, undefined, path, ctx);
    ctx.warnings.push({ path, message: `Datenfeldgruppe ${group.id} has no Datenfelder and was left out` });
    return undefined;
  }
  noteRules(group, id, path, ctx);
  const label = group.inputLabel ?? group.name;
  const repeatable = cardinality.max !== 1;
  return {
    id,
    type: 'group',
    label,
    ...(group.inputHelp && { hint: group.inputHelp }),
    fim: fimRef(group),
    ...(repeatable
      ? {
          repeatable: true,
          min: cardinality.min,
          ...(cardinality.max !== undefined && { max: cardinality.max }),
          itemLabel: `${label} {n}`,
        }
      : { required: cardinality.min >= 1 }),
    fields,
  };
}

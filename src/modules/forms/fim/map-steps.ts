import type { Step } from '../definition/types.ts';
import { mapChildren, mapOccurrence } from './map-group.ts';
import { fimRef, type MappingContext, noteRules } from './mapping-context.ts';
import type { FimGroup, FimOccurrence, FimSchema } from './model.ts';

/**
 * Top-level groups become steps; fields directly under the schema go into a first step. A top-level
 * group that is optional or repeatable becomes a step holding that group, so `anzahl` is kept.
 * A Datenfeldgruppe message becomes one step for its group.
 */
export function mapSteps(schema: FimSchema, title: string, ctx: MappingContext): Step[] {
  if (schema.kind === 'group') {
    const id = ctx.ids.allocate(schema.id);
    ctx.stepFim[id] = fimRef(schema);
    noteRules(schema, id, schema.path, ctx);
    return [step(id, title, schema.inputHelp, mapChildren(schema.children, id, ctx))];
  }
  const steps: Step[] = [];
  const topLevelFields = schema.children.filter((c) => c.element.kind === 'field');
  if (topLevelFields.length > 0) {
    const id = ctx.ids.allocate(`${schema.id}_allgemein`);
    steps.push(step(id, title, schema.inputHelp, mapChildren(topLevelFields, id, ctx)));
  }
  for (const occurrence of schema.children) {
    if (occurrence.element.kind !== 'group') continue;
    const groupAsStep = groupStep(occurrence, occurrence.element, ctx);
    if (groupAsStep) steps.push(groupAsStep);
  }
  return steps;
}

/** The step for a top-level group, or undefined when the group has no Datenfelder (left out with a warning). */
function groupStep(occurrence: FimOccurrence, group: FimGroup, ctx: MappingContext): Step | undefined {
  const { cardinality } = occurrence;
  const title = group.inputLabel ?? group.name;
  if (cardinality.min === 1 && cardinality.max === 1) {
    const id = ctx.ids.allocate(group.id);
    const fields = mapChildren(group.children, id, ctx);
    if (fields.length === 0) {
      noteRules(group, undefined, occurrence.path, ctx);
      ctx.warnings.push({
        path: occurrence.path,
        message: `Datenfeldgruppe ${group.id} has no Datenfelder; no step was made for it`,
      });
      return undefined;
    }
    ctx.stepFim[id] = fimRef(group);
    noteRules(group, id, occurrence.path, ctx);
    return step(id, title, group.inputHelp, fields);
  }
  const id = ctx.ids.allocate(`${group.id}_schritt`);
  const field = mapOccurrence(occurrence, id, ctx);
  if (!field) return undefined;
  ctx.stepFim[id] = fimRef(group);
  return step(id, title, undefined, [field]);
}

function step(id: string, title: string, intro: string | undefined, fields: Step['fields']): Step {
  return { id, title, ...(intro && { intro }), fields };
}

import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { shippedCodeLists } from '../../src/modules/forms/codelists/index.ts';
import type { AssistantDefinition } from '../../src/modules/forms/definition/types.ts';
import { validateDefinition } from '../../src/modules/forms/definition/validate-definition.ts';
import {
  type Answers,
  applicableSteps,
  type EngineContext,
  type FieldError,
  type FormState,
  type SummaryStep,
  submitStep,
} from '../../src/modules/forms/engine/index.ts';
import { type Post, type PostValue, toBody } from './post-body.ts';

/** Fixed "today" for every assistant test. */
export const TODAY = '2026-11-30';
export const ctx: EngineContext = { today: TODAY, codeLists: shippedCodeLists };

export const ASSISTANT_IDS = [
  'urkundenbestellung',
  'hundeanmeldung',
  'hundeabmeldung',
  'begruessungsgeld',
  'gewerbeanmeldung',
] as const;

/** Reads and validates a shipped definition; fails the test with the problems when it is invalid. */
export function loadAssistant(id: string): AssistantDefinition {
  const json: unknown = JSON.parse(readFileSync(new URL(`../../assistants/${id}.json`, import.meta.url), 'utf8'));
  const result = validateDefinition(json);
  if (!result.ok) throw new Error(`${id}: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return result.definition;
}

/** A posted value as a test writes it: text, ticked checkboxes, a nested object (date, address, group) or items. */

/** The three inputs of a date field for an ISO date. */
export function date(iso: string): Post {
  return { tag: iso.slice(8, 10), monat: iso.slice(5, 7), jahr: iso.slice(0, 4) };
}

/** What the upload module posts for a stored file. */
export function file(name: string, mimeType = 'application/pdf', size = 120_000): Post[] {
  return [{ id: `upl-${name}`, name, size: String(size), mimeType }];
}

export function address(strasse: string, hausnummer: string, plz: string, ort: string): Post {
  return { strasse, hausnummer, plz, ort };
}

export interface Walk {
  state: FormState;
  visited: string[];
  errors: Record<string, FieldError[]>;
}

/**
 * Goes through the assistant like a citizen: every step that applies with the answers so far, in order,
 * posting `posts[stepId]` with "Weiter". Collects the errors per step instead of stopping.
 */
export function walk(def: AssistantDefinition, posts: Record<string, Post>, today = TODAY): Walk {
  let state: FormState = { answers: {}, raw: {} };
  const visited: string[] = [];
  const errors: Record<string, FieldError[]> = {};
  const context = { ...ctx, today };
  for (const step of def.steps) {
    if (!applicableSteps(def, state.answers, context).some((candidate) => candidate.id === step.id)) continue;
    visited.push(step.id);
    const outcome = submitStep(def, step.id, state, toBody(posts[step.id] ?? {}), context);
    state = { answers: outcome.answers, raw: outcome.raw };
    if (outcome.errors.length > 0) errors[step.id] = outcome.errors;
  }
  return { state, visited, errors };
}

/** A walk that must succeed; returns the final answers. */
export function walkClean(
  def: AssistantDefinition,
  posts: Record<string, Post>,
): { answers: Answers; visited: string[] } {
  const result = walk(def, posts);
  expect(result.errors).toEqual({});
  return { answers: result.state.answers, visited: result.visited };
}

/** The errors of one step posted on top of the answers of a clean walk, as `[form name, code]`. */
export function stepErrors(
  def: AssistantDefinition,
  posts: Record<string, Post>,
  stepId: string,
  override: Post,
  today = TODAY,
): [string, string][] {
  const result = walk(def, { ...posts, [stepId]: override }, today);
  return (result.errors[stepId] ?? []).map((error) => [error.name, error.code]);
}

/** All summary rows flattened to `label → displayValue` (group items prefixed with the item label). */
export function summaryText(steps: SummaryStep[]): string[] {
  const lines: string[] = [];
  const rows = (list: SummaryStep['rows'], prefix: string) => {
    for (const row of list) {
      if (row.kind === 'value') lines.push(`${prefix}${row.label}: ${row.displayValue}`);
      else for (const item of row.items) rows(item.rows, `${prefix}${item.label} / `);
    }
  };
  for (const step of steps) rows(step.rows, `${step.title} / `);
  return lines;
}

export { type Post, type PostValue, toBody };

import type { AssistantDefinition } from '../definition/types.ts';
import { applyPrefill } from '../engine/index.ts';
import type { DraftState } from './draft-state.ts';

/**
 * The state a new draft starts with: fixed values of hidden and locked fields, and answers pre-filled
 * from identity attributes (their field ids are remembered as `prefilled`, shown read-only).
 */
export function applicablePrefill(def: AssistantDefinition, attributes: Record<string, string>): DraftState {
  const { answers, prefilled } = applyPrefill(def, {}, attributes);
  return { answers, raw: {}, ...(prefilled.length > 0 ? { prefilled } : {}) };
}

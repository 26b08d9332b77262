import { createHash } from 'node:crypto';
import type { AssistantDefinition } from '../definition/types.ts';
import { type AnswerValue, applyPrefill, type EngineContext, type RawValue } from '../engine/index.ts';
import type { DraftPrefillSource, DraftState } from './draft-state.ts';

/** The logged-in citizen as pre-filling sees it: attributes by prefill name, and whether to lock them. */
export interface PrefillIdentity {
  provider: string;
  providerLabel: string;
  trustLevel: DraftPrefillSource['trustLevel'];
  /** Attribute name (`givenName`, `familyName`, `birthDate`, `address`, `email`, …) → value. */
  attributes: Record<string, RawValue>;
  /** Values from an eID login are verified: shown read-only, never taken from a post. */
  lock: boolean;
}

/** A short digest of a value, so the submission can tell whether a pre-filled value was kept. */
export function valueFingerprint(value: AnswerValue): string {
  return createHash('sha256')
    .update(JSON.stringify(value ?? null))
    .digest('base64url')
    .slice(0, 22);
}

/**
 * The state a new draft starts with: fixed values of hidden and locked fields (always read-only), and
 * answers pre-filled from the identity — read-only when they come from an eID login and pass the
 * field's checks, editable otherwise. Each identity value remembers its source.
 */
export function applicablePrefill(
  def: AssistantDefinition,
  identity?: PrefillIdentity,
  ctx?: EngineContext,
): DraftState {
  const result = applyPrefill(def, {}, identity?.attributes ?? {}, ctx);
  const fromIdentity = new Set(result.fromIdentity);
  const failing = new Set(result.failing);
  const locked = result.prefilled.filter((id) => !fromIdentity.has(id) || (identity?.lock && !failing.has(id)));
  const sources: Record<string, DraftPrefillSource> = {};
  if (identity)
    for (const id of result.fromIdentity)
      sources[id] = {
        provider: identity.provider,
        providerLabel: identity.providerLabel,
        trustLevel: identity.trustLevel,
        locked: locked.includes(id),
        fingerprint: valueFingerprint(result.answers[id]),
      };
  return {
    answers: result.answers,
    raw: {},
    ...(locked.length > 0 ? { prefilled: locked } : {}),
    ...(Object.keys(sources).length > 0 ? { prefillSources: sources } : {}),
  };
}

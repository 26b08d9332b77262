import { HARD_TEXT_LIMIT } from '../engine/fields/raw-text.ts';
import type { FormState, RawObject, RawValue } from '../engine/index.ts';

/** What a draft keeps (encrypted): answers, what was typed, and when the consent was given. */
export interface DraftState extends FormState {
  /** ISO timestamp of the consent to the privacy notice; absent until given. */
  consentAt?: string;
  /** Top-level fields filled at the start that are shown read-only (eID values, fixed values). */
  prefilled?: string[];
  /** Fields filled from the identity at the start: from which login, and whether locked. */
  prefillSources?: Record<string, DraftPrefillSource>;
}

/** Where a pre-filled value came from; `fingerprint` tells later whether the citizen changed it. */
export interface DraftPrefillSource {
  provider: string;
  providerLabel: string;
  trustLevel: 'basisregistrierung' | 'substantiell' | 'hoch';
  locked: boolean;
  fingerprint: string;
}

export const emptyDraftState = (): DraftState => ({ answers: {}, raw: {} });

/**
 * Typed input is kept so pages can show it again, but never longer than the engine accepts (+1, so the
 * "too long" message still applies): a 1 MB post must not become a 1 MB draft.
 */
export function capRaw(raw: RawObject): RawObject {
  const cap = (value: RawValue | undefined): RawValue | undefined => {
    if (typeof value === 'string') return value.length > HARD_TEXT_LIMIT ? value.slice(0, HARD_TEXT_LIMIT + 1) : value;
    if (Array.isArray(value)) return value.map((entry) => cap(entry) ?? '');
    if (value && typeof value === 'object') return capRaw(value);
    return value;
  };
  const out: RawObject = {};
  for (const [key, value] of Object.entries(raw)) out[key] = cap(value);
  return out;
}

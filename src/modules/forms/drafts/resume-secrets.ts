import { createHash, createHmac, randomBytes } from 'node:crypto';
import { randomCode } from './random-code.ts';

/** The random part of a resume link (256 bits); only its SHA-256 is stored. */
export const newResumeToken = (): string => randomBytes(32).toString('base64url');
export const hashResumeToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** An 8-character resume code from the unambiguous alphabet. */
export const newResumeCode = (): string => randomCode(8);

/** `7k3q 9xf2`, `7K3Q-9XF2` → `7K3Q9XF2`; the code as the citizen may type it. */
export function normalizeResumeCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').slice(0, 32);
}

/** `7K3Q9XF2` → `7K3Q-9XF2` for display. */
export const formatResumeCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;

/**
 * HMAC-SHA-256 of the code with the server secret, bound to the draft. A stolen database alone does not
 * allow trying codes offline; online guessing is rate-limited.
 */
export function hashResumeCode(secretKey: string, draftId: string, code: string): string {
  return createHmac('sha256', secretKey)
    .update(`${draftId}:${normalizeResumeCode(code)}`)
    .digest('hex');
}

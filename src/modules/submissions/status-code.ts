import { timingSafeEqual } from 'node:crypto';
import type { DataCipher } from '../../platform/crypto/data-cipher.ts';
import { randomCode } from '../forms/drafts/random-code.ts';

/** A new status code, e.g. `K7Q2-9XF3` (8 unambiguous characters, ~40 bits). */
export function newStatusCode(): string {
  const raw = randomCode(8);
  return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

/** Normalises what a citizen typed: case, spaces and the dash do not matter. */
export function normaliseStatusCode(input: string): string {
  const raw = input.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return raw.length === 8 ? `${raw.slice(0, 4)}-${raw.slice(4)}` : raw;
}

export function encryptStatusCode(cipher: DataCipher, code: string, submissionId: string): string {
  return cipher.encrypt(code, `status-code:${submissionId}`);
}

export function decryptStatusCode(cipher: DataCipher, stored: string, submissionId: string): string {
  return cipher.decrypt(stored, `status-code:${submissionId}`);
}

/** Constant-time check of a typed code against the stored one. */
export function statusCodeMatches(cipher: DataCipher, stored: string | null, submissionId: string, typed: string) {
  if (!stored) return false;
  const a = Buffer.from(decryptStatusCode(cipher, stored, submissionId));
  const b = Buffer.from(normaliseStatusCode(typed));
  return a.length === b.length && timingSafeEqual(a, b);
}

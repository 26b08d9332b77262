import { createHash, randomInt } from 'node:crypto';

/** Letters and digits without look-alikes (0/O, 1/I/L). */
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const recoveryCodeCount = 10;

/** Ten codes like `K7QM-2XPA-9RTD` (about 59 bits each), shown once to the staff member. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: recoveryCodeCount }, () => {
    let raw = '';
    for (let i = 0; i < 12; i++) raw += alphabet[randomInt(alphabet.length)];
    return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
  });
}

/** Upper-case, no spaces or dashes: what users type is forgiving. */
export function normaliseRecoveryCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export function looksLikeRecoveryCode(input: string): boolean {
  return /^[A-Z0-9]{12}$/.test(normaliseRecoveryCode(input));
}

/** Codes have enough entropy that a plain SHA-256 is a sufficient one-way store. */
export function hashRecoveryCode(input: string): string {
  return createHash('sha256').update(normaliseRecoveryCode(input)).digest('hex');
}

import { randomBytes } from 'node:crypto';
import { hash, type Options, parseOptions, verify } from '@node-rs/argon2';

/**
 * argon2id with the OWASP baseline (19 MiB, 2 passes, 1 lane). Changing these makes every stored hash
 * with other parameters be re-hashed at its next successful login.
 */
export const passwordHashOptions = {
  // Algorithm.Argon2id; the enum is a `const enum` that isolated modules cannot inline.
  algorithm: 2 as NonNullable<Options['algorithm']>,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} satisfies Options;

export const minPasswordLength = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, passwordHashOptions);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** True when the stored hash was made with other parameters than today's. */
export function needsRehash(stored: string): boolean {
  try {
    const p = parseOptions(stored);
    return (
      !stored.startsWith('$argon2id$') ||
      p.memoryCost !== passwordHashOptions.memoryCost ||
      p.timeCost !== passwordHashOptions.timeCost ||
      p.parallelism !== passwordHashOptions.parallelism
    );
  } catch {
    return true;
  }
}

let dummyHash: Promise<string> | undefined;
/**
 * Verifies against a throwaway hash with today's parameters, so that a login for an unknown e-mail
 * address costs the same time as one for a known address (no account enumeration by timing, F-25).
 */
export async function verifyDummyPassword(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(await dummyHash, password);
  return false;
}

/** A random password for `sac users add` without `--password` (120 bits). */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}

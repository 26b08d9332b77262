import { randomInt } from 'node:crypto';

/** Letters and digits nobody confuses when reading aloud or typing: no 0/O, 1/I/L. */
export const UNAMBIGUOUS_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A random string of `length` characters from the unambiguous alphabet (crypto-grade randomness). */
export function randomCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += UNAMBIGUOUS_ALPHABET[randomInt(UNAMBIGUOUS_ALPHABET.length)];
  return code;
}

import { createHash } from 'node:crypto';

/** SHA-512 as lower-case hex, the form FIT-Connect metadata carries (`hash.content`, 128 hex chars). */
export function sha512Hex(bytes: Uint8Array | string): string {
  return createHash('sha512').update(bytes).digest('hex');
}

export function toBytes(input: Uint8Array | string): Uint8Array {
  return typeof input === 'string' ? new TextEncoder().encode(input) : input;
}

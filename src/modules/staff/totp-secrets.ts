import type { DataCipher } from '../../platform/crypto/data-cipher.ts';

/** TOTP secrets are encrypted at rest and bound to their account (AAD), so a copied value is useless. */
export function sealTotpSecret(cipher: DataCipher, staffId: string, secret: string): string {
  return cipher.encrypt(secret, `staff-totp:${staffId}`);
}

export function openTotpSecret(cipher: DataCipher, staffId: string, sealed: string): string {
  return cipher.decrypt(sealed, `staff-totp:${staffId}`);
}

import { createHmac } from 'node:crypto';

/**
 * The account key: HMAC-SHA256 over provider key and pseudonym (bPK2 or OIDC `sub`) with the
 * platform's secret key. The raw pseudonym is never stored; without the secret key the hash cannot be
 * linked to a BundID account.
 */
export function hashPseudonym(secretKey: string, providerKey: string, pseudonym: string): string {
  return createHmac('sha256', secretKey).update(`citizen-pseudonym\n${providerKey}\n${pseudonym}`).digest('hex');
}

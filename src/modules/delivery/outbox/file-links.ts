import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Deps } from '../../../platform/deps.ts';

/** How long a download link in a webhook envelope stays valid. */
export const FILE_LINK_TTL_MS = 7 * 24 * 3_600_000;

const linkKey = (secretKey: string) => createHmac('sha256', secretKey).update('sac:delivery-file-link:v1').digest();

function signature(secretKey: string, deliveryId: string, fileId: string, expires: number): string {
  return createHmac('sha256', linkKey(secretKey)).update(`${deliveryId}\n${fileId}\n${expires}`).digest('base64url');
}

/** `/api/v1/zustellungen/{deliveryId}/dateien/{fileId}?expires=<unix s>&sig=…`, absolute with the base URL. */
export function signedFileUrl(deps: Pick<Deps, 'config'>, deliveryId: string, fileId: string, expiresAt: Date): string {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  const sig = signature(deps.config.secretKey, deliveryId, fileId, expires);
  return `${deps.config.baseUrl}/api/v1/zustellungen/${encodeURIComponent(deliveryId)}/dateien/${encodeURIComponent(fileId)}?expires=${expires}&sig=${sig}`;
}

/** True when `sig` was made by this installation for exactly this delivery, file and expiry, not yet past. */
export function verifyFileLink(
  deps: Pick<Deps, 'config' | 'clock'>,
  deliveryId: string,
  fileId: string,
  expires: string | undefined,
  sig: string | undefined,
): boolean {
  if (!expires || !sig || !/^\d{1,12}$/.test(expires) || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return false;
  const expected = Buffer.from(signature(deps.config.secretKey, deliveryId, fileId, Number(expires)));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  return Number(expires) * 1000 >= deps.clock.now().getTime();
}

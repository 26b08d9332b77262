import { X509Certificate } from 'node:crypto';

/** Plain-language problems with a certificate: unreadable, expired, not yet valid, expiring soon. */
export function certificateProblems(pem: string, what: string, now: Date): string[] {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem);
  } catch {
    return [`${what} ist kein lesbares X.509-Zertifikat.`];
  }
  const from = new Date(cert.validFrom);
  const to = new Date(cert.validTo);
  const day = (d: Date) => d.toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin' });
  if (to <= now) return [`${what} ist am ${day(to)} abgelaufen.`];
  if (from > now) return [`${what} ist erst ab dem ${day(from)} gültig.`];
  if (to.getTime() - now.getTime() < 30 * 86_400_000) return [`${what} läuft bald ab (am ${day(to)}).`];
  return [];
}

import { demoStaffAccounts } from '../../staff/demo/seed.ts';
import { demoPersonas } from '../demo-idp/personas.ts';
import type { CitizenAttributes } from '../registry.ts';
import { isTrustLevel, type TrustLevel } from '../trust-levels.ts';

/** Who logs in at the demo provider: a citizen persona (with level) or a staff member (by e-mail). */
export type DemoOidcSubject =
  | { kind: 'citizen'; key: string; trustLevel: Exclude<TrustLevel, 'none'>; attributes: CitizenAttributes }
  | { kind: 'staff'; key: string; email: string; name: string };

type Body = Record<string, string | undefined>;
const str = (v: unknown, max = 200) => (typeof v === 'string' ? v.trim().slice(0, max) : '');

/** Staff personas: the demo staff accounts plus one person the portal does not know. */
export function demoStaffPersonas(): Array<{ id: string; email: string; name: string; description: string }> {
  const known = demoStaffAccounts()
    .filter((a) => a.tenantSlug)
    .map((a) => ({
      id: a.email,
      email: a.email,
      name: a.displayName,
      description: `${a.role === 'admin' ? 'Administration' : 'Sachbearbeitung'} (${a.tenantSlug})`,
    }));
  return [
    ...known,
    {
      id: 'unbekannt@verwaltung.demo',
      email: 'unbekannt@verwaltung.demo',
      name: 'Person ohne Konto im Portal',
      description: 'kein Konto im Portal',
    },
  ];
}

/** The subject chosen on the login page, or undefined when the choice is missing or invalid. */
export function subjectFromForm(audience: 'citizen' | 'staff', body: Body): DemoOidcSubject | undefined {
  if (audience === 'staff') {
    const persona = demoStaffPersonas().find((p) => p.id === body.persona);
    const email = persona?.email ?? (body.persona === 'eigene' ? str(body.email, 254).toLowerCase() : '');
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) return undefined;
    return { kind: 'staff', key: `staff:${email}`, email, name: persona?.name ?? str(body.name) };
  }
  const persona = demoPersonas.find((p) => p.id === body.persona);
  if (persona)
    return { kind: 'citizen', key: persona.id, trustLevel: persona.trustLevel, attributes: persona.attributes };
  if (body.persona !== 'eigene') return undefined;
  const attributes: CitizenAttributes = {};
  for (const k of ['givenName', 'surname', 'birthdate', 'street', 'postalCode', 'locality', 'email'] as const) {
    const v = str(body[k]);
    if (v) attributes[k] = v;
  }
  if (attributes.street || attributes.locality) attributes.country = 'DE';
  const level = isTrustLevel(body.level) && body.level !== 'none' ? body.level : 'basisregistrierung';
  return { kind: 'citizen', key: `eigene:${str(body.kennung) || 'ohne-kennung'}`, trustLevel: level, attributes };
}

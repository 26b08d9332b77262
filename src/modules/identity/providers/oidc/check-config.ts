import type * as client from 'openid-client';
import { discoverOidc } from './discovery-cache.ts';
import type { OidcOptions } from './options.ts';

type ErrorLike = { message?: string; code?: string; name?: string; cause?: unknown };

function chainOf(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  for (
    let e = error as ErrorLike | undefined, i = 0;
    e && typeof e === 'object' && i < 6;
    e = e.cause as ErrorLike, i++
  )
    chain.push(e);
  return chain;
}

/** Why discovery failed, in words an administrator understands. */
export function discoveryProblem(options: OidcOptions, error: unknown): string {
  const where = `${options.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const chain = chainOf(error);
  const codes = new Set(chain.map((e) => e.code));
  const text = chain.map((e) => `${e.name ?? ''} ${e.message ?? ''}`.toLowerCase()).join(' ');
  if (codes.has('OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED'))
    return `Die OpenID-Konfiguration unter ${where} nennt einen anderen Aussteller (issuer) als „${options.issuer}“. Bitte prüfen Sie die Aussteller-Adresse genau (auch den Schrägstrich am Ende).`;
  if (codes.has('OAUTH_HTTP_REQUEST_FORBIDDEN') || codes.has('OAUTH_REQUEST_PROTOCOL_FORBIDDEN'))
    return `Die Aussteller-Adresse „${options.issuer}“ muss mit https:// beginnen.`;
  if (codes.has('OAUTH_RESPONSE_IS_NOT_CONFORM'))
    return `Der Anbieter antwortet unter ${where} nicht mit einer OpenID-Konfiguration (falsche Adresse oder Fehler beim Anbieter).`;
  if (codes.has('OAUTH_RESPONSE_IS_NOT_JSON') || codes.has('OAUTH_PARSE_ERROR') || codes.has('OAUTH_INVALID_RESPONSE'))
    return `Unter ${where} liegt keine gültige OpenID-Konfiguration (kein lesbares JSON).`;
  if (text.includes('timeout') || text.includes('aborted'))
    return `Der Anbieter unter ${options.issuer} hat nicht rechtzeitig geantwortet (nicht erreichbar).`;
  return `Der Anbieter unter ${options.issuer} ist nicht erreichbar oder liefert keine gültige OpenID-Konfiguration.`;
}

/** What a working authorization-code login needs from the discovery document. */
export function metadataProblems(options: OidcOptions, meta: client.ServerMetadata): string[] {
  const problems: string[] = [];
  if (meta.issuer !== options.issuer)
    problems.push(`Der Anbieter meldet sich als „${meta.issuer}“, konfiguriert ist „${options.issuer}“.`);
  const missing = [
    ['authorization_endpoint', 'die Anmeldeadresse (authorization_endpoint)'],
    ['token_endpoint', 'die Token-Adresse (token_endpoint)'],
    ['jwks_uri', 'die Adresse der Signaturschlüssel (jwks_uri)'],
  ].filter(([k]) => !meta[k as keyof client.ServerMetadata]);
  for (const [, what] of missing) problems.push(`In der OpenID-Konfiguration fehlt ${what}.`);
  if (meta.response_types_supported && !meta.response_types_supported.includes('code'))
    problems.push('Der Anbieter unterstützt den Ablauf mit Autorisierungscode (response_type „code“) nicht.');
  if (meta.code_challenge_methods_supported && !meta.code_challenge_methods_supported.includes('S256'))
    problems.push('Der Anbieter unterstützt kein PKCE mit S256.');
  const acrs = meta.acr_values_supported as string[] | undefined;
  if (acrs) {
    const unknown = Object.values(options.acr).filter((v) => !acrs.includes(v));
    if (unknown.length === Object.values(options.acr).length)
      problems.push(
        `Der Anbieter kennt keinen der konfigurierten acr-Werte (${unknown.join(', ')}); Vertrauensniveaus können so nicht erkannt werden.`,
      );
  }
  return problems;
}

/** Reads the discovery document afresh and reports every problem found, in plain German. */
export async function checkOidcConfig(options: OidcOptions): Promise<{ ok: boolean; problems: string[] }> {
  let config: client.Configuration;
  try {
    config = await discoverOidc(options);
  } catch (error) {
    return { ok: false, problems: [discoveryProblem(options, error)] };
  }
  const problems = metadataProblems(options, config.serverMetadata());
  return { ok: problems.length === 0, problems };
}

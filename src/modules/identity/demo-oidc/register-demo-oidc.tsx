import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SignJWT } from 'jose';
import type { Deps } from '../../../platform/deps.ts';
import { sendPage } from '../../../platform/render/render.ts';
import { demoPseudonym } from '../demo-idp/personas.ts';
import { DemoIdpPage } from '../demo-idp/views.tsx';
import { acrOf, isDemoFault, profileClaims } from './claims.ts';
import {
  clientSecretMatches,
  type DemoOidcClient,
  demoOidcBasePath,
  demoOidcClients,
  demoOidcIssuer,
} from './clients.ts';
import { DemoOidcGrants } from './grants.ts';
import { subjectFromForm } from './personas.ts';
import { demoOidcSigningKey } from './signing-key.ts';
import { DemoOidcError, DemoOidcLoginForm } from './views.tsx';

type Form = Record<string, string | undefined>;
const str = (v: unknown, max = 2048) => (typeof v === 'string' ? v.slice(0, max) : '');

/** Authorization request parameters that travel through the login page in hidden fields. */
const carried = [
  'client_id',
  'redirect_uri',
  'response_type',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'acr_values',
] as const;

/**
 * A real OpenID Connect provider for demo mode under `/demo/oidc`: discovery, JWKS, an authorization
 * endpoint with test personas (citizens for the portal client, staff for the back-office client), a
 * token endpoint (authorization code, PKCE S256 required, one-time codes, client secret), RS256-signed
 * ID tokens with iss/aud/exp/iat/nonce/acr, and userinfo. Every page is marked as a test system.
 */
export function registerDemoOidc(app: FastifyInstance, deps: Deps): void {
  const base = demoOidcBasePath;
  const issuer = demoOidcIssuer(deps.config.baseUrl);
  const clients = demoOidcClients(deps.config.baseUrl);
  const grants = new DemoOidcGrants();
  const now = () => deps.clock.now().getTime();
  const key = () => demoOidcSigningKey(deps.config.dataDir, deps.clock.now());

  const page = (reply: FastifyReply, title: string, body: preact.ComponentChildren, status = 200) =>
    sendPage(
      reply.header('cache-control', 'no-store'),
      <DemoIdpPage title={title} assetVersion="1">
        {body}
      </DemoIdpPage>,
      status,
    );
  const refuse = (reply: FastifyReply, message: string) =>
    page(reply, 'Anfrage abgelehnt', <DemoOidcError message={message} />, 400);
  const json = (reply: FastifyReply, status: number, body: unknown) =>
    reply.code(status).header('cache-control', 'no-store').header('pragma', 'no-cache').send(body);

  /** Client and redirect URI must be known before the browser is ever sent back anywhere. */
  function clientOf(params: Form): { client: DemoOidcClient; redirectUri: string } | string {
    const client = clients.find((c) => c.id === params.client_id);
    if (!client) return 'Der anfragende Dienst ist bei diesem Testsystem nicht registriert.';
    const redirectUri = str(params.redirect_uri);
    if (!client.redirectUri.test(redirectUri))
      return 'Die Rücksprungadresse (redirect_uri) ist für diesen Dienst nicht registriert.';
    return { client, redirectUri };
  }

  function backTo(redirectUri: string, params: Record<string, string | undefined>): string {
    const url = new URL(redirectUri);
    for (const [k, v] of Object.entries(params)) if (v) url.searchParams.set(k, v);
    url.searchParams.set('iss', issuer);
    return url.href;
  }

  /** Protocol errors the client can handle: sent back to the (verified) redirect URI. */
  function requestProblem(params: Form): string | undefined {
    if (params.response_type !== 'code') return 'unsupported_response_type';
    if (!str(params.scope).split(' ').includes('openid')) return 'invalid_scope';
    if (!/^[A-Za-z0-9_-]{43,128}$/.test(str(params.code_challenge)) || params.code_challenge_method !== 'S256')
      return 'invalid_request';
    return undefined;
  }

  app.get(`${base}/.well-known/openid-configuration`, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=300').send({
      issuer,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: `${issuer}/token`,
      userinfo_endpoint: `${issuer}/userinfo`,
      jwks_uri: `${issuer}/jwks`,
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      grant_types_supported: ['authorization_code'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      scopes_supported: ['openid', 'profile', 'email', 'address'],
      claims_supported: [
        'sub',
        'acr',
        'auth_time',
        'nonce',
        'given_name',
        'family_name',
        'name',
        'birthdate',
        'address',
        'email',
        'email_verified',
      ],
      acr_values_supported: [
        'http://eidas.europa.eu/LoA/low',
        'http://eidas.europa.eu/LoA/substantial',
        'http://eidas.europa.eu/LoA/high',
      ],
      authorization_response_iss_parameter_supported: true,
    }),
  );

  app.get(`${base}/jwks`, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=300').send({ keys: [(await key()).jwk] }),
  );

  app.get<{ Querystring: Form }>(`${base}/authorize`, async (request, reply) => {
    const params = request.query ?? {};
    const known = clientOf(params);
    if (typeof known === 'string') return refuse(reply, known);
    const problem = requestProblem(params);
    if (problem) return reply.redirect(backTo(known.redirectUri, { error: problem, state: params.state }), 303);
    const hidden: Record<string, string> = {};
    for (const k of carried) if (params[k]) hidden[k] = str(params[k]);
    return page(reply, 'Anmeldung', <DemoOidcLoginForm basePath={base} client={known.client} params={hidden} />);
  });

  app.post<{ Body: Form }>(`${base}/anmelden`, { config: { csrf: false } }, async (request, reply) => {
    const body = request.body ?? {};
    const known = clientOf(body);
    if (typeof known === 'string') return refuse(reply, known);
    const problem = requestProblem(body);
    if (problem) return reply.redirect(backTo(known.redirectUri, { error: problem, state: body.state }), 303);
    if (body.abbrechen === '1')
      return reply.redirect(backTo(known.redirectUri, { error: 'access_denied', state: body.state }), 303);
    const subject = subjectFromForm(known.client.audience, body);
    if (!subject)
      return refuse(reply, 'Bitte wählen Sie eine Testperson oder geben Sie eine gültige E-Mail-Adresse an.');
    const code = grants.issueCode(
      {
        clientId: known.client.id,
        redirectUri: known.redirectUri,
        codeChallenge: str(body.code_challenge),
        nonce: body.nonce ? str(body.nonce) : undefined,
        subject,
        fault: isDemoFault(body.fehlerfall) ? body.fehlerfall : 'keiner',
        authTime: Math.floor(now() / 1000),
      },
      now(),
    );
    return reply.redirect(backTo(known.redirectUri, { code, state: body.state }), 303);
  });

  /** Client authentication: HTTP Basic or client_secret_post. */
  function authenticatedClient(request: FastifyRequest, body: Form): DemoOidcClient | undefined {
    let id = str(body.client_id);
    let secret = str(body.client_secret);
    const auth = request.headers.authorization;
    if (auth?.startsWith('Basic ')) {
      const decoded = Buffer.from(auth.slice(6), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      try {
        if (colon > 0) {
          id = decodeURIComponent(decoded.slice(0, colon));
          secret = decodeURIComponent(decoded.slice(colon + 1));
        }
      } catch {
        return undefined;
      }
    }
    const client = clients.find((c) => c.id === id);
    return client && secret && clientSecretMatches(deps.config.secretKey, client.id, secret) ? client : undefined;
  }

  app.post<{ Body: Form }>(`${base}/token`, { config: { csrf: false } }, async (request, reply) => {
    const body = request.body ?? {};
    const client = authenticatedClient(request, body);
    if (!client)
      return json(reply.header('www-authenticate', 'Basic realm="demo-oidc"'), 401, { error: 'invalid_client' });
    if (body.grant_type !== 'authorization_code') return json(reply, 400, { error: 'unsupported_grant_type' });
    const grant = grants.takeCode(str(body.code), now());
    const invalid = (description: string) =>
      json(reply, 400, { error: 'invalid_grant', error_description: description });
    if (!grant || grant.clientId !== client.id) return invalid('unknown, expired or already used code');
    if (str(body.redirect_uri) !== grant.redirectUri) return invalid('redirect_uri mismatch');
    const verifier = str(body.code_verifier);
    if (!verifier) return invalid('code_verifier missing');
    if (createHash('sha256').update(verifier).digest('base64url') !== grant.codeChallenge)
      return invalid('code_verifier does not match');

    const sub = demoPseudonym(`${issuer}\n${client.id}`, grant.subject.key);
    const iat = Math.floor(now() / 1000) - (grant.fault === 'exp' ? 900 : 0);
    const { privateKey, kid } = await key();
    const idToken = await new SignJWT({
      acr: acrOf(grant.subject),
      auth_time: grant.authTime,
      ...(grant.nonce ? { nonce: grant.fault === 'nonce' ? `${grant.nonce}-anders` : grant.nonce } : {}),
      ...(grant.subject.kind === 'staff' ? profileClaims(grant.subject) : {}),
    })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(grant.fault === 'iss' ? 'https://falscher-aussteller.example' : issuer)
      .setAudience(grant.fault === 'aud' ? 'ein-anderer-dienst' : client.id)
      .setSubject(sub)
      .setIssuedAt(iat)
      .setExpirationTime(iat + 300)
      .sign(privateKey);
    const access = grants.issueAccessToken(sub, grant.subject, now());
    return json(reply, 200, {
      access_token: access.token,
      token_type: 'Bearer',
      expires_in: access.expiresIn,
      id_token: idToken,
      scope: 'openid profile email address',
    });
  });

  const userinfo = async (request: FastifyRequest, reply: FastifyReply) => {
    const auth = request.headers.authorization ?? '';
    const grant = auth.startsWith('Bearer ') ? grants.accessGrant(auth.slice(7).trim(), now()) : undefined;
    if (!grant)
      return json(reply.header('www-authenticate', 'Bearer error="invalid_token"'), 401, { error: 'invalid_token' });
    return json(reply, 200, { sub: grant.sub, ...profileClaims(grant.subject) });
  };
  app.get(`${base}/userinfo`, userinfo);
  app.post(`${base}/userinfo`, { config: { csrf: false } }, userinfo);
}

import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';

export interface IssuedCode {
  nonce: string;
  codeChallenge: string;
  sub: string;
  acr: string;
  claims?: JWTPayload;
  /** Sign the ID token with another issuer than the discovery document says. */
  issuerOverride?: string;
  expiresInSeconds?: number;
}

/**
 * A tiny OpenID provider on 127.0.0.1 for tests: discovery, JWKS and a token endpoint that checks
 * PKCE and redeems each code once. The authorization step is skipped: tests call `issue()` instead.
 */
export async function startTestIssuer(clientId: string, clientSecret: string) {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, IssuedCode>();
  let issuer = '';

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration')
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['client_secret_post'],
      });
    if (url.pathname === '/jwks') return json(200, { keys: [jwk] });
    if (url.pathname === '/token' && req.method === 'POST') {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const form = new URLSearchParams(raw);
      if (form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret)
        return json(401, { error: 'invalid_client' });
      const code = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      const challenge = createHash('sha256')
        .update(form.get('code_verifier') ?? '')
        .digest('base64url');
      if (!code || challenge !== code.codeChallenge) return json(400, { error: 'invalid_grant' });
      const idToken = await new SignJWT({ nonce: code.nonce, acr: code.acr, ...code.claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(code.issuerOverride ?? issuer)
        .setAudience(clientId)
        .setSubject(code.sub)
        .setIssuedAt()
        .setExpirationTime(`${code.expiresInSeconds ?? 300}s`)
        .sign(privateKey);
      return json(200, {
        access_token: randomBytes(16).toString('hex'),
        token_type: 'Bearer',
        expires_in: 300,
        id_token: idToken,
      });
    }
    json(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    get issuer() {
      return issuer;
    },
    /** Registers a code the token endpoint will redeem once. */
    issue(code: IssuedCode): string {
      const value = randomBytes(16).toString('hex');
      codes.set(value, code);
      return value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

import { randomBytes } from 'node:crypto';
import type { DemoFault } from './claims.ts';
import type { DemoOidcClientId } from './clients.ts';
import type { DemoOidcSubject } from './personas.ts';

/** What an authorization code stands for until the client redeems it (once). */
export interface CodeGrant {
  clientId: DemoOidcClientId;
  redirectUri: string;
  codeChallenge: string;
  nonce: string | undefined;
  subject: DemoOidcSubject;
  fault: DemoFault;
  authTime: number;
  expiresAt: number;
}

interface AccessGrant {
  sub: string;
  subject: DemoOidcSubject;
  expiresAt: number;
}

const codeTtlMs = 60_000;
const accessTtlMs = 300_000;

/**
 * One-time authorization codes and access tokens of the demo provider, in memory (the demo runs as one
 * process). Taking a code removes it, so a replayed code finds nothing.
 */
export class DemoOidcGrants {
  private readonly codes = new Map<string, CodeGrant>();
  private readonly tokens = new Map<string, AccessGrant>();

  issueCode(grant: Omit<CodeGrant, 'expiresAt'>, now: number): string {
    this.sweep(now);
    const code = randomBytes(24).toString('base64url');
    this.codes.set(code, { ...grant, expiresAt: now + codeTtlMs });
    return code;
  }

  /** The grant behind a code, used up by this call; undefined when unknown, used or expired. */
  takeCode(code: string, now: number): CodeGrant | undefined {
    const grant = this.codes.get(code);
    this.codes.delete(code);
    return grant && grant.expiresAt > now ? grant : undefined;
  }

  issueAccessToken(sub: string, subject: DemoOidcSubject, now: number): { token: string; expiresIn: number } {
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, { sub, subject, expiresAt: now + accessTtlMs });
    return { token, expiresIn: accessTtlMs / 1000 };
  }

  accessGrant(token: string, now: number): AccessGrant | undefined {
    const grant = this.tokens.get(token);
    return grant && grant.expiresAt > now ? grant : undefined;
  }

  private sweep(now: number): void {
    for (const [k, v] of this.codes) if (v.expiresAt <= now) this.codes.delete(k);
    for (const [k, v] of this.tokens) if (v.expiresAt <= now) this.tokens.delete(k);
  }
}

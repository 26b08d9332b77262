import type { JWK } from 'jose';
import { guardedFetch } from '../../../platform/net/guarded-fetch.ts';
import type { DestinationKeyCheckOptions } from '../crypto/destination-key-check.ts';
import type { MetadataInput } from '../crypto/metadata.ts';
import { encryptSubmission } from '../crypto/submission-crypto.ts';
import type { OutboundPolicy } from '../webhook/webhook-connector.ts';

export interface FitSenderOptions {
  /** Root of the Submission API, e.g. `https://fit.example/api/v1/fit` (SAC) or a FIT-Connect `…/v2`. */
  apiUrl: string;
  /** Token endpoint; defaults to `{apiUrl}/token`. */
  tokenUrl?: string;
  clientId: string;
  clientSecret: string;
  /** SSRF policy for the external service (checked on every call). */
  policy?: OutboundPolicy;
  keyCheck?: DestinationKeyCheckOptions;
  now?: () => Date;
}

/** A non-2xx answer of the remote API; `status` decides retries (4xx permanent, 5xx retry). */
export class FitApiError extends Error {
  override name = 'FitApiError';
  constructor(
    readonly status: number,
    readonly problem: unknown,
    what: string,
  ) {
    super(
      `${what}: HTTP ${status}${problem && typeof problem === 'object' && 'detail' in problem ? ` — ${String((problem as { detail: unknown }).detail)}` : ''}`,
    );
  }
}

/**
 * The sender role: SAC as Onlinedienst submitting to an external FIT-Connect-compatible delivery service,
 * with the same encryption code as the connector. Flow: token (client credentials, `client_secret_post`)
 * → destination and its encryption key → encrypt → create submission → upload attachments → submit.
 */
export class FitSenderClient {
  private token: { value: string; expiresAt: number } | undefined;

  constructor(private readonly options: FitSenderOptions) {}

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private async call(path: string, init: RequestInit, what: string): Promise<Response> {
    const response = await guardedFetch(
      path.startsWith('http') ? path : `${this.options.apiUrl}${path}`,
      { ...init, signal: init.signal ?? AbortSignal.timeout(30_000) },
      this.options.policy ?? {},
    );
    if (!response.ok) {
      const problem = await response.json().catch(() => undefined);
      throw new FitApiError(response.status, problem, what);
    }
    return response;
  }

  async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > this.now().getTime() + 30_000) return this.token.value;
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.options.clientId,
      client_secret: this.options.clientSecret,
    });
    const response = await this.call(
      this.options.tokenUrl ?? `${this.options.apiUrl}/token`,
      { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body },
      'token',
    );
    const json = (await response.json()) as { access_token: string; expires_in: number };
    this.token = { value: json.access_token, expiresAt: this.now().getTime() + json.expires_in * 1000 };
    return json.access_token;
  }

  private async authed(path: string, init: RequestInit, what: string): Promise<Response> {
    const headers = {
      ...(init.headers as Record<string, string>),
      authorization: `Bearer ${await this.accessToken()}`,
    };
    return this.call(path, { ...init, headers }, what);
  }

  async destinationKey(destinationId: string): Promise<JWK> {
    const destination = (await (await this.authed(`/destinations/${destinationId}`, {}, 'destination')).json()) as {
      status: string;
      encryptionKid: string | null;
    };
    if (destination.status !== 'active' || !destination.encryptionKid) {
      throw new FitApiError(422, { detail: 'destination not active' }, 'destination');
    }
    return (await (
      await this.authed(`/destinations/${destinationId}/keys/${destination.encryptionKid}`, {}, 'key')
    ).json()) as JWK;
  }

  /** Encrypts and submits; returns the ids the remote service assigned. */
  async send(destinationId: string, input: MetadataInput): Promise<{ submissionId: string; caseId: string }> {
    const key = await this.destinationKey(destinationId);
    const encrypted = await encryptSubmission(input, key, this.options.keyCheck ?? { now: this.now() });
    const json = { 'content-type': 'application/json' };
    const created = (await (
      await this.authed(
        '/submissions',
        {
          method: 'POST',
          headers: json,
          body: JSON.stringify({
            destinationId,
            announcedAttachments: Object.keys(encrypted.encryptedAttachments),
            publicService: input.publicService,
          }),
        },
        'create submission',
      )
    ).json()) as { submissionId: string; caseId: string };
    for (const [attachmentId, jwe] of Object.entries(encrypted.encryptedAttachments)) {
      await this.authed(
        `/submissions/${created.submissionId}/attachments/${attachmentId}`,
        { method: 'PUT', headers: { 'content-type': 'application/jose' }, body: jwe },
        'upload attachment',
      );
    }
    await this.authed(
      `/submissions/${created.submissionId}`,
      {
        method: 'PUT',
        headers: json,
        body: JSON.stringify({
          encryptedMetadata: encrypted.encryptedMetadata,
          encryptedData: encrypted.encryptedData,
        }),
      },
      'submit',
    );
    return { submissionId: created.submissionId, caseId: created.caseId };
  }

  /** The submission's event log (SETs), e.g. to see the subscriber's accept-submission. */
  async events(submissionId: string): Promise<string[]> {
    const response = await this.authed(`/submissions/${submissionId}/events`, {}, 'events');
    return ((await response.json()) as { eventLog: string[] }).eventLog;
  }
}

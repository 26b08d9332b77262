// The demo Fachverfahren's view of SAC: nothing but the public HTTP API (FIT pull API + feedback API).

export interface SacCredentials {
  apiUrl: string;
  feedbackUrl: string;
  destinationId: string;
  clientId: string;
  clientSecret: string;
}

export class SacApi {
  private token: { value: string; until: number } | undefined;

  constructor(
    private readonly baseUrl: string,
    private readonly credentials: SacCredentials,
  ) {}

  private url(path: string): string {
    return `${this.baseUrl}${path}`;
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.until > Date.now() + 30_000) return this.token.value;
    const res = await fetch(this.url(`${this.credentials.apiUrl}/token`), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: this.credentials.clientId,
        client_secret: this.credentials.clientSecret,
      }),
    });
    if (!res.ok) throw new Error(`token: HTTP ${res.status}`);
    const json = (await res.json()) as { access_token: string; expires_in: number };
    this.token = { value: json.access_token, until: Date.now() + json.expires_in * 1000 };
    return json.access_token;
  }

  async request(
    method: string,
    path: string,
    body?: { json?: unknown; jose?: string },
    headers: Record<string, string> = {},
  ) {
    const init: RequestInit = { method, headers: { authorization: `Bearer ${await this.accessToken()}`, ...headers } };
    if (body?.json !== undefined) {
      init.body = JSON.stringify(body.json);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    } else if (body?.jose !== undefined) {
      init.body = body.jose;
      (init.headers as Record<string, string>)['content-type'] = 'application/jose';
    }
    const res = await fetch(this.url(path), { ...init, signal: AbortSignal.timeout(30_000) });
    if (!res.ok) {
      const problem = (await res.json().catch(() => ({}))) as { detail?: string };
      throw Object.assign(new Error(`${method} ${path}: HTTP ${res.status} ${problem.detail ?? ''}`), {
        status: res.status,
      });
    }
    return res;
  }

  private fit(path: string) {
    return `${this.credentials.apiUrl}${path}`;
  }

  async registerKeys(encryptionKey: object, signingKey: object): Promise<void> {
    await this.request('PUT', this.fit(`/destinations/${this.credentials.destinationId}/keys`), {
      json: { encryptionKey, signingKey },
    });
  }

  async pending(): Promise<{ submissionId: string; caseId: string }[]> {
    const res = await this.request(
      'GET',
      this.fit(`/submissions?destinationId=${this.credentials.destinationId}&limit=100`),
    );
    return ((await res.json()) as { submissions: { submissionId: string; caseId: string }[] }).submissions;
  }

  async submission(id: string) {
    const res = await this.request('GET', this.fit(`/submissions/${id}`));
    return (await res.json()) as {
      submissionId: string;
      caseId: string;
      attachments: string[];
      encryptedMetadata: string;
      encryptedData: string;
    };
  }

  async attachment(submissionId: string, attachmentId: string): Promise<string> {
    return (await this.request('GET', this.fit(`/submissions/${submissionId}/attachments/${attachmentId}`))).text();
  }

  async postEvent(submissionId: string, set: string): Promise<void> {
    await this.request('POST', this.fit(`/submissions/${submissionId}/events`), { jose: set });
  }

  async status(submissionId: string, status: string, text: string, key: string): Promise<void> {
    await this.request(
      'POST',
      `${this.credentials.feedbackUrl}/submissions/${submissionId}/status`,
      { json: { status, text } },
      { 'idempotency-key': key },
    );
  }

  async message(submissionId: string, subject: string, text: string, key: string): Promise<void> {
    await this.request(
      'POST',
      `${this.credentials.feedbackUrl}/submissions/${submissionId}/messages`,
      { json: { subject, text } },
      { 'idempotency-key': key },
    );
  }
}

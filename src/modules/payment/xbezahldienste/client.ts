import type { OutboundUrlOptions } from '../../../platform/net/check-outbound-url.ts';
import { guardedFetch } from '../../../platform/net/guarded-fetch.ts';
import {
  type PaymentOrder,
  PaymentProviderError,
  type ProviderStatus,
  type ProviderTransaction,
  providerStatuses,
} from '../provider.ts';

/** Where and as whom to call an XBezahldienste REST endpoint (pmPayment / ePayBL Konnektor style). */
export interface XBezahldiensteEndpoint {
  /** e.g. `https://payment-test.example.de/` (a trailing slash is added). */
  baseUrl: string;
  originatorId: string;
  endpointId: string;
  clientId: string;
  clientSecret: string;
}

export interface ClientOptions {
  /** SSRF policy for the base URL (allow-list, http). */
  outbound: OutboundUrlOptions;
  timeoutMs?: number;
  now: () => Date;
}

const euros = (cents: number) => Math.round(cents) / 100;
const cents = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 100) : null;
const text = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : null);

function transactionUrl(ep: XBezahldiensteEndpoint, transactionId?: string): string {
  const base = ep.baseUrl.endsWith('/') ? ep.baseUrl : `${ep.baseUrl}/`;
  const path = `paymenttransaction/${encodeURIComponent(ep.originatorId)}/${encodeURIComponent(ep.endpointId)}`;
  return `${base}${path}${transactionId === undefined ? '' : `/${encodeURIComponent(transactionId)}`}`;
}

/** The XBezahldienste PaymentRequest body for an order (amounts in euros, tax rate 0 for fees). */
export function paymentRequestBody(order: PaymentOrder, now: Date) {
  return {
    requestId: order.requestId,
    requestTimestamp: now.toISOString(),
    currency: 'EUR',
    grosAmount: euros(order.amountCents),
    purpose: order.purpose.slice(0, 27),
    description: order.description.slice(0, 250),
    redirectUrl: order.redirectUrl,
    // Extension of the REST contract: where to push signed status notifications.
    notificationUrl: order.notificationUrl,
    items: order.items.map((item) => ({
      id: item.id,
      reference: item.id,
      description: item.description.slice(0, 250),
      taxRate: 0,
      quantity: item.quantity,
      singleNetAmount: euros(item.amountCents / Math.max(1, item.quantity)),
      singleTaxAmount: 0,
      totalNetAmount: euros(item.amountCents),
      totalTaxAmount: 0,
      bookingData: item.bookingData,
    })),
  };
}

/** Reads a PaymentTransaction answer; anything unexpected is a PaymentProviderError. */
export function parseTransaction(json: unknown): ProviderTransaction {
  const root = (json ?? {}) as {
    paymentInformation?: Record<string, unknown>;
    paymentRequest?: Record<string, unknown>;
  };
  const info = root.paymentInformation;
  if (!info || typeof info !== 'object') throw new PaymentProviderError('bad_response', 'paymentInformation missing');
  const transactionId = text(info.transactionId, 200);
  const status = info.status as ProviderStatus;
  if (!transactionId || !providerStatuses.includes(status))
    throw new PaymentProviderError('bad_response', 'transactionId or status missing');
  const redirect = text(info.transactionRedirectUrl, 2000);
  return {
    transactionId,
    status,
    transactionReference: text(info.transactionReference, 100) || null,
    redirectUrl: redirect && /^https?:\/\//.test(redirect) ? redirect : null,
    paymentMethod: text(info.paymentMethod, 40),
    statusDetail: text(info.statusDetail, 200),
    amountCents: cents(root.paymentRequest?.grosAmount),
  };
}

/**
 * The one client for XBezahldienste REST: create a transaction, query its status. Used by the production
 * plug-in and (pointed at the app's own demo provider) by the demo plug-in. HTTP Basic authentication
 * with the client credentials; every call goes through the SSRF guard and has a timeout.
 */
export class XBezahldiensteClient {
  constructor(
    private readonly ep: XBezahldiensteEndpoint,
    private readonly options: ClientOptions,
  ) {}

  private async call(method: 'GET' | 'POST', url: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const auth = Buffer.from(`${this.ep.clientId}:${this.ep.clientSecret}`).toString('base64');
    let response: Response;
    try {
      response = await guardedFetch(
        url,
        {
          method,
          headers: {
            authorization: `Basic ${auth}`,
            accept: 'application/json',
            ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
        },
        this.options.outbound,
      );
    } catch (error) {
      throw new PaymentProviderError('unreachable', `payment provider not reachable: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const raw = await response.text();
    let json: unknown = null;
    try {
      json = raw ? JSON.parse(raw) : null;
    } catch {
      json = null;
    }
    return { status: response.status, json };
  }

  private fail(status: number, json: unknown): never {
    const code = (json as { functionalCode?: unknown } | null)?.functionalCode;
    const functional = typeof code === 'string' ? code.slice(0, 60) : 'UNSPECIFIED';
    if (status === 401 || status === 403)
      throw new PaymentProviderError('unauthorized', `payment provider refused the credentials (HTTP ${status})`);
    throw new PaymentProviderError(`http_${status}`, `payment provider answered HTTP ${status} (${functional})`);
  }

  async create(order: PaymentOrder): Promise<ProviderTransaction> {
    const { status, json } = await this.call(
      'POST',
      transactionUrl(this.ep),
      paymentRequestBody(order, this.options.now()),
    );
    if (status !== 200 && status !== 201) this.fail(status, json);
    return parseTransaction(json);
  }

  async get(transactionId: string): Promise<ProviderTransaction> {
    const { status, json } = await this.call('GET', transactionUrl(this.ep, transactionId));
    if (status !== 200) this.fail(status, json);
    return parseTransaction(json);
  }

  /**
   * Self-check: an authenticated status query for a transaction that cannot exist. 404 means the endpoint,
   * originator/endpoint ids and credentials are right; 401/403 means wrong credentials.
   */
  async check(): Promise<string[]> {
    try {
      const { status } = await this.call('GET', transactionUrl(this.ep, 'sac-config-check'));
      if (status === 404) return [];
      if (status === 401 || status === 403) return ['Der Zahlungsdienst lehnt die Zugangsdaten ab (Client-ID/Secret).'];
      return [`Der Zahlungsdienst antwortet unerwartet (HTTP ${status}); Basis-URL und Kennungen prüfen.`];
    } catch (error) {
      return [`Der Zahlungsdienst ist nicht erreichbar: ${(error as Error).message}`];
    }
  }
}

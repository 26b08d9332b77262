import type { Deps } from '../../platform/deps.ts';
import { type Plugin, PluginRegistry } from '../../platform/plugins/registry.ts';

/** XBezahldienste transaction states (sic: `PAYED`, `CANCELED`). */
export type ProviderStatus = 'INITIAL' | 'PAYED' | 'FAILED' | 'CANCELED';

export const providerStatuses: readonly ProviderStatus[] = ['INITIAL', 'PAYED', 'FAILED', 'CANCELED'];

/** One position of the payment request (a fee line), with the cash office's posting data. */
export interface PaymentItem {
  id: string;
  description: string;
  quantity: number;
  amountCents: number;
  bookingData: Record<string, string>;
}

/** What SAC asks a provider to collect. The amount is the submission's stored, server-computed total. */
export interface PaymentOrder {
  /** Our payment attempt id: the provider's `requestId` (≤ 36 characters, unique). */
  requestId: string;
  amountCents: number;
  /** Verwendungszweck, e.g. the reference number (≤ 27 characters). */
  purpose: string;
  description: string;
  items: PaymentItem[];
  /** Where the provider sends the browser back (it never decides anything). */
  redirectUrl: string;
  /** Where the provider posts signed status notifications. */
  notificationUrl: string;
}

/** The provider's view of a transaction. */
export interface ProviderTransaction {
  transactionId: string;
  status: ProviderStatus;
  /** The Kassenzeichen; may be issued late. */
  transactionReference: string | null;
  /** The pay page (only while INITIAL). */
  redirectUrl: string | null;
  paymentMethod: string | null;
  statusDetail: string | null;
  /** What the provider says it collects, in cents (checked against ours when PAYED). */
  amountCents: number | null;
}

/** A verified notification: which transaction changed to which state, under which event id. */
export interface ProviderNotification {
  eventId: string;
  transactionId: string;
  status: ProviderStatus;
  transactionReference: string | null;
}

/** Why a notification was refused: `signature` → 401, the others → 400. Audited by the caller. */
export class NotificationRejected extends Error {
  constructor(readonly reason: 'signature' | 'timestamp' | 'malformed') {
    super(`notification rejected: ${reason}`);
  }
}

/** A provider call failed (network, HTTP status, unexpected answer); `code` is safe to log. */
export class PaymentProviderError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PaymentProviderError';
  }
}

/**
 * The payment-provider plug-in contract: the common plug-in shape (id, label, optionsSchema, demo,
 * checkConfig) plus creating a transaction, querying its status and verifying a notification.
 * `secretOptions` names the options stored encrypted.
 */
export interface PaymentProviderPlugin<TOptions = unknown> extends Plugin<TOptions> {
  readonly secretOptions: readonly string[];
  createTransaction(options: TOptions, order: PaymentOrder): Promise<ProviderTransaction>;
  getTransaction(options: TOptions, transactionId: string): Promise<ProviderTransaction>;
  verifyNotification(
    options: TOptions,
    input: { headers: Record<string, string | string[] | undefined>; rawBody: string; now: Date },
  ): ProviderNotification;
  /** The origin of the pay page (for the CSP form-action of the "Bezahlen" form). */
  payPageOrigin(options: TOptions): string;
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds plug-ins of any options type.
export type AnyPaymentProvider = PaymentProviderPlugin<any>;

export type PaymentRegistry = PluginRegistry<AnyPaymentProvider>;

/** The payment-provider registry; the plug-in factories close over `deps` (base URL, clock, SSRF policy). */
export function createPaymentRegistry(deps: Deps, factories: ((deps: Deps) => AnyPaymentProvider)[]): PaymentRegistry {
  const registry = new PluginRegistry<AnyPaymentProvider>('payment provider', deps.config.demo);
  for (const make of factories) registry.register(make(deps));
  return registry;
}

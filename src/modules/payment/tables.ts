/** Payment status of one attempt (our words; the provider's INITIAL/PAYED/FAILED/CANCELED map onto them). */
export type PaymentStatus = 'pending' | 'paid' | 'failed' | 'cancelled';

export interface PaymentSettingsTable {
  tenant_id: string;
  plugin_id: string;
  options: Record<string, unknown> | string;
  /** Secret options as JSON, encrypted with the data key (AAD = `payment-settings:<tenant id>`). */
  secrets_encrypted: string | null;
  updated_at: Date;
}

export interface PaymentBookingDataTable {
  tenant_id: string;
  offering_id: string;
  booking_data: Record<string, string> | string;
}

/** One payment attempt of a submission. */
export interface PaymentsTable {
  id: string;
  tenant_id: string;
  submission_id: string;
  attempt: number;
  plugin_id: string;
  status: PaymentStatus;
  amount_cents: number;
  currency: string;
  transaction_id: string | null;
  /** Kassenzeichen. */
  transaction_reference: string | null;
  redirect_url: string | null;
  payment_method: string | null;
  status_detail: string | null;
  created_at: Date;
  updated_at: Date;
  paid_at: Date | null;
  last_checked_at: Date | null;
}

export interface PaymentNotificationsTable {
  tenant_id: string;
  event_id: string;
  transaction_id: string;
  status: string;
  received_at: Date;
}

export type DemoPaymentStatus = 'INITIAL' | 'PAYED' | 'FAILED' | 'CANCELED';

export interface DemoPaymentTransactionsTable {
  id: string;
  originator_id: string;
  endpoint_id: string;
  request_id: string;
  request: unknown;
  status: DemoPaymentStatus;
  transaction_reference: string | null;
  notify_url: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface PaymentTables {
  payment_settings: PaymentSettingsTable;
  payment_booking_data: PaymentBookingDataTable;
  payments: PaymentsTable;
  payment_notifications: PaymentNotificationsTable;
  demo_payment_transactions: DemoPaymentTransactionsTable;
}

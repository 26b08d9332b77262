import type { Generated } from 'kysely';

/**
 * One delivery: one submission × one route. `failed` = the last attempt failed and another is scheduled;
 * `dead` = no more attempts (permanent error or the limit reached) until an operator retries.
 */
export type DeliveryState = 'pending' | 'in_progress' | 'delivered' | 'failed' | 'dead';

/** Where an offering's submissions go: a connector and its options (encrypted, AAD = id). */
export interface DeliveryRoutesTable {
  id: Generated<string>;
  tenant_id: string;
  offering_id: string;
  connector_id: string;
  label: string;
  options_enc: string;
  enabled: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface DeliveriesTable {
  id: string;
  tenant_id: string;
  submission_id: string;
  route_id: string | null;
  connector_id: string;
  state: Generated<DeliveryState>;
  attempts: Generated<number>;
  last_error: string | null;
  receipt: string | null;
  job_id: string | number | null;
  created_at: Date;
  updated_at: Date;
  delivered_at: Date | null;
}

export interface DeliveryTables {
  delivery_routes: DeliveryRoutesTable;
  deliveries: DeliveriesTable;
}

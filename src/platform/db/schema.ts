import type { Generated } from 'kysely';

/**
 * Table types for the query builder. Each module declares its tables in its own `tables.ts`; this file
 * joins them into one `DB` and lists which tables are tenant-owned (guarded by TenantGuardPlugin).
 */
import type { MailboxTables } from '../../modules/account/tables.ts';
import type { CatalogTables } from '../../modules/catalog/tables.ts';
import type { FitTables } from '../../modules/delivery/fit/tables.ts';
import type { DeliveryTables } from '../../modules/delivery/outbox/tables.ts';
import type { AssistantStoreTables } from '../../modules/forms/assistants-store/tables.ts';
import type { DraftTables } from '../../modules/forms/drafts/tables.ts';
import type { UploadTables } from '../../modules/forms/uploads/tables.ts';
import type { IdentityTables } from '../../modules/identity/tables.ts';
import type { PaymentTables } from '../../modules/payment/tables.ts';
import type { StaffOidcTables } from '../../modules/staff/oidc/tables.ts';
import type { StaffTables } from '../../modules/staff/tables.ts';
import type { SubmissionTables } from '../../modules/submissions/tables.ts';
import type { TenantTables } from '../../modules/tenants/tables.ts';
import type { RateLimitTables } from '../http/rate-limit.ts';
import type { JobTables } from '../jobs/tables.ts';
import type { PlatformTables } from './platform-tables.ts';

export interface DB
  extends PlatformTables,
    TenantTables,
    CatalogTables,
    JobTables,
    AssistantStoreTables,
    DraftTables,
    SubmissionTables,
    UploadTables,
    IdentityTables,
    StaffTables,
    StaffOidcTables,
    PaymentTables,
    FitTables,
    DeliveryTables,
    MailboxTables,
    RateLimitTables {}

/** Tables whose rows belong to one tenant: every query on them must name `tenant_id`. */
export const tenantTables = new Set<string>([
  'mailbox_messages',
  'mailbox_attachments',
  'fit_destinations',
  'fit_clients',
  'fit_submissions',
  'fit_attachments',
  'fit_events',
  'feedback_requests',
  'offices',
  'tenant_pages',
  'offerings',
  'audit_events',
  'drafts',
  'submissions',
  'submission_events',
  'submission_documents',
  'uploads',
  'staff_roles',
  'staff_oidc_providers',
  'delivery_routes',
  'deliveries',
  'payment_settings',
  'payment_booking_data',
  'payments',
  'payment_notifications',
]);

export type { Generated };

import type { Deps } from '../../../platform/deps.ts';

/** Writes an identity audit event. `details` must hold no personal data — pseudonymous ids and codes only. */
export async function recordIdentityAudit(
  deps: Deps,
  event: {
    tenantId: string | null;
    actor: string;
    action: string;
    objectId?: string | null;
    details: Record<string, unknown>;
  },
): Promise<void> {
  await deps.database.db
    .insertInto('audit_events')
    .values({
      tenant_id: event.tenantId,
      actor: event.actor,
      action: event.action,
      object_type: 'citizen_account',
      object_id: event.objectId ?? null,
      details: JSON.stringify(event.details),
    })
    .execute();
}

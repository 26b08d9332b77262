import { seedDemoCatalog } from '../modules/catalog/demo/seed.ts';
import { seedDemoFit } from '../modules/delivery/fit/demo-seed.ts';
import { seedDemoDeliveryRoutes } from '../modules/delivery/routes-config/demo-seed.ts';
import { publishShippedAssistants } from '../modules/forms/assistants-store/ops/publish-shipped-assistants.ts';
import { seedDemoPayments } from '../modules/payment/demo/seed.ts';
import { type DemoStaffCredential, seedDemoStaff } from '../modules/staff/demo/seed.ts';
import { seedDemoStaffOidc } from '../modules/staff/oidc/demo-seed.ts';
import { seedDemoTenants } from '../modules/tenants/demo/seed.ts';
import type { Deps } from '../platform/deps.ts';

/** Demo data for `npm start` and `sac seed --demo`: tenants, catalog, offerings, assistants, staff. Idempotent. */
export async function seedDemo(deps: Deps): Promise<{ staff: DemoStaffCredential[] }> {
  const tenantIds = await seedDemoTenants(deps);
  await seedDemoCatalog(deps, tenantIds);
  await publishShippedAssistants(deps.database);
  await seedDemoDeliveryRoutes(deps, tenantIds);
  await seedDemoFit(deps, tenantIds);
  await seedDemoPayments(deps, tenantIds);
  await seedDemoStaffOidc(deps, tenantIds);
  return { staff: await seedDemoStaff(deps, tenantIds) };
}

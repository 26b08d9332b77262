import type { Deps } from '../../../platform/deps.ts';

/** Placeholder until the catalog module lands: imports the shipped catalog and the demo offerings. */
export async function seedDemoCatalog(_deps: Deps, _tenantIds: Map<string, string>): Promise<void> {}

import { seedDemoCatalog } from '../../src/modules/catalog/demo/seed.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

/** A test app with the demo tenants, the full shipped catalog (~4,800 services) and the demo offerings. */
export async function createCatalogApp(): Promise<TestApp> {
  const app = await createTestApp();
  await seedDemoCatalog(app.deps, app.tenantIds);
  return app;
}

/** The visible text of the result links, in order. */
export function resultNames(html: string): string[] {
  const list = /<ol class="sac-results">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
  return [...list.matchAll(/<a class="kern-link" href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]!);
}

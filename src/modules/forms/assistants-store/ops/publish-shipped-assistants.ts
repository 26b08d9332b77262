import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../../../platform/db/database.ts';
import { validateDefinition } from '../../definition/validate-definition.ts';
import { publishDefinition } from './publish-definition.ts';

/** `assistants/` at the repository root: the shipped definitions. */
export const shippedAssistantsDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../../assistants',
);

export interface PublishReport {
  published: string[];
  unchanged: string[];
  /** Files that do not validate, with the first problem. */
  invalid: { file: string; problem: string }[];
}

/**
 * Publishes every `*.json` in `dir` that validates and whose id+version is not published yet.
 * Runs at start in demo mode; the CLI can call it for production deployments.
 */
export async function publishShippedAssistants(database: Database, dir = shippedAssistantsDir): Promise<PublishReport> {
  const report: PublishReport = { published: [], unchanged: [], invalid: [] };
  if (!existsSync(dir)) return report;
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    } catch (error) {
      report.invalid.push({ file, problem: `not JSON: ${(error as Error).message}` });
      continue;
    }
    const checked = validateDefinition(json);
    if (!checked.ok) {
      const first = checked.errors[0];
      report.invalid.push({ file, problem: first ? `${first.path}: ${first.message}` : 'invalid' });
      continue;
    }
    const label = `${checked.definition.id}@${checked.definition.version}`;
    if (await publishDefinition(database, checked.definition)) report.published.push(label);
    else report.unchanged.push(label);
  }
  return report;
}

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readFixture, SHARED_SAMPLES } from './test-helpers.ts';

const sharedDir = fileURLToPath(new URL('../../../../../shared/data/fim/', import.meta.url));

describe.skipIf(!existsSync(sharedDir))('fixtures', () => {
  it.each(SHARED_SAMPLES)('%s is an unchanged copy of the shared sample', (name) => {
    expect(readFixture(name)).toBe(readFileSync(`${sharedDir}${name}`, 'utf8'));
  });
});

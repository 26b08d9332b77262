import { FimImportError } from './fim-import-error.ts';
import type { FimCardinality } from './model.ts';

const ANZAHL = /^(\d+):(\*|\d+)$/;

/** Parses `anzahl` (`1:1`, `0:1`, `0:*`, `2:5`); anything else, or max < min or max 0, fails at `path`. */
export function parseCardinality(raw: string | undefined, path: string): FimCardinality {
  const text = (raw ?? '').trim();
  const match = ANZAHL.exec(text);
  if (!match) {
    throw new FimImportError(path, `invalid anzahl "${text}"; expected min:max such as 1:1, 0:1, 0:* or 1:5`);
  }
  const min = Number(match[1]);
  const max = match[2] === '*' ? undefined : Number(match[2]);
  if (max !== undefined && max < min) {
    throw new FimImportError(path, `invalid anzahl "${text}": the maximum ${max} is below the minimum ${min}`);
  }
  if (max === 0) throw new FimImportError(path, `invalid anzahl "${text}": the maximum must be at least 1`);
  return { min, max, raw: text };
}

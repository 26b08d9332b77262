import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { CodeList } from './code-list.ts';

const codeListFile = z.object({
  lists: z.array(
    z.object({
      key: z.string().min(1),
      id: z.string().min(1),
      version: z.string().min(1),
      canonicalUri: z.string().min(1),
      canonicalVersionUri: z.string().min(1),
      name: z.string().min(1),
      source: z.string().default('supplied file'),
      values: z.array(z.object({ code: z.string().min(1), label: z.string().min(1) })).min(1),
    }),
  ),
});

/**
 * Reads code lists from a JSON file shaped like the shipped `fim-codelists.json`
 * (`{ "lists": [{ key, id, version, canonicalUri, canonicalVersionUri, name, values: [{ code, label }] }] }`).
 * Throws an Error with a one-line message naming the file and the JSON path on bad content.
 */
export async function loadCodeListFile(path: string): Promise<CodeList[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: cannot read code lists: ${(error as Error).message}`);
  }
  const parsed = codeListFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${path}: invalid code list file at $.${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data.lists;
}

import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../../platform/deps.ts';
import type { Step } from '../definition/types.ts';
import type { Answers, FileMeta } from '../engine/index.ts';
import { fileFieldLimits, readMultipartForm } from '../uploads/index.ts';
import { answerAt, fileInputsOf, filePairs } from './step-files.ts';
import { REMOVE_FILE_NAME } from './views/fields/file-input.tsx';

export interface StepBody {
  pairs: [string, string][];
  /** `aktion` button value. */
  action: string;
  /** Upload problems by form name (German messages from the upload module). */
  fileErrors: Map<string, string>;
}

type FlatBody = Record<string, string | string[] | undefined>;

/**
 * Reads a step post: urlencoded, or multipart when the step has uploads. Files already stored for a
 * file input are kept unless their "remove" box was ticked; new uploads are appended.
 */
export async function readStepBody(
  request: FastifyRequest,
  deps: Deps,
  options: { tenantId: string; draftId: string; step: Step; answers: Answers },
): Promise<StepBody> {
  const inputs = fileInputsOf(options.step);
  let body: FlatBody = (request.body as FlatBody | undefined) ?? {};
  let files: Record<string, FileMeta[]> = {};
  const fileErrors = new Map<string, string>();
  if (inputs.length > 0 && request.isMultipart?.()) {
    const form = await readMultipartForm(request, deps, {
      tenantId: options.tenantId,
      draftId: options.draftId,
      fileFields: inputs.map((input) => ({ ...fileFieldLimits(input.field), id: input.name })),
    });
    body = form.body;
    files = form.files;
    for (const [name, message] of Object.entries(form.fileErrors)) fileErrors.set(name, message);
  }
  const pairs = toPairs(body);
  const removed = new Set(pairs.filter(([name]) => name === REMOVE_FILE_NAME).map(([, value]) => value));
  for (const input of inputs) {
    const earlier = answerAt(options.answers, input.name);
    const kept = (Array.isArray(earlier) ? (earlier as FileMeta[]) : []).filter((file) => !removed.has(file.id));
    pairs.push(...filePairs(input.name, [...kept, ...(files[input.name] ?? [])]));
  }
  const action = pairs.find(([name]) => name === 'aktion')?.[1] ?? 'weiter';
  return { pairs, action, fileErrors };
}

function toPairs(body: FlatBody): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string') pairs.push([name, value]);
    else if (Array.isArray(value)) for (const entry of value) pairs.push([name, entry]);
  }
  return pairs;
}

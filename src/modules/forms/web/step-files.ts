import type { FileField, Step } from '../definition/types.ts';
import type { Answers, AnswerValue, FileMeta } from '../engine/index.ts';
import { childName, splitName } from '../engine/names.ts';

/** Items of a repeatable group that may carry uploads in one post, when the group sets no `max`. */
const DEFAULT_ITEMS = 20;

/** Form names of the step's file inputs, e.g. `nachweis` or `hunde[0][sachkunde]` … `hunde[4][sachkunde]`. */
export function fileInputsOf(step: Step): { name: string; field: FileField }[] {
  const out: { name: string; field: FileField }[] = [];
  for (const field of step.fields) {
    if (field.type === 'file') out.push({ name: field.id, field });
    if (field.type !== 'group') continue;
    for (const child of field.fields) {
      if (child.type !== 'file') continue;
      if (!field.repeatable) out.push({ name: childName(field.id, child.id), field: child });
      else
        for (let i = 0; i < (field.max ?? DEFAULT_ITEMS); i++)
          out.push({ name: childName(childName(field.id, i), child.id), field: child });
    }
  }
  return out;
}

/** The stored answer at a form name such as `hunde[1][sachkunde]`. */
export function answerAt(answers: Answers, name: string): AnswerValue {
  let node: unknown = answers;
  for (const key of splitName(name) ?? []) {
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node as AnswerValue;
}

/** Form pairs that post a list of files as the field's raw value (`name[0][id]=…`). */
export function filePairs(name: string, files: FileMeta[]): [string, string][] {
  return files.flatMap((file, index) => {
    const item = childName(name, index);
    return [
      [childName(item, 'id'), file.id],
      [childName(item, 'name'), file.name],
      [childName(item, 'size'), String(file.size)],
      [childName(item, 'mimeType'), file.mimeType],
    ] as [string, string][];
  });
}

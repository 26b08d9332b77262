import { detectMessage } from './detect-message.ts';
import type { FimDocument } from './model.ts';
import { parseV2 } from './parse-v2.ts';
import { parseV3 } from './parse-v3.ts';
import { parseXml } from './xml-tree.ts';

/**
 * Reads an XDatenfelder 2.0 or 3.0.0 Stammdatenschema or Datenfeldgruppe message into the
 * internal FIM model. Throws a FimImportError naming the element path for anything it cannot read.
 */
export function parseFim(xml: string): FimDocument {
  const root = parseXml(xml);
  const { xdfVersion, messageKind } = detectMessage(root);
  return xdfVersion === '2.0' ? parseV2(root, xml) : parseV3(root, messageKind);
}

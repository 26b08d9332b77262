import { parseCardinality } from './cardinality.ts';
import { parseDataType, parseFieldKind } from './fim-codes.ts';
import { childText, codeOf, type XmlElement } from './xml-tree.ts';

/**
 * Checks what xdatenfelder-xml would reject with only a line number (anzahl, feldart, datentyp),
 * so that a 2.0 message fails with the element path instead. Also rejects anzahl values the
 * library lets through (its pattern is not anchored, so `x1:1` passes).
 */
export function checkV2Codes(element: XmlElement): void {
  if (element.name === 'struktur') parseCardinality(childText(element, 'anzahl'), `${element.path}/anzahl`);
  if (element.name === 'datenfeld') {
    parseFieldKind(codeOf(element, 'feldart'), '2.0', element.path);
    parseDataType(codeOf(element, 'datentyp'), '2.0', element.path);
  }
  for (const child of element.children) checkV2Codes(child);
}

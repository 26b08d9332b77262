import { parseCardinality } from './cardinality.ts';
import { constraintsFromAttributes } from './constraints.ts';
import { parseDataType, parseFieldKind, parsePrefill, parseRuleType } from './fim-codes.ts';
import { FimImportError } from './fim-import-error.ts';
import type {
  FimCodeListReference,
  FimDocument,
  FimField,
  FimGroup,
  FimMessageKind,
  FimOccurrence,
  FimRule,
  FimSchema,
  FimSelectValue,
  FimWarning,
} from './model.ts';
import { child, childrenNamed, childText, codeOf, type XmlElement } from './xml-tree.ts';

/**
 * Reads an XDatenfelder 3.0.0 message (Stammdatenschema 0102 or Datenfeldgruppe 0103).
 * Hand-mapped on fast-xml-parser because xdatenfelder-xml 0.1.4 only has a placeholder for the
 * 3.0.0 Stammdatenschema and does not keep element paths.
 */
export function parseV3(root: XmlElement, messageKind: FimMessageKind): FimDocument {
  const warnings: FimWarning[] = [];
  const header = child(root, 'header');
  const body = child(root, messageKind);
  if (!body) throw new FimImportError(root.path, `missing <${messageKind}>`);
  const base = readBase(body, warnings);
  const schema: FimSchema = {
    ...base,
    kind: messageKind === 'stammdatenschema' ? 'schema' : 'group',
    inputLabel: messageKind === 'stammdatenschema' ? childText(body, 'bezeichnung') : base.inputLabel,
    inputHelp: messageKind === 'stammdatenschema' ? childText(body, 'hilfetext') : base.inputHelp,
    children: readChildren(body, warnings),
    path: body.path,
  };
  return {
    xdfVersion: '3.0.0',
    messageKind,
    messageId: header ? childText(header, 'nachrichtID') : undefined,
    createdAt: header ? childText(header, 'erstellungszeitpunkt') : undefined,
    schema,
    warnings,
  };
}

function readBase(element: XmlElement, warnings: FimWarning[]) {
  const identification = child(element, 'identifikation');
  const id = identification ? childText(identification, 'id') : undefined;
  if (!id) throw new FimImportError(`${element.path}/identifikation`, 'missing identifikation/id');
  return {
    id,
    version: identification ? childText(identification, 'version') : undefined,
    name: childText(element, 'name') ?? id,
    inputLabel: childText(element, 'bezeichnungEingabe'),
    description: childText(element, 'beschreibung'),
    inputHelp: childText(element, 'hilfetextEingabe'),
    legalReferences: childrenNamed(element, 'bezug')
      .map((b) => b.text.trim())
      .filter(Boolean),
    rules: childrenNamed(element, 'regel').map((rule) => readRule(rule, warnings)),
  };
}

function readRule(element: XmlElement, warnings: FimWarning[]): FimRule {
  const base = readBase(element, warnings);
  return {
    id: base.id,
    version: base.version,
    name: base.name,
    description: base.description,
    definition: childText(element, 'freitextRegel') ?? childText(element, 'definition'),
    script: childText(element, 'skript'),
    type: parseRuleType(codeOf(element, 'typ'), element.path),
  };
}

function readChildren(element: XmlElement, warnings: FimWarning[]): FimOccurrence[] {
  return childrenNamed(element, 'struktur').map((struktur) => {
    const cardinality = parseCardinality(childText(struktur, 'anzahl'), `${struktur.path}/anzahl`);
    const content = child(struktur, 'enthaelt')?.children ?? [];
    const target = content.find((c) => c.name === 'datenfeld' || c.name === 'datenfeldgruppe');
    if (!target)
      throw new FimImportError(struktur.path, 'struktur has no enthaelt/datenfeld or enthaelt/datenfeldgruppe');
    const element = target.name === 'datenfeld' ? readField(target, warnings) : readGroup(target, warnings);
    return { cardinality, path: target.path, element };
  });
}

function readGroup(element: XmlElement, warnings: FimWarning[]): FimGroup {
  return { ...readBase(element, warnings), kind: 'group', children: readChildren(element, warnings) };
}

function readField(element: XmlElement, warnings: FimWarning[]): FimField {
  const praezisierung = child(element, 'praezisierung');
  const maxSize = childText(element, 'maxSize');
  const inhalt = childrenNamed(element, 'inhalt');
  const contents = inhalt.map((c) => c.text.trim()).filter(Boolean);
  if (inhalt.length > 1)
    warnings.push({ path: element.path, message: 'several <inhalt> elements; the first non-empty one is used' });
  return {
    ...readBase(element, warnings),
    kind: 'field',
    fieldKind: parseFieldKind(codeOf(element, 'feldart'), '3.0.0', element.path),
    dataType: parseDataType(codeOf(element, 'datentyp'), '3.0.0', element.path),
    constraints: praezisierung ? constraintsFromAttributes(praezisierung.attributes, praezisierung.path, warnings) : {},
    content: contents[0],
    codeList: readCodeListReference(element),
    values: readValues(element),
    prefill: parsePrefill(codeOf(element, 'vorbefuellung'), element.path),
    maxSize: readMaxSize(maxSize, element.path),
    mediaTypes: childrenNamed(element, 'mediaType')
      .map((m) => m.text.trim())
      .filter(Boolean),
  };
}

function readCodeListReference(field: XmlElement): FimCodeListReference | undefined {
  const ref = child(field, 'codelisteReferenz');
  const canonicalUri = ref ? childText(ref, 'canonicalIdentification') : undefined;
  const canonicalVersionUri = ref ? childText(ref, 'canonicalVersionUri') : undefined;
  if (!ref || (!canonicalUri && !canonicalVersionUri)) return undefined;
  return {
    canonicalUri,
    canonicalVersionUri,
    version: childText(ref, 'version'),
    codeKey: childText(field, 'codeKey'),
    nameKey: childText(field, 'nameKey'),
    helpKey: childText(field, 'helpKey'),
  };
}

function readValues(field: XmlElement): FimSelectValue[] {
  const werte = child(field, 'werte');
  if (!werte) return [];
  return childrenNamed(werte, 'wert').map((wert) => {
    const code = childText(wert, 'code');
    if (code === undefined) throw new FimImportError(`${wert.path}/code`, 'a select value needs a code');
    return { code, name: childText(wert, 'name') ?? code, help: childText(wert, 'hilfe') };
  });
}

function readMaxSize(text: string | undefined, path: string): number | undefined {
  if (text === undefined) return undefined;
  const size = Number(text);
  if (!Number.isInteger(size) || size <= 0)
    throw new FimImportError(`${path}/maxSize`, `maxSize "${text}" is not a positive integer`);
  return size;
}

import { checkV2Codes } from './check-v2-codes.ts';
import { constraintsFromJson } from './constraints.ts';
import { FimImportError } from './fim-import-error.ts';
import type { FimCardinality, FimDocument, FimField, FimGroup, FimOccurrence, FimRule, FimWarning } from './model.ts';
import {
  type Xdf2Container,
  type Xdf2Datenfeld,
  type Xdf2ElementReference,
  type Xdf2Regel,
  xdf2,
} from './xdatenfelder-library.ts';
import { oneLine, type XmlElement } from './xml-tree.ts';

/**
 * Reads an XDatenfelder 2.0 Stammdatenschema message with xdatenfelder-xml and turns its tables
 * (one entry per id and version) back into a tree of occurrences with element paths.
 */
export function parseV2(root: XmlElement, xml: string): FimDocument {
  checkV2Codes(root);
  let parsed: ReturnType<typeof xdf2.SchemaMessage.fromString>;
  try {
    parsed = xdf2.SchemaMessage.fromString(xml);
  } catch (error) {
    throw new FimImportError(root.path, `not a valid XDatenfelder 2.0 message: ${oneLine((error as Error).message)}`);
  }
  const { message } = parsed;
  const container = message.schemaContainer;
  const warnings: FimWarning[] = [];
  const schemaPath = `${root.path}/stammdatenschema`;
  const schema = container.schema;
  return {
    xdfVersion: '2.0',
    messageKind: 'stammdatenschema',
    messageId: message.messageId,
    createdAt: validIso(message.createdAt),
    schema: {
      ...baseOf(schema, container),
      kind: 'schema',
      inputHelp: schema.hilfetext || undefined,
      children: occurrences(schema.elemente, schemaPath, container, warnings),
      path: schemaPath,
    },
    warnings,
  };
}

function occurrences(
  refs: Xdf2ElementReference[],
  parentPath: string,
  container: Xdf2Container,
  warnings: FimWarning[],
): FimOccurrence[] {
  return refs.map((ref, index) => {
    const struktur = `${parentPath}/struktur${refs.length > 1 ? `[${index + 1}]` : ''}`;
    const path = `${struktur}/enthaelt/${ref.type === 'dataField' ? 'datenfeld' : 'datenfeldgruppe'}`;
    const element =
      ref.type === 'dataField'
        ? toField(container.datenfelder.get(ref.identifier), container, path, warnings)
        : toGroup(ref.identifier, container, path, warnings);
    return { cardinality: cardinalityOf(ref), path, element };
  });
}

function toGroup(identifier: string, container: Xdf2Container, path: string, warnings: FimWarning[]): FimGroup {
  const group = container.datenfeldgruppen.get(identifier);
  return {
    ...baseOf(group, container),
    kind: 'group',
    inputHelp: group.hilfetextEingabe || undefined,
    children: occurrences(group.elemente, path, container, warnings),
  };
}

function toField(field: Xdf2Datenfeld, container: Xdf2Container, path: string, warnings: FimWarning[]): FimField {
  const ref = field.codelisteReferenz;
  return {
    ...baseOf(field, container),
    kind: 'field',
    inputHelp: field.hilfetextEingabe || undefined,
    fieldKind: field.feldart,
    dataType: field.datentyp,
    constraints: constraintsFromJson(field.praezisierung, `${path}/praezisierung`, warnings),
    content: field.inhalt || undefined,
    codeList: ref && {
      id: ref.id || undefined,
      version: ref.genericode.version || ref.version || undefined,
      canonicalUri: ref.genericode.canonicalIdentification || undefined,
      canonicalVersionUri: ref.genericode.canonicalVersionUri || undefined,
    },
    values: [],
    mediaTypes: [],
  };
}

interface Xdf2Base {
  id: string;
  version?: string;
  name: string;
  bezeichnungEingabe?: string;
  beschreibung?: string;
  bezug?: string;
  regeln?: string[];
}

function baseOf(element: Xdf2Base, container: Xdf2Container) {
  return {
    id: element.id,
    version: element.version || undefined,
    name: element.name,
    inputLabel: element.bezeichnungEingabe || undefined,
    description: element.beschreibung || undefined,
    legalReferences: element.bezug ? [element.bezug] : [],
    rules: (element.regeln ?? []).map((identifier) => toRule(container.regeln.get(identifier))),
  };
}

function toRule(rule: Xdf2Regel): FimRule {
  return {
    id: rule.id,
    version: rule.version || undefined,
    name: rule.name,
    description: rule.beschreibung || undefined,
    definition: rule.definition || undefined,
    script: rule.script || undefined,
  };
}

function cardinalityOf(ref: Xdf2ElementReference): FimCardinality {
  const { anzahl } = ref;
  if (anzahl.type === 'value') {
    return anzahl.optional ? { min: 0, max: 1, raw: '0:1' } : { min: 1, max: 1, raw: '1:1' };
  }
  return { min: anzahl.minSize, max: anzahl.maxSize, raw: `${anzahl.minSize}:${anzahl.maxSize ?? '*'}` };
}

function validIso(date: Date): string | undefined {
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

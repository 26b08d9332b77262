import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FimImportError } from './fim-import-error.ts';

/** A parsed XML element with namespace prefix split off and its element path. */
export interface XmlElement {
  /** Local name without prefix, e.g. `datenfeld`. */
  name: string;
  prefix: string | undefined;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Concatenated text content of this element (not of its children). */
  text: string;
  /** XPath-like path of local names; `[n]` (1-based) only where siblings share the name. */
  path: string;
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** Parses XML text into one root element; not well-formed input fails with a FimImportError. */
export function parseXml(xml: string): XmlElement {
  // FIM messages never need a DTD; refusing it rules out entity expansion and external entities.
  if (/<!DOCTYPE/i.test(xml))
    throw new FimImportError('/', 'DOCTYPE declarations are not allowed in an XDatenfelder message');
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    throw new FimImportError('/', `not well-formed XML (line ${line}${col ? `, column ${col}` : ''}): ${msg}`);
  }
  let nodes: OrderedNode[];
  try {
    nodes = parser.parse(xml) as OrderedNode[];
  } catch (error) {
    throw new FimImportError('/', `cannot read the XML: ${oneLine((error as Error).message)}`);
  }
  const elements = nodes.filter((node) => elementName(node) !== undefined);
  if (elements.length !== 1) throw new FimImportError('/', 'an XML document must have exactly one root element');
  return toElement(elements[0]!, '');
}

/** Children with this local name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

/** The first child with this local name. */
export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

/** Trimmed text of the first child with this name; empty text counts as absent. */
export function childText(element: XmlElement, name: string): string | undefined {
  const text = child(element, name)?.text.trim();
  return text ? text : undefined;
}

/** The `<code>` text inside a code element such as `<xdf:feldart><code>input</code></xdf:feldart>`. */
export function codeOf(element: XmlElement, name: string): string | undefined {
  const codeElement = child(element, name);
  return codeElement ? childText(codeElement, 'code') : undefined;
}

function elementName(node: OrderedNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@' && !key.startsWith('#') && !key.startsWith('?'));
}

function toElement(node: OrderedNode, parentPath: string, index?: number): XmlElement {
  const qualified = elementName(node)!;
  const colon = qualified.indexOf(':');
  const name = colon >= 0 ? qualified.slice(colon + 1) : qualified;
  const path = `${parentPath}/${name}${index === undefined ? '' : `[${index}]`}`;
  const content = (node[qualified] as OrderedNode[]) ?? [];
  const childNodes = content.filter((c) => elementName(c) !== undefined);
  const localNames = childNodes.map((c) => localName(elementName(c)!));
  const seen = new Map<string, number>();
  const children = childNodes.map((c, i) => {
    const local = localNames[i]!;
    const position = (seen.get(local) ?? 0) + 1;
    seen.set(local, position);
    const needsIndex = localNames.filter((n) => n === local).length > 1;
    return toElement(c, path, needsIndex ? position : undefined);
  });
  const text = content.map((c) => (typeof c['#text'] === 'string' ? c['#text'] : '')).join('');
  return {
    name,
    prefix: colon >= 0 ? qualified.slice(0, colon) : undefined,
    attributes: { ...(node[':@'] ?? {}) },
    children,
    text,
    path,
  };
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon >= 0 ? qualified.slice(colon + 1) : qualified;
}

/** Collapses a multi-line parser message into one line. */
export function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ', ').trim();
}

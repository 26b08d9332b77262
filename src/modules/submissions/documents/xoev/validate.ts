import { DOMParser, type Element } from '@xmldom/xmldom';
import { type CodeListName, codeLists } from './code-lists.ts';

/**
 * A document that does not follow its format; `problems` lists every finding with its element path. The
 * messages never quote content (they end up in job errors and logs; the content is personal data).
 */
export class XoevValidationError extends Error {
  constructor(
    readonly formatVersion: string,
    readonly problems: string[],
  ) {
    super(
      `invalid XÖV document (${formatVersion}): ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ' …' : ''}`,
    );
    this.name = 'XoevValidationError';
  }
}

export type TextType =
  | 'text'
  | 'date'
  | 'dateTime'
  | 'uuid'
  | 'positiveInt'
  | 'nonNegativeInt'
  | 'decimal2'
  | 'sha256'
  | 'kennung';

/** A small XSD: element name, cardinality, and either children (in this order), a text type or a code list. */
export interface ElementSpec {
  name: string;
  min?: number;
  max?: number;
  text?: TextType;
  code?: CodeListName;
  children?: ElementSpec[];
  attributes?: Record<string, { required: boolean; pattern?: RegExp; fixed?: string }>;
}

export interface DocumentSpec {
  namespace: string;
  formatVersion: string;
  root: ElementSpec;
}

const PATTERNS: Record<TextType, RegExp> = {
  text: /\S/,
  date: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  dateTime: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  positiveInt: /^[1-9]\d{0,5}$/,
  nonNegativeInt: /^\d{1,12}$/,
  decimal2: /^\d{1,9}\.\d{2}$/,
  sha256: /^[0-9a-f]{64}$/,
  kennung: /^(\d{12}|[a-z0-9][a-z0-9-]{0,62})$/,
};

function elementChildren(element: Element): Element[] {
  const out: Element[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1) out.push(node as Element);
  }
  return out;
}

function textOf(element: Element): string {
  return element.textContent ?? '';
}

/**
 * Checks well-formedness (with xmldom), the namespace and format version, and then every element against
 * the spec: known children only, in order, with their cardinality; text types; code values from the list
 * named in the spec with its `listURI` and `listVersionID`. Throws an `XoevValidationError` with all problems.
 */
export function validateXoev(xml: string, spec: DocumentSpec): void {
  const problems: string[] = [];
  if (/<!DOCTYPE/i.test(xml)) throw new XoevValidationError(spec.formatVersion, ['DOCTYPE is not allowed']);
  const parseErrors: string[] = [];
  let root: Element | null = null;
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') parseErrors.push(message.split('\n')[0] ?? message);
      },
    }).parseFromString(xml, 'text/xml');
    root = doc.documentElement;
  } catch (error) {
    parseErrors.push((error as Error).message.split('\n')[0] ?? 'parse error');
  }
  if (parseErrors.length > 0 || !root)
    throw new XoevValidationError(spec.formatVersion, [`not well-formed XML: ${parseErrors[0] ?? 'no root element'}`]);
  if (root.namespaceURI !== spec.namespace)
    problems.push(`/${root.localName}: namespace must be ${spec.namespace}, is ${root.namespaceURI ?? 'none'}`);
  if (root.getAttribute('formatVersion') !== spec.formatVersion)
    problems.push(`/${root.localName}: formatVersion must be ${spec.formatVersion}`);
  if (root.localName !== spec.root.name) problems.push(`root element must be ${spec.root.name}, is ${root.localName}`);
  else checkElement(root, spec.root, `/${spec.root.name}`, spec.namespace, problems);
  if (problems.length > 0) throw new XoevValidationError(spec.formatVersion, problems);
}

function checkElement(element: Element, spec: ElementSpec, path: string, ns: string, problems: string[]): void {
  for (const [name, rule] of Object.entries(spec.attributes ?? {})) {
    const value = element.getAttribute(name);
    if (value === null || value === '') {
      if (rule.required) problems.push(`${path}: attribute ${name} is missing`);
    } else if (rule.fixed !== undefined && value !== rule.fixed)
      problems.push(`${path}/@${name}: must be ${rule.fixed}`);
    else if (rule.pattern && !rule.pattern.test(value)) problems.push(`${path}/@${name}: value is not allowed`);
  }
  const children = elementChildren(element);
  if (spec.code) {
    checkCode(element, children, spec.code, path, ns, problems);
    return;
  }
  if (spec.text) {
    if (children.length > 0) problems.push(`${path}: must contain text only`);
    else if (!PATTERNS[spec.text].test(textOf(element))) problems.push(`${path}: not a valid ${spec.text}`);
    return;
  }
  const specs = spec.children ?? [];
  let index = 0;
  for (const childSpec of specs) {
    let count = 0;
    const max = childSpec.max ?? 1;
    while (count < max && index < children.length && children[index]!.localName === childSpec.name) {
      const child = children[index]!;
      count++;
      const childPath = `${path}/${childSpec.name}${count > 1 ? `[${count}]` : ''}`;
      if (child.namespaceURI !== ns) problems.push(`${childPath}: wrong namespace ${child.namespaceURI ?? 'none'}`);
      checkElement(child, childSpec, childPath, ns, problems);
      index++;
    }
    if (count < (childSpec.min ?? 1)) problems.push(`${path}: required element ${childSpec.name} is missing`);
  }
  for (const extra of children.slice(index)) {
    const known = specs.some((s) => s.name === extra.localName);
    problems.push(`${path}: ${known ? 'element out of order or too often' : 'unexpected element'} ${extra.localName}`);
  }
  if (specs.length === 0 && children.length === 0 && textOf(element).trim() !== '')
    problems.push(`${path}: must not contain text`);
}

function checkCode(
  element: Element,
  children: Element[],
  list: CodeListName,
  path: string,
  ns: string,
  problems: string[],
): void {
  const codeList = codeLists[list];
  if (element.getAttribute('listURI') !== codeList.uri) problems.push(`${path}/@listURI: must be ${codeList.uri}`);
  if (element.getAttribute('listVersionID') !== codeList.version)
    problems.push(`${path}/@listVersionID: must be ${codeList.version}`);
  const [first, second, ...rest] = children;
  if (first?.localName !== 'code' || first.namespaceURI !== ns) {
    problems.push(`${path}: required element code is missing`);
    return;
  }
  const value = textOf(first);
  if (!codeList.values.has(value)) problems.push(`${path}/code: value is not in code list ${codeList.uri}`);
  if (second && (second.localName !== 'name' || second.namespaceURI !== ns))
    problems.push(`${path}: unexpected element ${second.localName}`);
  if (rest.length > 0) problems.push(`${path}: unexpected element ${rest[0]!.localName}`);
}

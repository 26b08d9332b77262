/** A tiny, deterministic XML writer: elements in insertion order, attributes in given order, escaped text. */

export interface XmlNode {
  name: string;
  attributes?: [string, string][];
  children?: (XmlNode | undefined)[];
  text?: string;
}

/** An element; `undefined` children are left out, so optional parts can be written inline. */
export function el(
  name: string,
  content?: string | number | (XmlNode | undefined)[],
  attributes?: [string, string][],
): XmlNode {
  if (content === undefined) return { name, attributes };
  if (Array.isArray(content)) return { name, attributes, children: content };
  return { name, attributes, text: String(content) };
}

/** An element with text only when the value is a non-empty string or a number, else nothing. */
export function opt(name: string, value: unknown): XmlNode | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return el(name, value);
  if (typeof value === 'string' && value.trim() !== '') return el(name, value);
  return undefined;
}

// XML 1.0 forbids most C0 control characters even as references; they are dropped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to match control characters
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;');
}

/** Serialises with an XML declaration and two-space indentation (text-only elements stay on one line). */
export function serializeXml(root: XmlNode): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, 0, lines);
  return `${lines.join('\n')}\n`;
}

function write(node: XmlNode, depth: number, lines: string[]): void {
  const indent = '  '.repeat(depth);
  const attrs = (node.attributes ?? []).map(([key, value]) => ` ${key}="${escapeXml(value)}"`).join('');
  const children = (node.children ?? []).filter((child): child is XmlNode => child !== undefined);
  if (node.text !== undefined) {
    lines.push(`${indent}<${node.name}${attrs}>${escapeXml(node.text)}</${node.name}>`);
    return;
  }
  if (children.length === 0) {
    lines.push(`${indent}<${node.name}${attrs}/>`);
    return;
  }
  lines.push(`${indent}<${node.name}${attrs}>`);
  for (const child of children) write(child, depth + 1, lines);
  lines.push(`${indent}</${node.name}>`);
}

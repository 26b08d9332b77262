import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FimImportError } from './fim-import-error.ts';
import { parseFim } from './parse-fim.ts';

const broken = (name: string) => readFileSync(new URL(`./fixtures/broken/${name}`, import.meta.url), 'utf8');

function failureOf(xml: string): FimImportError {
  try {
    parseFim(xml);
  } catch (error) {
    if (error instanceof FimImportError) return error;
    throw error;
  }
  throw new Error('expected the import to fail');
}

const V3_ROOT = '/xdatenfelder.stammdatenschema.0102/stammdatenschema';

describe('parseFim rejects bad input with one message naming the element path', () => {
  it.each([
    ['not XML', 'not-xml.txt', '/', /not well-formed XML \(line 1, column 1\)/],
    ['a truncated document', 'truncated.xml', '/', /not well-formed XML/],
    [
      'an unknown root element',
      'wrong-root.xml',
      '/xdatenfelder.datenfeld.0104',
      /unexpected root element <xdf:xdatenfelder\.datenfeld\.0104>/,
    ],
    [
      'a foreign namespace',
      'wrong-namespace.xml',
      '/xdatenfelder.stammdatenschema.0102',
      /namespace "urn:xoev-de:fim:standard:xdatenfelder_9" is not XDatenfelder/,
    ],
    [
      'anzahl 2:1 in 2.0',
      'v2-anzahl-max-below-min.xml',
      '/xdatenfelder.stammdatenschema.0102/stammdatenschema/struktur/enthaelt/datenfeldgruppe/struktur/anzahl',
      /invalid anzahl "2:1": the maximum 1 is below the minimum 2/,
    ],
    [
      'anzahl x in 3.0.0',
      'v3-anzahl-not-a-number.xml',
      `${V3_ROOT}/struktur[4]/enthaelt/datenfeldgruppe/struktur[2]/anzahl`,
      /invalid anzahl "x"; expected min:max/,
    ],
  ])('%s', (_what, file, path, message) => {
    const error = failureOf(broken(file));
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`${path}: `)).toBe(true);
    expect(error.message).not.toContain('\n');
  });

  it('rejects an unknown feldart with the path of the field', () => {
    const xml = readFileSync(new URL('./fixtures/v2-data_label.xml', import.meta.url), 'utf8').replace(
      '<code>label</code>',
      '<code>hidden</code>',
    );
    const error = failureOf(xml);
    expect(error.message).toBe(
      '/xdatenfelder.stammdatenschema.0102/stammdatenschema/struktur/enthaelt/datenfeld/feldart: feldart "hidden" is unknown; expected one of input, select, label',
    );
  });

  it('refuses a DOCTYPE, so entities cannot expand or read files', () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
      <xdf:xdatenfelder.stammdatenschema.0102 xmlns:xdf="urn:xoev-de:fim:standard:xdatenfelder_2"/>`;
    expect(failureOf(xml).message).toBe('/: DOCTYPE declarations are not allowed in an XDatenfelder message');
  });

  it('rejects a 2.0 Datenfeldgruppe message, which only exists in 3.0.0', () => {
    const xml = '<x:xdatenfelder.datenfeldgruppe.0103 xmlns:x="urn:xoev-de:fim:standard:xdatenfelder_2"/>';
    expect(failureOf(xml).message).toMatch(/not part of XDatenfelder 2\.0/);
  });

  it('reports what xdatenfelder-xml rejects in 2.0 without a stack trace', () => {
    const xml = readFileSync(new URL('./fixtures/v2-data_label.xml', import.meta.url), 'utf8').replace(
      /<xdf:header>[\s\S]*?<\/xdf:header>/,
      '',
    );
    const error = failureOf(xml);
    expect(error.message).toMatch(/^\/xdatenfelder\.stammdatenschema\.0102: not a valid XDatenfelder 2\.0 message: /);
    expect(error.message).not.toContain('\n');
  });
});

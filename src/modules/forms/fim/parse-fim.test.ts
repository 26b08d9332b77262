import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FimField, FimGroup } from './model.ts';
import { parseFim } from './parse-fim.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('parseFim with XDatenfelder 2.0 (via xdatenfelder-xml)', () => {
  it('reads the schema, nested group, field, praezisierung and rule', () => {
    const doc = parseFim(fixture('v2-data_simple.xml'));
    expect(doc).toMatchObject({ xdfVersion: '2.0', messageKind: 'stammdatenschema', messageId: 'abcd1234' });
    expect(doc.schema).toMatchObject({ kind: 'schema', id: 'T1234', version: '1.0', inputLabel: 'Test' });
    expect(doc.schema.rules).toEqual([
      expect.objectContaining({
        id: 'R60000037',
        version: '1.2',
        name: 'MindestEineAngabe',
        script: 'function script() {}',
      }),
    ]);
    const [person] = doc.schema.children;
    expect(person?.path).toBe('/xdatenfelder.stammdatenschema.0102/stammdatenschema/struktur/enthaelt/datenfeldgruppe');
    expect(person?.cardinality).toEqual({ min: 1, max: 1, raw: '1:1' });
    const group = person?.element as FimGroup;
    expect(group).toMatchObject({ kind: 'group', id: 'G00000082', version: '1.3', inputLabel: 'Natürliche Person' });
    const field = group.children[0]?.element as FimField;
    expect(field).toMatchObject({
      kind: 'field',
      id: 'F60000227',
      version: '1.1',
      fieldKind: 'input',
      dataType: 'text',
      inputHelp: 'Hilfe Eingabe',
      constraints: { minLength: 1, maxLength: 120 },
    });
    expect(group.children[0]?.path).toBe(
      '/xdatenfelder.stammdatenschema.0102/stammdatenschema/struktur/enthaelt/datenfeldgruppe/struktur/enthaelt/datenfeld',
    );
  });

  it('reads a select field with its code list reference', () => {
    const field = parseFim(fixture('v2-data_select.xml')).schema.children[0]?.element as FimField;
    expect(field.fieldKind).toBe('select');
    expect(field.codeList).toEqual({
      id: 'C123',
      version: '1',
      canonicalUri: 'urn:de:example',
      canonicalVersionUri: 'urn:de:example_1',
    });
  });

  it('reads a label field with its text', () => {
    const field = parseFim(fixture('v2-data_label.xml')).schema.children[0]?.element as FimField;
    expect(field).toMatchObject({ fieldKind: 'label', content: 'Hinweis Inhalt' });
  });

  it('keeps rules on fields and groups', () => {
    const onField = parseFim(fixture('v2-data_data-field-rule.xml')).schema.children[0]?.element;
    expect(onField?.rules.map((r) => r.id)).toEqual(['R60000037']);
    const onGroup = parseFim(fixture('v2-data_data-group-rule.xml')).schema.children[0]?.element;
    expect(onGroup?.rules.map((r) => r.id)).toEqual(['R60000037']);
  });

  it('reads a schema without structure', () => {
    const doc = parseFim(fixture('v2-data_rule.xml'));
    expect(doc.schema.children).toEqual([]);
    expect(doc.schema.rules).toHaveLength(1);
  });
});

describe('parseFim with XDatenfelder 3.0.0 (own mapping)', () => {
  it('reads a Datenfeldgruppe message with nested group, attribute praezisierung and rules', () => {
    const doc = parseFim(fixture('v3-data_simple.xml'));
    expect(doc).toMatchObject({ xdfVersion: '3.0.0', messageKind: 'datenfeldgruppe' });
    expect(doc.schema).toMatchObject({
      kind: 'group',
      id: 'G60000000088',
      version: '1.2.0',
      inputLabel: 'Anschrift in Deutschland',
    });
    expect(doc.schema.inputHelp).toBe('Eingabehilfe');
    expect(doc.schema.rules[0]).toMatchObject({ id: 'R60000000019', type: 'V', script: 'some script content' });
    expect(doc.schema.rules[0]?.definition).toMatch(/^Es muss entweder Feldgruppe G60000086/);
    const [street] = doc.schema.children;
    expect(street?.cardinality).toEqual({ min: 0, max: 1, raw: '0:1' });
    const group = street?.element as FimGroup;
    const field = group.children[0]?.element as FimField;
    expect(field).toMatchObject({
      id: 'F60000000243',
      version: '1.1.0',
      fieldKind: 'input',
      dataType: 'text',
      prefill: 'keine',
      constraints: { minLength: 1, maxLength: 55 },
      inputHelp: 'Geben Sie an, wie die Straße heißt.',
      legalReferences: ['XInneres.Meldeanschrift.strasse Version 8'],
    });
    expect(field.description).toContain('<= 55 Zeichen');
    expect(field.rules.map((r) => r.id)).toEqual(['R60000000019']);
  });

  it('reads select keys, file limits and all praezisierung attributes', () => {
    const doc = parseFim(fixture('v3-data_input.xml'));
    const field = doc.schema.children[0]?.element as FimField;
    expect(field).toMatchObject({
      fieldKind: 'select',
      constraints: { minLength: 0, maxLength: 1, minValue: '0', maxValue: '1', pattern: 'abc' },
      content: 'Some Content',
      maxSize: 10,
      mediaTypes: ['application/json'],
      codeList: undefined,
    });
    expect(doc.warnings).toContainEqual(
      expect.objectContaining({ message: expect.stringContaining('several <inhalt>') }),
    );
  });

  it('reads a 3.0.0 Stammdatenschema, which xdatenfelder-xml only stubs', () => {
    const doc = parseFim(fixture('sac-v3-schema-all-types.xml'));
    expect(doc).toMatchObject({ xdfVersion: '3.0.0', messageKind: 'stammdatenschema' });
    expect(doc.schema).toMatchObject({ kind: 'schema', id: 'S00000000159', inputLabel: 'Hund anmelden' });
    const fields = doc.schema.children.map((c) => c.element);
    expect(fields.map((f) => f.id)).toContain('F60000000001');
    const inline = fields.find((f) => f.id === 'F60000000001') as FimField;
    expect(inline.values).toEqual([
      { code: 'R', name: 'Rüde', help: undefined },
      { code: 'H', name: 'Hündin', help: 'weiblicher Hund' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { shippedCodeLists } from '../codelists/shipped-code-lists.ts';
import type { Field } from '../definition/types.ts';
import { checkDefinition } from './check-definition.ts';
import { FimImportError } from './fim-import-error.ts';
import { fimMetadataOf } from './fim-metadata.ts';
import { importFim } from './import-fim.ts';
import { allFields, readFixture, SHARED_SAMPLES } from './test-helpers.ts';

const exampleList = {
  key: 'beispiel',
  id: 'C123',
  version: '1',
  canonicalUri: 'urn:de:example',
  canonicalVersionUri: 'urn:de:example_1',
  name: 'Beispiel',
  source: 'test',
  values: [{ code: '1', label: 'Eins' }],
};
const withExample = shippedCodeLists.with([exampleList]);

const allTypes = importFim(readFixture('sac-v3-schema-all-types.xml'));
const fields = allFields(allTypes.definition.steps);
const byFim = (id: string) => fields.filter((f) => f.fim?.id === id);
const one = (id: string): Field => {
  const [found] = byFim(id);
  if (!found) throw new Error(`no field for ${id}`);
  return found;
};

describe('importFim: every sample becomes a valid definition', () => {
  it.each(SHARED_SAMPLES)('%s', (name) => {
    const { definition } = importFim(readFixture(name), withExample);
    expect(checkDefinition(definition)).toEqual([]);
    expect(definition.steps.length).toBeGreaterThan(0);
  });

  it('the SAC all-types schema', () => {
    expect(checkDefinition(allTypes.definition)).toEqual([]);
  });
});

describe('importFim: structure', () => {
  it('puts top-level fields into a first step and top-level groups into steps', () => {
    const steps = allTypes.definition.steps;
    expect(steps.map((s) => s.id)).toEqual([
      'S00000000159_allgemein',
      'G99000000010',
      'G99000000020_schritt',
      'G99000000040',
      'G99000000050_schritt',
    ]);
    expect(steps[0]).toMatchObject({ title: 'Hund anmelden', intro: 'Melden Sie Ihren Hund zur Hundesteuer an.' });
    expect(allTypes.definition.metadata?.fim).toMatchObject({
      steps: { G99000000010: { id: 'G99000000010', version: '1.0.0' } },
    });
  });

  it('keeps a repeatable top-level group (1:*) as a repeatable group in its step', () => {
    const [dog] = allTypes.definition.steps[2]!.fields;
    expect(dog).toMatchObject({ type: 'group', id: 'G99000000020', repeatable: true, min: 1, itemLabel: 'Hund {n}' });
    expect(dog).not.toHaveProperty('max');
  });

  it('keeps every occurrence of the same Datenfeld and group, each with its own id and the FIM id', () => {
    const streets = byFim('F60000000243');
    expect(streets).toHaveLength(3);
    expect(new Set(streets.map((f) => f.id)).size).toBe(3);
    expect(streets.every((f) => f.fim?.version === '1.1.0')).toBe(true);
    expect(byFim('G60000000086')).toHaveLength(2);
    expect(byFim('F60000000001')).toHaveLength(2);
    const ids = fields.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('maps anzahl 0:1 to optional, 1:1 to required and 0:3 on a field to a repeatable group', () => {
    expect(one('F99000000005')).toMatchObject({ required: false });
    expect(one('F99000000004')).toMatchObject({ required: true });
    const previous = byFim('F99000000038');
    expect(previous[0]).toMatchObject({ type: 'group', repeatable: true, min: 0, max: 3 });
    expect(previous[1]).toMatchObject({ type: 'text', required: true });
  });

  it('maps a Datenfeldgruppe message to one step holding the nested group', () => {
    const { definition } = importFim(readFixture('v3-data_simple.xml'));
    expect(definition.steps).toHaveLength(1);
    expect(definition.steps[0]!.fields[0]).toMatchObject({
      type: 'group',
      required: false,
      fim: { id: 'G60000000086' },
    });
  });
});

describe('importFim: fields', () => {
  it('maps praezisierung to length, pattern and value checks', () => {
    expect(one('F99000000003')).toMatchObject({ type: 'text', minLength: 1, maxLength: 120 });
    expect(one('F99000000004')).toMatchObject({ type: 'textarea', maxLength: 300 });
    expect(one('F99000000006')).toMatchObject({ type: 'text', pattern: '[0-9]{15}', hint: '15 Ziffern' });
    expect(one('F99000000011')).toMatchObject({ type: 'number', min: 0.5, max: 120 });
    expect(one('F99000000012')).toMatchObject({ type: 'integer', min: 0, max: 20 });
    expect(one('F99000000030')).toMatchObject({ type: 'currency', min: 0, max: 100050 });
    expect(one('F99000000005')).toMatchObject({ type: 'date', notBefore: '1990-01-01' });
  });

  it('maps 2.0 praezisierung given as JSON', () => {
    const { definition } = importFim(readFixture('v2-data_simple.xml'));
    expect(definition.steps[0]!.fields[0]).toMatchObject({
      id: 'F60000227',
      minLength: 1,
      maxLength: 120,
      hint: 'Hilfe Eingabe',
    });
  });

  it('resolves code lists: by canonicalUri, Staat as country, inline werte', () => {
    const sex = one('F99000000002');
    expect(sex).toMatchObject({ type: 'radio', required: false });
    expect(sex.type === 'radio' && sex.options.map((o) => o.value)).toEqual(['d', 'm', 'w', 'x']);
    expect(one('F99000000021')).toMatchObject({ type: 'country', codeList: 'staat' });
    expect(one('F60000000001')).toMatchObject({
      type: 'radio',
      options: [
        { value: 'R', label: 'Rüde' },
        { value: 'H', label: 'Hündin', hint: 'weiblicher Hund' },
      ],
    });
  });

  it('uses a select list for long code lists', () => {
    const xml = readFixture('sac-v3-schema-all-types.xml').replaceAll(
      'urn:xpersonenstand:schluesseltabelle:geschlecht<',
      'urn:xoev-de:xunternehmen:codeliste:rechtsformen<',
    );
    const field = allFields(importFim(xml).definition.steps).find((f) => f.fim?.id === 'F99000000002');
    expect(field).toMatchObject({ type: 'select' });
    expect(field?.type === 'select' && field.options.length).toBe(75);
  });

  it('maps bool to yes/no radio when required and to a checkbox when optional', () => {
    expect(one('F99000000013')).toMatchObject({
      type: 'radio',
      options: [
        { value: 'true', label: 'Ja' },
        { value: 'false', label: 'Nein' },
      ],
    });
    expect(one('F99000000014')).toMatchObject({ type: 'checkbox', required: false });
  });

  it('maps file and obj to uploads with size and media types', () => {
    expect(one('F99000000034')).toMatchObject({
      type: 'file',
      maxBytes: 5242880,
      accept: ['application/pdf', 'image/jpeg'],
    });
    expect(one('F99000000035')).toMatchObject({ type: 'file' });
  });

  it('maps label to information text and hidden/locked to pre-filled fields', () => {
    expect(one('F99000000009')).toMatchObject({
      type: 'info',
      label: 'Hinweis',
      text: 'Ihre Angaben werden nur für die Hundesteuer verwendet.',
    });
    expect(one('F99000000036')).toMatchObject({ type: 'hidden', value: 'HST-2024' });
    expect(one('F99000000037')).toMatchObject({ type: 'locked', value: 'Magdeburg' });
  });

  it('maps time, datetime and text_latin, warning where something is lost', () => {
    expect(one('F99000000032')).toMatchObject({ type: 'time' });
    expect(one('F99000000033')).toMatchObject({ type: 'text', maxLength: 16 });
    expect(one('F99000000020')).toMatchObject({ type: 'text', maxLength: 44 });
    const messages = allTypes.warnings.map((w) => w.message);
    expect(messages).toContainEqual(expect.stringContaining('datentyp datetime'));
    expect(messages).toContainEqual(expect.stringContaining('text_latin'));
  });

  it('marks pre-filled fields (vorbefuellung) in the metadata', () => {
    const prefill = fimMetadataOf(allTypes.definition)!.prefill;
    expect(prefill.F99000000003).toBe('verpflichtend');
    expect(Object.values(prefill).filter((v) => v === 'optional')).toHaveLength(3);
  });
});

describe('importFim: Regeln and code list errors', () => {
  it('keeps Regeln as documentation with one warning per Regel', () => {
    const { definition, warnings } = importFim(readFixture('v3-data_simple.xml'));
    const rules = fimMetadataOf(definition)?.rules;
    expect(rules).toEqual([
      expect.objectContaining({ id: 'R60000000019', type: 'V', appliesTo: ['G60000000088', 'F60000000243'] }),
    ]);
    const ruleWarnings = warnings.filter((w) => w.message.startsWith('Regel '));
    expect(ruleWarnings).toHaveLength(1);
    expect(ruleWarnings[0]?.message).toContain('kept as documentation only');
  });

  it('leaves out a group without Datenfelder but still documents its Regel', () => {
    const { definition, warnings } = importFim(readFixture('v2-data_data-group-rule.xml'));
    expect(definition.steps).toHaveLength(1);
    expect(definition.steps[0]!.fields).toEqual([{ id: 'hinweis', type: 'info', text: 'Eine Beschreibung' }]);
    expect(fimMetadataOf(definition)?.rules).toEqual([expect.objectContaining({ id: 'R60000037', appliesTo: [] })]);
    expect(warnings.map((w) => w.message)).toEqual([
      'Datenfeldgruppe G00000082 has no Datenfelder; no step was made for it',
      'the schema has no Datenfelder; the definition gets one information step',
      'Regel R60000037 1.2 "MindestEineAngabe" kept as documentation only (metadata.fim.rules); it is not checked',
    ]);
  });

  it('fails on an unknown code list with the path of the reference', () => {
    const run = () => importFim(readFixture('broken/v3-unknown-code-list.xml'));
    expect(run).toThrow(FimImportError);
    expect(run).toThrow(
      '/xdatenfelder.stammdatenschema.0102/stammdatenschema/struktur[3]/enthaelt/datenfeldgruppe/struktur[2]/enthaelt/datenfeld/codelisteReferenz: unknown code list urn:de:example:unbekannt',
    );
  });

  it('fails on the placeholder code list of the v2 select sample unless it is supplied', () => {
    expect(() => importFim(readFixture('v2-data_select.xml'))).toThrow(/unknown code list C123 urn:de:example_1/);
    const field = importFim(readFixture('v2-data_select.xml'), withExample).definition.steps[0]!.fields[0];
    expect(field).toMatchObject({
      type: 'radio',
      options: [{ value: '1', label: 'Eins' }],
      fim: { id: 'F123', version: '1.0' },
    });
  });

  it('warns when only another version of a code list is shipped', () => {
    const xml = readFixture('sac-v3-schema-all-types.xml').replace('staat_2021-02-19<', 'staat_2024-01-01<');
    const { warnings } = importFim(xml);
    expect(warnings.map((w) => w.message)).toContainEqual(
      'code list C60000020 referenced in version urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:staat_2024-01-01; using shipped version 2021-02-19',
    );
  });
});

import { describe, expect, it } from 'vitest';
import xdatenfelder from 'xdatenfelder-xml/dist/index.js';
import type { FimField, FimGroup } from './model.ts';
import { parseFim } from './parse-fim.ts';
import { readFixture } from './test-helpers.ts';

/**
 * xdatenfelder-xml 0.1.4 does parse a 3.0.0 Datenfeldgruppe message (only its Stammdatenschema
 * parser is a stub); our own 3.0.0 reader must agree with it where both read the same thing.
 */
describe('own 3.0.0 reader agrees with xdatenfelder-xml on Datenfeldgruppe messages', () => {
  it.each(['v3-data_simple.xml', 'v3-data_input.xml'])('%s', (name) => {
    const xml = readFixture(name);
    const library = xdatenfelder.DataGroupMessage3.fromString(xml);
    const ours = parseFim(xml);
    expect(`${ours.schema.id}:${ours.schema.version}`).toBe(library.rootDataGroup);
    const walk = (children: FimGroup['children']): FimField[] =>
      children.flatMap((c) => (c.element.kind === 'field' ? [c.element] : walk(c.element.children)));
    for (const field of walk(ours.schema.children)) {
      const theirs = library.dataFields.get(`${field.id}:${field.version}`);
      expect(field.inputLabel).toBe(theirs.inputLabel);
      expect(field.fieldKind).toBe(theirs.inputType);
      expect(field.dataType).toBe(theirs.dataType);
      expect(field.inputHelp).toBe(theirs.inputHelp);
      const { value: _text, ...constraints } = theirs.constraints;
      expect(field.constraints).toEqual(constraints);
    }
  });

  it('and its 3.0.0 Stammdatenschema parser is a placeholder', () => {
    const stub = xdatenfelder.SchemaMessage3.fromString(readFixture('sac-v3-schema-all-types.xml'));
    expect(stub.container.schema.id).toBe('S1');
    expect(parseFim(readFixture('sac-v3-schema-all-types.xml')).schema.id).toBe('S00000000159');
  });
});

import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { XoevValidationError, xoevFromInput, xoevMappingFor } from '../../src/modules/submissions/documents/index.ts';
import { codeLists } from '../../src/modules/submissions/documents/xoev/code-lists.ts';
import { messageUuid } from '../../src/modules/submissions/documents/xoev/urkundenbestellung.ts';
import { loadAssistant } from '../pdf/fixtures.ts';
import { allCasesPosts, certificateOrderInput } from './xoev-fixtures.ts';

const mapping = xoevMappingFor('urkundenbestellung')!;
const valid = xoevFromInput(certificateOrderInput(allCasesPosts))!.xml;

/** The validator's problems for a document (empty when valid). */
function problemsOf(xml: string): string[] {
  try {
    mapping.validate(xml);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(XoevValidationError);
    return (error as XoevValidationError).problems;
  }
}

const texts = (xml: string, name: string) =>
  Array.from(new DOMParser().parseFromString(xml, 'text/xml').getElementsByTagName(name)).map((e) => e.textContent);

describe('XÖV payload of the certificate order (sac.xpersonenstand-portal.v1)', () => {
  it('only the certificate order has a mapping', () => {
    expect(mapping.formatVersion).toBe('sac.xpersonenstand-portal.v1');
    for (const id of ['hundeanmeldung', 'hundeabmeldung', 'begruessungsgeld', 'gewerbeanmeldung', 'toString'])
      expect(xoevMappingFor(id)).toBeUndefined();
  });

  it('the simple order (one birth, two certificates, paid) is valid and carries header, order, person, purpose', () => {
    const doc = xoevFromInput(certificateOrderInput())!;
    expect(doc.formatVersion).toBe('sac.xpersonenstand-portal.v1');
    expect(doc.filename).toBe('antrag-MD-7K3Q-9XF2.xml');
    expect(problemsOf(doc.xml)).toEqual([]);
    const root = new DOMParser().parseFromString(doc.xml, 'text/xml').documentElement!;
    expect(root.localName).toBe('portal2StA.Urkundenanforderung');
    expect(root.namespaceURI).toBe('urn:de:sac:xpersonenstand-portal:1');
    expect(texts(doc.xml, 'nachrichtenUUID')).toEqual([messageUuid('6f1c3a52-8a55-4c1e-9a4e-0b7f5e2d9c11')]);
    expect(texts(doc.xml, 'erstellungszeitpunkt')).toEqual(['2026-11-30T13:05:42.123Z']);
    expect(texts(doc.xml, 'vorgangsnummer')).toEqual(['MD-7K3Q-9XF2']);
    expect(doc.xml).toContain('<kennung art="ARS">150030000000</kennung>');
    expect(texts(doc.xml, 'anzahl')).toEqual(['2']);
    expect(doc.xml).toContain('<code>geburtsurkunde</code>');
    expect(texts(doc.xml, 'familienname')).toEqual(['Weiß', 'Weiß']);
    expect(texts(doc.xml, 'verwendungszweckFreitext')).toEqual(['Einbürgerung des Ehemanns – „dringend“']);
    expect(doc.xml).toContain('<betrag waehrung="EUR">15.00</betrag>');
    expect(texts(doc.xml, 'kassenzeichen')).toEqual(['KZ-2026-000123']);
  });

  it('all four events, both kinds of document, authorisation and another address are valid', () => {
    expect(problemsOf(valid)).toEqual([]);
    expect(texts(valid, 'urkundenanforderung')).toHaveLength(4);
    expect(texts(valid, 'anzahl')).toEqual(['2', '1', '3', '1', '1']);
    expect(texts(valid, 'rechtlichesInteresse')).toEqual(['Erbschaft meines Bruders']);
    expect(texts(valid, 'empfaenger')).toEqual(['Kanzlei Müller & Partner']);
    expect(valid).toContain('<anhangReferenz dateiname="vollmacht.pdf">');
    expect(valid).toContain('Kanzlei Müller &amp; Partner');
  });

  it('a tenant without ARS is named by its slug', () => {
    const input = certificateOrderInput();
    input.tenant = { ...input.tenant, ars: null, slug: 'unstruttal' };
    const xml = xoevFromInput(input)!.xml;
    expect(xml).toContain('<kennung art="sac-mandant">unstruttal</kennung>');
    expect(problemsOf(xml)).toEqual([]);
  });

  it('is deterministic: the same input gives the same document', () => {
    expect(xoevFromInput(certificateOrderInput(allCasesPosts))!.xml).toBe(valid);
    expect(messageUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('the code lists cover every choice the assistant offers', () => {
    const def = loadAssistant('urkundenbestellung');
    const options = (id: string) => {
      const field = def.steps.flatMap((step) => step.fields).find((f) => f.id === id);
      return field && 'options' in field ? field.options.map((o) => o.value) : [];
    };
    for (const value of options('verwendungszweck')) expect(codeLists.verwendungszweck.values.has(value)).toBe(true);
    for (const value of options('versandart')) expect(codeLists.versandart.values.has(value)).toBe(true);
    for (const id of ['gebBeziehung', 'eheBeziehung', 'lpBeziehung', 'stbBeziehung'])
      for (const value of options(id)) expect(codeLists.berechtigung.values.has(value)).toBe(true);
    expect(codeLists.staat.values.get('000')).toBe('Deutschland');
  });
});

describe('the structural validator refuses broken documents with a clear message', () => {
  const broken: [string, (xml: string) => string, RegExp][] = [
    ['not well-formed', (xml) => xml.slice(0, -40), /not well-formed XML/],
    ['a DOCTYPE', (xml) => xml.replace('?>', '?><!DOCTYPE x [<!ENTITY a "b">]>'), /DOCTYPE is not allowed/],
    [
      'another namespace',
      (xml) => xml.replace('urn:de:sac:xpersonenstand-portal:1', 'urn:example'),
      /namespace must be urn:de:sac:xpersonenstand-portal:1/,
    ],
    [
      'another format version',
      (xml) => xml.replace('formatVersion="sac.xpersonenstand-portal.v1"', 'formatVersion="v0"'),
      /formatVersion must be sac\.xpersonenstand-portal\.v1/,
    ],
    [
      'a missing required element',
      (xml) => xml.replace(/<vorgangsnummer>[^<]*<\/vorgangsnummer>/, ''),
      /\/nachrichtenkopf: required element vorgangsnummer is missing/,
    ],
    [
      'a code outside its list',
      (xml) => xml.replace('<code>geburtsurkunde</code>', '<code>reisepass</code>'),
      /urkundenart\/code: value is not in code list urn:de:sac:codeliste:xpersonenstand-portal:urkundenart/,
    ],
    [
      'a wrong list URI',
      (xml) => xml.replace('urn:de:sac:codeliste:xpersonenstand-portal:versandart', 'urn:x'),
      /versandart\/@listURI: must be/,
    ],
    [
      'an invalid date',
      (xml) => xml.replace('<datum>1990-06-15</datum>', '<datum>15.06.1990</datum>'),
      /datum: not a valid date/,
    ],
    [
      'a count of zero',
      (xml) => xml.replace('<anzahl>3</anzahl>', '<anzahl>0</anzahl>'),
      /anzahl: not a valid positiveInt/,
    ],
    [
      'an unknown element',
      (xml) => xml.replace('<vorgangsnummer>', '<geheim>x</geheim><vorgangsnummer>'),
      /unexpected element geheim/,
    ],
    [
      'elements out of order',
      (xml) => xml.replace(/(<vorgangsnummer>[^<]*<\/vorgangsnummer>)\s*(<autor>[\s\S]*?<\/autor>)/, '$2$1'),
      /element out of order or too often vorgangsnummer/,
    ],
    [
      'no order at all',
      (xml) => xml.replace(/<urkundenanforderung>[\s\S]*<\/urkundenanforderung>/, ''),
      /\/antrag: required element urkundenanforderung is missing/,
    ],
    ['a wrong currency', (xml) => xml.replace('waehrung="EUR"', 'waehrung="USD"'), /betrag\/@waehrung: must be EUR/],
  ];

  for (const [what, breakIt, message] of broken) {
    it(`${what}`, () => {
      const xml = breakIt(valid);
      expect(xml).not.toBe(valid);
      expect(() => mapping.validate(xml)).toThrow(XoevValidationError);
      expect(problemsOf(xml).join('\n')).toMatch(message);
    });
  }

  it('problems never quote the content (they end up in job errors)', () => {
    const xml = valid
      .replace('<geburtsdatum>1930-03-03</geburtsdatum>', '<geburtsdatum>Geheim 1930</geburtsdatum>')
      .replace('<code>geburtsurkunde</code>', '<code>Geheimcode</code>')
      .replace('art="ARS"', 'art="Geheimart"');
    const problems = problemsOf(xml);
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).not.toContain('Geheim');
  });

  it('the error message names the format and the first problems', () => {
    const xml = valid.replace('<code>geburtsurkunde</code>', '<code>reisepass</code>');
    expect(() => mapping.validate(xml)).toThrow(/^invalid XÖV document \(sac\.xpersonenstand-portal\.v1\): /);
  });

  it('building from answers that do not fit the format throws instead of returning a document', () => {
    const input = certificateOrderInput();
    input.answers = { ...input.answers, versandart: 'brieftaube', vorname: '' };
    expect(() => xoevFromInput(input)).toThrow(XoevValidationError);
    try {
      xoevFromInput(input);
    } catch (error) {
      const problems = (error as XoevValidationError).problems.join('\n');
      expect(problems).toMatch(/versandart\/code: value is not in code list/);
      expect(problems).not.toContain('brieftaube');
      expect(problems).toMatch(/antragsteller\/person\/name: required element vornamen is missing/);
    }
  });
});

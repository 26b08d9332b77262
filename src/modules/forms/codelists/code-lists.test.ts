import { describe, expect, it } from 'vitest';
import { CodeListRegistry } from './code-list-registry.ts';
import { countryCodeList, nationalityCodeList, shippedCodeLists } from './shipped-code-lists.ts';

describe('shipped FIM code lists', () => {
  it('finds a list by FIM id, canonicalUri and canonicalVersionUri', () => {
    const byId = shippedCodeLists.byId('C60000018');
    expect(byId?.name).toBe('Geschlecht');
    expect(shippedCodeLists.byCanonicalUri('urn:xpersonenstand:schluesseltabelle:geschlecht')).toBe(byId);
    expect(shippedCodeLists.byCanonicalVersionUri('urn:xpersonenstand:schluesseltabelle:geschlecht_3')).toBe(byId);
    expect(byId?.values.map((v) => v.code)).toEqual(['d', 'm', 'w', 'x']);
  });

  it('keeps the order of codes that look like numbers', () => {
    const rechtsform = shippedCodeLists.byKey('rechtsform-gaengig');
    expect(rechtsform?.values[0]).toEqual({
      code: '170',
      label: 'eingetragenes Einzelunternehmen (e.K.; e.Kfm.; e.Kfr.)',
    });
  });

  it('offers Staat as the country list and Staatsangehörigkeit as nationalities', () => {
    expect(countryCodeList().id).toBe('C60000020');
    expect(countryCodeList().values[0]).toEqual({ code: '000', label: 'Deutschland' });
    expect(nationalityCodeList().id).toBe('C60000019');
  });

  it('resolves the exact version first and says when only another version is shipped', () => {
    const exact = shippedCodeLists.resolve({
      canonicalUri: 'urn:de:dsmeld:schluesseltabelle:familienstand',
      canonicalVersionUri: 'urn:de:dsmeld:schluesseltabelle:familienstand_2',
    });
    expect(exact).toMatchObject({ exactVersion: true, list: { id: 'C60000001' } });
    const other = shippedCodeLists.resolve({ canonicalVersionUri: 'urn:de:dsmeld:schluesseltabelle:familienstand_3' });
    expect(other).toMatchObject({ exactVersion: false, list: { id: 'C60000001' } });
    expect(shippedCodeLists.resolve({ id: 'C60000001', version: '2' })?.exactVersion).toBe(true);
  });

  it('returns nothing for an unknown list', () => {
    expect(shippedCodeLists.resolve({ id: 'C123', canonicalVersionUri: 'urn:de:example_1' })).toBeUndefined();
    expect(shippedCodeLists.resolve({})).toBeUndefined();
  });

  it('rejects two lists with the same id', () => {
    const list = shippedCodeLists.byId('C60000018')!;
    expect(() => new CodeListRegistry([list, { ...list, key: 'copy' }])).toThrow(/C60000018/);
  });
});

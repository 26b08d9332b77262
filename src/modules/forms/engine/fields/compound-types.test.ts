import { describe, expect, it } from 'vitest';
import type { AddressField, FileField, InfoField, PrefilledField } from '../../definition/types.ts';
import { fieldTypes } from './registry.ts';
import { runField } from './testing.ts';

describe('address', () => {
  const field: AddressField = { id: 'a', type: 'address', label: 'Anschrift' };
  const full = { strasse: 'Breiter Weg', hausnummer: '12a', plz: '39104', ort: 'Magdeburg' };
  it.each([
    [full, { value: full }],
    [{ ...full, adresszusatz: ' c/o Müller ' }, { value: { ...full, adresszusatz: 'c/o Müller' } }],
    [{ strasse: '', hausnummer: '', plz: '', ort: '' }, { value: undefined }],
    [
      { ...full, hausnummer: '' },
      { code: 'addressPart', subfield: 'hausnummer' },
    ],
    [{ strasse: 'Breiter Weg' }, { code: 'addressPart', subfield: 'hausnummer' }],
    [
      { ...full, plz: '3910' },
      { code: 'postcode', subfield: 'plz' },
    ],
    [
      { ...full, ort: 'x'.repeat(20_000) },
      { code: 'tooLong', subfield: 'ort' },
    ],
    ['Breiter Weg 12', { value: undefined }],
  ])('%j → %j', (raw, expected) => {
    expect(runField(field, raw)).toEqual(expected);
  });

  it('formats as lines', () => {
    expect(fieldTypes.address.format({ ...full, adresszusatz: 'Hinterhaus' }, field, 'de')).toBe(
      'Breiter Weg 12a\nHinterhaus\n39104 Magdeburg',
    );
  });
});

describe('file', () => {
  const field: FileField = { id: 'f', type: 'file', label: 'Nachweis', maxFiles: 2 };
  const pdf = { id: 'u1', name: 'nachweis.pdf', size: '2048', mimeType: 'application/pdf' };
  const asMeta = (raw: typeof pdf) => ({ ...raw, size: Number(raw.size) });
  it.each([
    [[pdf], { value: [asMeta(pdf)] }],
    [{ 0: pdf }, { value: [asMeta(pdf)] }],
    [[{ ...pdf, size: String(10 * 1024 * 1024 + 1) }], { code: 'fileTooLarge' }],
    [[{ ...pdf, size: String(10 * 1024 * 1024) }], { value: [{ ...asMeta(pdf), size: 10 * 1024 * 1024 }] }],
    [[{ ...pdf, mimeType: 'application/x-msdownload' }], { code: 'fileType' }],
    [[pdf, pdf, pdf], { code: 'tooManyFiles' }],
    [[{ ...pdf, id: '' }], { value: undefined }],
    ['u1', { value: undefined }],
  ])('%j → %j', (raw, expected) => {
    expect(runField(field, raw)).toEqual(expected);
  });

  it('respects custom limits and minimum counts', () => {
    const strict: FileField = { ...field, maxBytes: 1000, accept: ['image/png'], minFiles: 2 };
    expect(runField(strict, [pdf]).code).toBe('fileTooLarge');
    expect(runField(strict, [{ ...pdf, size: '10' }]).code).toBe('fileType');
    expect(runField(strict, [{ ...pdf, size: '10', mimeType: 'image/png' }]).code).toBe('tooFewFiles');
  });
});

describe('info, hidden and locked', () => {
  it('info never has a value', () => {
    const info: InfoField = { id: 'i', type: 'info', text: 'Hinweis' };
    expect(runField(info, 'anything')).toEqual({ value: undefined });
    expect(fieldTypes.info.takesInput).toBe(false);
  });

  it.each(['hidden', 'locked'] as const)('%s takes no form input but keeps pre-filled text', (type) => {
    const field: PrefilledField = { id: 'p', type, label: 'Kennung' };
    expect(fieldTypes[type].takesInput).toBe(false);
    expect(runField(field, ' 4711 ')).toEqual({ value: '4711' });
  });
});

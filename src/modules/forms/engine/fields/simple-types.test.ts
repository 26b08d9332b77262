import { describe, expect, it } from 'vitest';
import type { SimpleInputField } from '../../definition/types.ts';
import { runField } from './testing.ts';

const field = (type: SimpleInputField['type']): SimpleInputField => ({ id: 'x', type, label: 'X' });

describe.each([
  [
    'time',
    [
      ['14:30', { value: '14:30' }],
      ['9:05', { value: '09:05' }],
      ['9.05', { value: '09:05' }],
      ['14:30 Uhr', { value: '14:30' }],
      ['24:00', { code: 'time' }],
      ['12:60', { code: 'time' }],
      ['1430', { code: 'time' }],
    ],
  ],
  [
    'email',
    [
      ['name@beispiel.de', { value: 'name@beispiel.de' }],
      [' a.b+c@sub.example.org ', { value: 'a.b+c@sub.example.org' }],
      ['name@beispiel', { code: 'email' }],
      ['name beispiel.de', { code: 'email' }],
      ['a@b@c.de', { code: 'email' }],
      [`${'a'.repeat(250)}@b.de`, { code: 'email' }],
    ],
  ],
  [
    'phone',
    [
      ['0391 1234567', { value: '0391 1234567' }],
      ['+49 (391) 123-45', { value: '+49 (391) 123-45' }],
      ['0391/123456', { value: '0391/123456' }],
      ['123', { code: 'phone' }],
      ['0391 abc', { code: 'phone' }],
    ],
  ],
  [
    'postcode',
    [
      ['01067', { value: '01067' }],
      [' 39104 ', { value: '39104' }],
      ['3910', { code: 'postcode' }],
      ['391044', { code: 'postcode' }],
      ['D-39104', { code: 'postcode' }],
    ],
  ],
  [
    'iban',
    [
      ['DE89 3704 0044 0532 0130 00', { value: 'DE89370400440532013000' }],
      ['de89370400440532013000', { value: 'DE89370400440532013000' }],
      ['DE89 3704 0044 0532 0130 01', { code: 'iban' }],
      ['DE89 3704 0044 0532 0130', { code: 'ibanLength' }],
      ['AT61 1904 3002 3457 3201', { value: 'AT611904300234573201' }],
      ['GB82 WEST 1234 5698 7654 32', { value: 'GB82WEST12345698765432' }],
      ['XX89370400440532013000', { code: 'iban' }],
      ['DE89-3704-0044-0532-0130-00', { code: 'ibanLength' }],
    ],
  ],
] as const)('%s', (type, cases) => {
  it.each(cases as unknown as [string, object][])('%j → %j', (raw, expected) => {
    expect(runField(field(type), raw)).toEqual(expected);
  });

  it('treats blank input as empty', () => {
    expect(runField(field(type), '   ')).toEqual({ value: undefined });
  });
});

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DataCipher } from './data-cipher.ts';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe('DataCipher', () => {
  it('round-trips text and JSON and never stores plaintext', () => {
    const c = new DataCipher([key('k1')]);
    const stored = c.encryptJson({ name: 'Erika Mustermann' }, 'draft-1');
    expect(stored).not.toContain('Erika');
    expect(stored.startsWith('v1.k1.')).toBe(true);
    expect(c.decryptJson(stored, 'draft-1')).toEqual({ name: 'Erika Mustermann' });
  });

  it('uses a fresh nonce per encryption', () => {
    const c = new DataCipher([key('k1')]);
    expect(c.encrypt('x')).not.toBe(c.encrypt('x'));
  });

  it('decrypts old data after key rotation and encrypts with the new key', () => {
    const old = key('old');
    const fresh = key('new');
    const stored = new DataCipher([old]).encrypt('geheim');
    const rotated = new DataCipher([fresh, old]);
    expect(rotated.decrypt(stored)).toBe('geheim');
    expect(rotated.encrypt('x').startsWith('v1.new.')).toBe(true);
  });

  it('fails on tampering, a wrong row binding or an unknown key', () => {
    const c = new DataCipher([key('k1')]);
    const stored = c.encrypt('geheim', 'row-a');
    expect(() => c.decrypt(stored, 'row-b')).toThrow();
    const parts = stored.split('.');
    parts[3] = Buffer.from('xxxxxx').toString('base64url');
    expect(() => c.decrypt(parts.join('.'), 'row-a')).toThrow();
    expect(() => new DataCipher([key('k2')]).decrypt(stored, 'row-a')).toThrow(/No data key/);
  });
});

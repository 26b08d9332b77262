import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { DataKey } from '../../config/index.ts';

/**
 * Encryption at rest for personal data: AES-256-GCM with a random 96-bit nonce. The stored form is
 * `v1.<keyId>.<nonce>.<ciphertext>.<tag>` (base64url), so keys can rotate: the first configured key
 * encrypts, every configured key can decrypt. `aad` binds a value to its row (e.g. the draft id), so a
 * ciphertext copied into another row does not decrypt.
 */
export class DataCipher {
  private readonly byId: Map<string, Buffer>;
  private readonly active: DataKey;

  constructor(keys: DataKey[]) {
    if (keys.length === 0) throw new Error('DataCipher needs at least one key');
    this.active = keys[0]!;
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  encrypt(plaintext: string | Buffer, aad = ''): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.active.key, nonce);
    cipher.setAAD(Buffer.from(aad));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const parts = [nonce, body, cipher.getAuthTag()].map((b) => b.toString('base64url'));
    return `v1.${this.active.id}.${parts.join('.')}`;
  }

  decryptToBuffer(stored: string, aad = ''): Buffer {
    const [version, keyId, nonce, body, tag] = stored.split('.');
    if (version !== 'v1' || !keyId || nonce === undefined || body === undefined || !tag)
      throw new Error('Unknown ciphertext format');
    const key = this.byId.get(keyId);
    if (!key) throw new Error(`No data key "${keyId}" configured`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
  }

  decrypt(stored: string, aad = ''): string {
    return this.decryptToBuffer(stored, aad).toString('utf8');
  }

  encryptJson(value: unknown, aad = ''): string {
    return this.encrypt(JSON.stringify(value), aad);
  }

  decryptJson<T>(stored: string, aad = ''): T {
    return JSON.parse(this.decrypt(stored, aad)) as T;
  }

  /** Id of the key new data is encrypted with (stored next to ciphertexts for rotation reports). */
  get activeKeyId(): string {
    return this.active.id;
  }
}

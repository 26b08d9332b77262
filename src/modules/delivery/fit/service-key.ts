import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { Kysely } from 'kysely';
import type { DataCipher } from '../../../platform/crypto/data-cipher.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { SET_ALGORITHM } from '../crypto/security-event-token.ts';

/** SAC's own PS512 key for the SETs it issues (create/submit events), published at `/.well-known/jwks.json`. */
export interface ServiceKey {
  kid: string;
  publicJwk: JWK;
  privateKey: CryptoKey;
}

const cache = new WeakMap<Kysely<DB>, Promise<ServiceKey>>();

async function loadOrCreate(db: Kysely<DB>, cipher: DataCipher, now: Date): Promise<ServiceKey> {
  let row = await db.selectFrom('fit_service_keys').selectAll().orderBy('created_at').orderBy('kid').executeTakeFirst();
  if (!row) {
    const pair = await generateKeyPair(SET_ALGORITHM, { modulusLength: 3072, extractable: true });
    const kid = `sac-set-${now.toISOString().slice(0, 10)}-${crypto.randomUUID().slice(0, 8)}`;
    const common = { kid, alg: SET_ALGORITHM, use: 'sig' };
    const publicJwk = { ...(await exportJWK(pair.publicKey)), ...common, key_ops: ['verify'] };
    const privateJwk = { ...(await exportJWK(pair.privateKey)), ...common };
    await db
      .insertInto('fit_service_keys')
      .values({
        kid,
        public_jwk: JSON.stringify(publicJwk),
        private_jwk: cipher.encryptJson(privateJwk, kid),
        created_at: now,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    // Two processes may race on the first start: both then use the oldest key.
    row = await db
      .selectFrom('fit_service_keys')
      .selectAll()
      .orderBy('created_at')
      .orderBy('kid')
      .executeTakeFirstOrThrow();
  }
  const privateJwk = cipher.decryptJson<JWK>(row.private_jwk, row.kid);
  return {
    kid: row.kid,
    publicJwk: JSON.parse(row.public_jwk) as JWK,
    privateKey: (await importJWK(privateJwk, SET_ALGORITHM)) as CryptoKey,
  };
}

/** The service key of this database, generated on first use and then cached for the process. */
export function serviceKey(db: Kysely<DB>, cipher: DataCipher, now: Date): Promise<ServiceKey> {
  let key = cache.get(db);
  if (!key) {
    key = loadOrCreate(db, cipher, now);
    key.catch(() => cache.delete(db));
    cache.set(db, key);
  }
  return key;
}

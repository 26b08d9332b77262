import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const STORAGE_KEY = /^[0-9a-f]{32}$/;

/** A fresh random storage key: 128 bits as hex. Never derived from the file name. */
export function newStorageKey(): string {
  return randomBytes(16).toString('hex');
}

/** Root of all upload files: `<dataDir>/uploads`. */
export function uploadsRoot(dataDir: string): string {
  return path.join(path.resolve(dataDir), 'uploads');
}

/** `<dataDir>/uploads/<first two hex chars>/<key>`; refuses anything that is not a storage key. */
export function storagePath(dataDir: string, storageKey: string): string {
  if (!STORAGE_KEY.test(storageKey)) throw new Error('Invalid upload storage key');
  return path.join(uploadsRoot(dataDir), storageKey.slice(0, 2), storageKey);
}

/** Writes the (already encrypted) content via a temporary file and rename, so no partial file is ever visible. */
export async function writeStoredFile(dataDir: string, storageKey: string, data: string): Promise<void> {
  const target = storagePath(dataDir, storageKey);
  await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  const temp = `${target}.tmp`;
  try {
    await writeFile(temp, data, { flag: 'wx', mode: 0o600 });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export async function readStoredFile(dataDir: string, storageKey: string): Promise<string> {
  return readFile(storagePath(dataDir, storageKey), 'utf8');
}

/** Removes a stored file; a file that is already gone is fine. */
export async function removeStoredFile(dataDir: string, storageKey: string): Promise<void> {
  await rm(storagePath(dataDir, storageKey), { force: true });
}

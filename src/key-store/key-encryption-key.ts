import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createPrivateFileOnce } from '../crypto/private-key-file';

/** The file in the data folder that keeps the embedded default's generated key-encryption key. */
export function keyEncryptionKeyFilePath(dataDir: string): string {
  return path.join(dataDir, 'keys', 'key-encryption-key');
}

/**
 * The key that wraps every data key in the key folder: the configured one, or else the data folder's, generated on
 * first use so that a fresh machine just works. A file that holds no 32-byte base64 key is an error naming it.
 */
export function loadKeyEncryptionKey(dataDir: string, configured: Buffer | undefined): Buffer {
  if (configured !== undefined) return configured;
  const file = keyEncryptionKeyFilePath(dataDir);
  if (!fs.existsSync(file)) createPrivateFileOnce(file, `${randomBytes(32).toString('base64')}\n`);
  const text = fs.readFileSync(file, 'utf8').trim();
  const key = Buffer.from(text, 'base64');
  if (key.length !== 32 || key.toString('base64') !== text) {
    throw new Error(`the key-encryption key file ${file} does not hold a 32-byte base64 key; restore it from its backup (without it no data key unwraps)`);
  }
  return key;
}

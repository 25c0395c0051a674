import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Encrypts a data key under the key-encryption key; the key id is authenticated, so a wrapped key cannot be renamed. */
export function wrapDataKey(keyEncryptionKey: Buffer, keyId: string, dataKey: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyEncryptionKey, iv);
  cipher.setAAD(Buffer.from(keyId, 'utf8'));
  return Buffer.concat([iv, cipher.update(dataKey), cipher.final(), cipher.getAuthTag()]).toString('base64');
}

/** The data key inside a wrapped one (base64 of iv, ciphertext and tag); throws when the key or the id does not match. */
export function unwrapDataKey(keyEncryptionKey: Buffer, keyId: string, wrapped: string): Buffer {
  const bytes = Buffer.from(wrapped, 'base64');
  if (bytes.length <= IV_BYTES + TAG_BYTES) throw new Error('the wrapped key is too short');
  const decipher = createDecipheriv('aes-256-gcm', keyEncryptionKey, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(keyId, 'utf8'));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
}

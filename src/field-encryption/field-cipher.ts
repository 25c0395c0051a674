import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { DataKey } from '../key-store/data-key-store.port';
import { sealedKeyId, type SealedValue } from './sealed-value';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Where a sealed value belongs: binding it there means a value copied into another case or field no longer opens. */
export interface SealedPlace {
  readonly caseId: string;
  readonly field: string;
}

/** Seals a value's JSON under the key, authenticating the key id and the place with it. */
export function sealValue(value: unknown, key: DataKey, place: SealedPlace): SealedValue {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key.key, iv);
  cipher.setAAD(additionalData(key.keyId, place));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return { $sealed: `${key.keyId}:${Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString('base64')}` };
}

/** The value a sealed value holds; throws when the ciphertext, its key id or its place was altered. */
export function openValue(sealed: SealedValue, key: Buffer, place: SealedPlace): unknown {
  const keyId = sealedKeyId(sealed);
  const bytes = Buffer.from(sealed.$sealed.slice(keyId.length + 1), 'base64');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error('the sealed value is too short');
  const decipher = createDecipheriv(ALGORITHM, key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(additionalData(keyId, place));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  const plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
  return JSON.parse(plain.toString('utf8'));
}

// Newlines cannot occur in a case id or a field path, so the parts cannot be shifted into one another.
function additionalData(keyId: string, place: SealedPlace): Buffer {
  return Buffer.from(`${keyId}\n${place.caseId}\n${place.field}`, 'utf8');
}

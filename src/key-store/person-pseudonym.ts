import { createHash, createHmac } from 'node:crypto';

// 128 bits: no two people of the country meet in it, and it stays well inside a key id's length.
const PSEUDONYM_HEX_CHARS = 32;

/** A person id from a keyed hash of the text: hexadecimal, so it is a valid part of a key id. */
export function pseudonymFromMac(mac: Buffer | string): string {
  return createHash('sha256').update(mac).digest('hex').slice(0, PSEUDONYM_HEX_CHARS);
}

/**
 * The folder store's pseudonym: an HMAC-SHA256 of the text under a secret derived from the key-encryption key, so the
 * secret lives wherever that key does and never in the database.
 */
export function folderPseudonym(keyEncryptionKey: Buffer, text: string): string {
  const secret = createHmac('sha256', keyEncryptionKey).update('brigade person pseudonym v1').digest();
  return pseudonymFromMac(createHmac('sha256', secret).update(text, 'utf8').digest());
}

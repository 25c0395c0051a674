import { createHash, createPublicKey, sign, type KeyObject } from 'node:crypto';
import { decodeStrictBase64 } from './strict-base64';

// The C2SP signed-note signature type of Ed25519, hashed into key ids and prefixed to public keys in verifier key text.
const ED25519_TYPE = 0x01;
const ED25519_PUBLIC_KEY_SIZE = 32;

/** Signs note text under a key name; `keyId` is what signature lines carry to say which key signed. */
export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  sign(message: Buffer): Buffer;
}

/** A public key a note reader trusts, under its name and key id. */
export interface NoteVerifierKey {
  readonly name: string;
  readonly keyId: number;
  readonly publicKey: KeyObject;
}

/** Whether `name` may name a note key: not empty, and no whitespace, plus sign or control character. */
export function isValidKeyName(name: string): boolean {
  return /^[^\s+\p{Cc}]+$/u.test(name);
}

/** The C2SP key id of an Ed25519 key: the first four bytes, big-endian, of SHA-256(name || 0x0A || 0x01 || public key). */
export function keyIdOf(name: string, publicKey: KeyObject): number {
  requireKeyName(name);
  const digest = createHash('sha256')
    .update(name, 'utf8')
    .update(Buffer.from([0x0a, ED25519_TYPE]))
    .update(rawEd25519PublicKey(publicKey))
    .digest();
  return digest.readUInt32BE(0);
}

/** A note signer for an Ed25519 private key under `name`. */
export function createNoteSigner(name: string, privateKey: KeyObject): NoteSigner {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519') {
    throw new TypeError(`a note signer needs an Ed25519 private key, not ${describeKey(privateKey)}`);
  }
  const keyId = keyIdOf(name, createPublicKey(privateKey));
  return { name, keyId, sign: (message) => sign(null, message, privateKey) };
}

/** The verifier key text of an Ed25519 public key, as Go's sumdb/note writes it: `<name>+<hex key id>+<base64(0x01 || key)>`. */
export function verifierKeyText(name: string, publicKey: KeyObject): string {
  const encoded = Buffer.concat([Buffer.from([ED25519_TYPE]), rawEd25519PublicKey(publicKey)]).toString('base64');
  return `${name}+${formatKeyId(keyIdOf(name, publicKey))}+${encoded}`;
}

/** The verifier key that verifier key text describes; text that is malformed, of another algorithm or with a key id that does not match is an error naming the problem. */
export function parseVerifierKey(text: string): NoteVerifierKey {
  const refuse = (problem: string) => new Error(`the verifier key "${text}" ${problem}`);
  // Base64 may contain "+", but the name and the key id may not, so only the first two split the text.
  const match = /^([^+]*)\+([^+]*)\+(.*)$/s.exec(text);
  if (!match) throw refuse('is not <name>+<key id>+<key>');
  const [, name, keyIdText, keyText] = match;
  if (!isValidKeyName(name)) throw refuse('has a name that is empty or holds whitespace, a plus sign or a control character');
  if (!/^[0-9a-f]{8}$/.test(keyIdText)) throw refuse('has a key id that is not 8 lowercase hex digits');
  const key = decodeStrictBase64(keyText);
  if (!key) throw refuse('has a key that is not standard base64');
  if (key[0] !== ED25519_TYPE) throw refuse(`is for signature type ${key[0] ?? 'none'}, and only Ed25519 (1) is supported`);
  if (key.length !== 1 + ED25519_PUBLIC_KEY_SIZE) throw refuse(`holds a ${key.length - 1}-byte key, not a ${ED25519_PUBLIC_KEY_SIZE}-byte Ed25519 key`);
  const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.subarray(1).toString('base64url') }, format: 'jwk' });
  const keyId = keyIdOf(name, publicKey);
  if (formatKeyId(keyId) !== keyIdText) throw refuse(`has key id ${keyIdText}, but its name and key give ${formatKeyId(keyId)}`);
  return { name, keyId, publicKey };
}

/** A key id as the eight hex digits verifier key text and messages show. */
export function formatKeyId(keyId: number): string {
  return keyId.toString(16).padStart(8, '0');
}

function rawEd25519PublicKey(publicKey: KeyObject): Buffer {
  if (publicKey.type !== 'public' || publicKey.asymmetricKeyType !== 'ed25519') {
    throw new TypeError(`expected an Ed25519 public key, not ${describeKey(publicKey)}`);
  }
  // The JWK form carries exactly the 32-byte RFC 8032 encoding, without the SPKI wrapping of DER.
  return Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
}

function requireKeyName(name: string): void {
  if (!isValidKeyName(name)) throw new RangeError(`the key name "${name}" must be non-empty, without whitespace, plus signs or control characters`);
}

function describeKey(key: KeyObject): string {
  return key.asymmetricKeyType ? `an ${key.asymmetricKeyType} ${key.type} key` : 'a secret key';
}

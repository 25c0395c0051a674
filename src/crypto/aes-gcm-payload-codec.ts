import type { Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { TamperedPayloadError, UnknownPayloadKeyError } from './payload-codec.errors';
import type { PayloadKeyring } from './payload-keyring';

/** The `encoding` metadata of a payload this codec encrypted. */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
/** The metadata entry that names the key an encrypted payload needs. */
export const KEY_ID_METADATA = 'encryption-key-id';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const ProtoPayload = temporal.api.common.v1.Payload;
const utf8 = new TextEncoder();
const text = new TextDecoder();

/**
 * Encrypts every Temporal payload with AES-256-GCM under the active key, naming the key in the metadata, and decrypts
 * with whichever known key a payload names. Payloads that were never encrypted pass through, so old histories still read.
 */
export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly keys: ReadonlyMap<string, Buffer>;
  private readonly activeKeyId: string | undefined;
  /** Where the keys came from, for messages about a missing one. */
  readonly keySource: string;

  constructor(keyring: PayloadKeyring) {
    this.keys = new Map(keyring.keys.map(({ id, key }) => [id, key]));
    if (keyring.activeKeyId !== undefined && !this.keys.has(keyring.activeKeyId)) {
      throw new Error(`the active payload key "${keyring.activeKeyId}" is not among the keys from ${keyring.source}`);
    }
    this.activeKeyId = keyring.activeKeyId;
    this.keySource = keyring.source;
  }

  /** The ids of the keys this codec can decrypt with. */
  get keyIds(): readonly string[] {
    return [...this.keys.keys()];
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.encrypt(payload));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.decrypt(payload));
  }

  private encrypt(payload: Payload): Payload {
    const keyId = this.activeKeyId;
    if (keyId === undefined) throw new Error('this process holds no active payload key, so it can read but not write Temporal payloads');
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(keyId)!, iv);
    // The key id is authenticated too: relabelling a payload with another key's id makes it fail, not decrypt.
    cipher.setAAD(utf8.encode(keyId));
    const plain = ProtoPayload.encode(payload).finish();
    const data = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return { metadata: { encoding: utf8.encode(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: utf8.encode(keyId) }, data };
  }

  private decrypt(payload: Payload): Payload {
    const metadata = payload.metadata ?? {};
    if (!metadata.encoding || text.decode(metadata.encoding) !== ENCRYPTED_ENCODING) return payload;
    const keyId = metadata[KEY_ID_METADATA] ? text.decode(metadata[KEY_ID_METADATA]) : '';
    if (keyId === '') throw new TamperedPayloadError('<none>', `its metadata has no ${KEY_ID_METADATA}`);
    const key = this.keys.get(keyId);
    if (!key) throw new UnknownPayloadKeyError(keyId, this.keyIds);
    const data = payload.data ?? new Uint8Array();
    if (data.length < IV_BYTES + TAG_BYTES) throw new TamperedPayloadError(keyId, `it holds ${data.length} bytes, too few for an IV and a tag`);
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
    decipher.setAAD(utf8.encode(keyId));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new TamperedPayloadError(keyId, 'its authentication tag does not match (the payload was altered, or the key with that id has other bytes)');
    }
    const { metadata: innerMetadata, data: innerData } = ProtoPayload.decode(plain);
    return { metadata: innerMetadata, data: innerData };
  }
}

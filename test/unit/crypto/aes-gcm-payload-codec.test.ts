import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { randomBytes } from 'node:crypto';
import { AesGcmPayloadCodec, ENCRYPTED_ENCODING, KEY_ID_METADATA } from '../../../src/crypto/aes-gcm-payload-codec';
import { TamperedPayloadError, UnknownPayloadKeyError } from '../../../src/crypto/payload-codec.errors';

const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('utf8');
const aKey = (id: string) => ({ id, key: randomBytes(32) });
const codecWith = (activeKeyId: string | undefined, ...keys: Array<{ id: string; key: Buffer }>) =>
  new AesGcmPayloadCodec({ activeKeyId, keys, source: 'the test' });

describe('the AES-256-GCM payload codec', () => {
  const old = aKey('2026-01');
  const current = aKey('2026-07');
  const sut = codecWith(current.id, old, current);
  const secret = { description: 'Wethouder J. de Boer ontvangt dreigberichten', officeHolder: { name: 'J. de Boer' } };
  const plain = (): Payload => defaultPayloadConverter.toPayload(secret);

  it('encrypts a payload so that neither its data nor its metadata shows, and names the key', async () => {
    const [encrypted] = await sut.encode([plain()]);

    expect(text(encrypted.metadata?.encoding)).toBe(ENCRYPTED_ENCODING);
    expect(text(encrypted.metadata?.[KEY_ID_METADATA])).toBe('2026-07');
    expect(Object.keys(encrypted.metadata ?? {}).sort()).toEqual(['encoding', KEY_ID_METADATA]);
    expect(Buffer.from(encrypted.data!).includes('de Boer')).toBe(false);
    expect(Buffer.from(encrypted.data!).includes('json/plain')).toBe(false);
  });

  it('gives the original payload back, metadata and data, after a round trip', async () => {
    const original = plain();

    const [decoded] = await sut.decode(await sut.encode([original]));

    expect(text(decoded.metadata?.encoding)).toBe('json/plain');
    expect(defaultPayloadConverter.fromPayload(decoded)).toEqual(secret);
  });

  it('encrypts the same payload differently each time (a fresh IV per payload)', async () => {
    const [first, second] = await sut.encode([plain(), plain()]);

    expect(Buffer.from(first.data!).equals(Buffer.from(second.data!))).toBe(false);
  });

  describe('when keys rotate', () => {
    it('still decrypts what the old key encrypted, and encrypts with the new one', async () => {
      const before = codecWith(old.id, old);
      const [written] = await before.encode([plain()]);

      const [read] = await sut.decode([written]);
      const [rewritten] = await sut.encode([plain()]);

      expect(defaultPayloadConverter.fromPayload(read)).toEqual(secret);
      expect(text(rewritten.metadata?.[KEY_ID_METADATA])).toBe(current.id);
    });
  });

  it('refuses a payload encrypted with a key it does not hold, naming the key id', async () => {
    const [foreign] = await codecWith('2025-01', aKey('2025-01')).encode([plain()]);

    const error = await sut.decode([foreign]).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UnknownPayloadKeyError);
    expect((error as Error).message).toContain('"2025-01"');
    expect((error as Error).message).toContain('BRIGADE_PAYLOAD_KEYS');
  });

  it.each([
    ['a flipped ciphertext bit', (data: Buffer) => data[20] ^= 0x01],
    ['a flipped IV bit', (data: Buffer) => data[0] ^= 0x80],
    ['a flipped tag bit', (data: Buffer) => data[data.length - 1] ^= 0x01],
  ])('refuses a payload with %s, naming the key id', async (_name, tamper) => {
    const [encrypted] = await sut.encode([plain()]);
    const data = Buffer.from(encrypted.data!);
    tamper(data);

    await expect(sut.decode([{ ...encrypted, data }])).rejects.toThrow(TamperedPayloadError);
    await expect(sut.decode([{ ...encrypted, data }])).rejects.toThrow(/key "2026-07" does not decrypt/);
  });

  it('refuses a payload relabelled with another known key id', async () => {
    const [encrypted] = await sut.encode([plain()]);
    const relabelled = { ...encrypted, metadata: { ...encrypted.metadata, [KEY_ID_METADATA]: Buffer.from(old.id) } };

    await expect(sut.decode([relabelled])).rejects.toThrow(/key "2026-01" does not decrypt/);
  });

  it('refuses a truncated payload, naming the key id', async () => {
    const [encrypted] = await sut.encode([plain()]);

    await expect(sut.decode([{ ...encrypted, data: encrypted.data!.subarray(0, 20) }])).rejects.toThrow(/key "2026-07".*too few/);
  });

  it('passes payloads that were never encrypted through unchanged, so histories from before encryption still read', async () => {
    const unencrypted = [plain(), defaultPayloadConverter.toPayload(undefined), defaultPayloadConverter.toPayload(new Uint8Array([1, 2, 3]))];

    await expect(sut.decode(unencrypted)).resolves.toStrictEqual(unencrypted);
  });

  it('reads but cannot write without an active key', async () => {
    const reader = codecWith(undefined, current);
    const [encrypted] = await sut.encode([plain()]);

    await expect(reader.decode([encrypted])).resolves.toHaveLength(1);
    await expect(reader.encode([plain()])).rejects.toThrow(/no active payload key/);
  });
});

import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync } from 'node:fs';
import { mkdtemp, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { dataKeyFolderPath, FolderDataKeyStore } from '../../src/key-store/folder-data-key-store';
import type { DataKeyScope, KeyDestruction } from '../../src/key-store/data-key-store.port';
import { keyEncryptionKeyFilePath } from '../../src/key-store/key-encryption-key';
import { DataKeyDestroyedError, KeyStoreUnavailableError } from '../../src/key-store/key-store.errors';
import { inKeyStoreProcess } from '../support/key-store-process';

const NOBODY = 65534;

const aCase = (): DataKeyScope => ({ kind: 'case', caseId: randomUUID() });
const erasure = (): KeyDestruction => ({ reason: 'erasure', reference: `erasure-${randomUUID()}`, destroyedAt: '2025-03-01T10:00:00.000Z' });

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

async function bytesUnder(folder: string): Promise<Buffer> {
  return Buffer.concat(await Promise.all((await filesUnder(folder)).map((file) => readFile(file))));
}

describe('the folder data key store', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'brigade-keys-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  describe('when a case asks for its key', () => {
    it('creates a 32-byte key once and hands out the same one afterwards, also after a restart', async () => {
      const sut = FolderDataKeyStore.open(dataDir);
      const scope = aCase();
      const first = await sut.keyFor(scope);
      expect(first.keyId).toBe(`case-${(scope as { caseId: string }).caseId}`);
      expect(first.key).toHaveLength(32);
      await expect(sut.keyFor(scope)).resolves.toEqual(first);
      await expect(FolderDataKeyStore.open(dataDir).keyFor(scope)).resolves.toEqual(first);
      await expect(FolderDataKeyStore.open(dataDir).find(first.keyId)).resolves.toEqual({ state: 'active', key: first.key });
    });

    it('names keys by scope and refuses ids that could leave the folder', async () => {
      const sut = FolderDataKeyStore.open(dataDir);
      expect(sut.keyIdFor({ kind: 'person', personId: 'p-42' })).toBe('person-p-42');
      expect(() => sut.keyIdFor({ kind: 'case', caseId: '../x' })).toThrow(/cannot name a data key/);
      await expect(sut.keyFor({ kind: 'person', personId: 'a/b' })).rejects.toThrow(/cannot name a data key/);
      await expect(sut.find('../../etc/passwd')).rejects.toThrow(/cannot name a data key/);
      await expect(sut.destroy('case-a.b', erasure())).rejects.toThrow(/cannot name a data key/);
    });

    it('keeps the key wrapped in a private file of its own, in a private folder', async () => {
      const sut = FolderDataKeyStore.open(dataDir);
      const { keyId, key } = await sut.keyFor(aCase());
      const file = path.join(dataKeyFolderPath(dataDir), `${keyId}.key`);
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect((await stat(dataKeyFolderPath(dataDir))).mode & 0o777).toBe(0o700);
      expect((await stat(keyEncryptionKeyFilePath(dataDir))).mode & 0o777).toBe(0o600);
      const record = JSON.parse(await readFile(file, 'utf8'));
      expect(record).toEqual({ keyId, createdAt: expect.any(String), wrapped: expect.any(String) });
      expect((await bytesUnder(dataDir)).includes(key)).toBe(false);
      // The key, and the receipt that it was made, which outlives it.
      expect(await readdir(dataKeyFolderPath(dataDir))).toEqual([`${keyId}.key`, `${keyId}.made`]);
    });

    it('answers unknown for a key id it never made', async () => {
      await expect(FolderDataKeyStore.open(dataDir).find(`case-${randomUUID()}`)).resolves.toEqual({ state: 'unknown' });
    });
  });

  describe('when two processes ask for the same new key at once', () => {
    it('gives both store instances on one folder the same key', async () => {
      const [a, b] = [FolderDataKeyStore.open(dataDir), FolderDataKeyStore.open(dataDir)];
      const scopes = Array.from({ length: 20 }, aCase);
      const keys = await Promise.all(scopes.flatMap((scope) => [a.keyFor(scope), b.keyFor(scope)]));
      for (let i = 0; i < keys.length; i += 2) expect(keys[i]).toEqual(keys[i + 1]);
    });

    it('gives separate processes the same key, and this one too', async () => {
      FolderDataKeyStore.open(dataDir);
      const scope = aCase();
      const startAt = Date.now() + 1_500;
      const body = `process.stdout.write((await store.keyFor(${JSON.stringify(scope)})).key.toString('base64'));`;
      const keys = await Promise.all([1, 2, 3].map(() => inKeyStoreProcess(dataDir, body, { startAt })));
      expect(new Set(keys).size).toBe(1);
      expect((await FolderDataKeyStore.open(dataDir).keyFor(scope)).key.toString('base64')).toBe(keys[0]);
      expect((await readdir(dataKeyFolderPath(dataDir))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    });
  });

  describe('when a key is destroyed', () => {
    it('leaves a tombstone, refuses the scope for good and tells when it was destroyed', async () => {
      const sut = FolderDataKeyStore.open(dataDir);
      const scope = aCase();
      const { keyId } = await sut.keyFor(scope);
      const destruction = erasure();
      await sut.destroy(keyId, destruction);
      await expect(sut.find(keyId)).resolves.toEqual({ state: 'destroyed', destroyedAt: destruction.destroyedAt });
      await expect(sut.keyFor(scope)).rejects.toThrow(DataKeyDestroyedError);
      await expect(FolderDataKeyStore.open(dataDir).keyFor(scope)).rejects.toThrow(`data key ${keyId} was destroyed at ${destruction.destroyedAt}`);
      expect(await readdir(dataKeyFolderPath(dataDir))).toEqual([`${keyId}.destroyed`, `${keyId}.made`]);
      const tombstone = JSON.parse(await readFile(path.join(dataKeyFolderPath(dataDir), `${keyId}.destroyed`), 'utf8'));
      expect(tombstone).toEqual({ keyId, ...destruction });
    });

    it('overwrites the key file with zeros before removing it, so its bytes are nowhere in the folder', async () => {
      const sut = FolderDataKeyStore.open(dataDir);
      const { keyId, key } = await sut.keyFor(aCase());
      const file = path.join(dataKeyFolderPath(dataDir), `${keyId}.key`);
      const wrapped = Buffer.from(JSON.parse(await readFile(file, 'utf8')).wrapped, 'base64');
      const before = await readFile(file);
      // An open handle still reaches the file's blocks after the name is gone: they must hold zeros by then.
      const handle = await open(file, 'r');
      try {
        await sut.destroy(keyId, erasure());
        const left = Buffer.alloc(before.length, 0xff);
        await handle.read(left, 0, left.length, 0);
        expect(left.equals(Buffer.alloc(before.length))).toBe(true);
      } finally {
        await handle.close();
      }
      const everything = await bytesUnder(dataDir);
      for (const secret of [key, wrapped, before, Buffer.from(wrapped.toString('base64'))]) expect(everything.includes(secret)).toBe(false);
    });

    it('records a tombstone for a key that never existed, so it is never created later', async () => {
      const sut = FolderDataKeyStore.open(dataDir);
      const scope = aCase();
      await sut.destroy(sut.keyIdFor(scope), erasure());
      await expect(sut.keyFor(scope)).rejects.toThrow(DataKeyDestroyedError);
    });

    it('keeps the first tombstone when destroyed again, and finishes a destruction that stopped halfway', async () => {
      const sut = FolderDataKeyStore.open(dataDir);
      const { keyId } = await sut.keyFor(aCase());
      const first = erasure();
      const folder = dataKeyFolderPath(dataDir);
      // As if a destroy had written its tombstone and died before shredding.
      await writeFile(path.join(folder, `${keyId}.destroyed`), JSON.stringify({ keyId, ...first }), { mode: 0o600 });
      await expect(FolderDataKeyStore.open(dataDir).find(keyId)).resolves.toEqual({ state: 'destroyed', destroyedAt: first.destroyedAt });
      await sut.destroy(keyId, { ...erasure(), destroyedAt: '2025-04-01T00:00:00.000Z' });
      expect(await readdir(folder)).toEqual([`${keyId}.destroyed`, `${keyId}.made`]);
      await expect(sut.find(keyId)).resolves.toEqual({ state: 'destroyed', destroyedAt: first.destroyedAt });
    });

    it('is seen by a process that still holds the key in memory within the cache bound, and only then', async () => {
      let now = 1_000_000;
      const holder = FolderDataKeyStore.open(dataDir, undefined, { cacheTtlMs: 5_000, now: () => now });
      const scope = aCase();
      const { keyId } = await holder.keyFor(scope);
      await FolderDataKeyStore.open(dataDir).destroy(keyId, erasure());
      now += 4_999;
      await expect(holder.keyFor(scope)).resolves.toMatchObject({ keyId });
      now += 1;
      await expect(holder.keyFor(scope)).rejects.toThrow(DataKeyDestroyedError);
      await expect(holder.find(keyId)).resolves.toMatchObject({ state: 'destroyed' });
    });

    it('is refused at once by the process that destroyed it, whatever it had in memory', async () => {
      const sut = FolderDataKeyStore.open(dataDir, undefined, { cacheTtlMs: 60_000 });
      const scope = aCase();
      const { keyId } = await sut.keyFor(scope);
      await sut.destroy(keyId, erasure());
      await expect(sut.keyFor(scope)).rejects.toThrow(DataKeyDestroyedError);
    });

    it('is seen by another process that asks for the same scope', async () => {
      const sut = FolderDataKeyStore.open(dataDir);
      const scope = aCase();
      const { keyId } = await sut.keyFor(scope);
      await sut.destroy(keyId, erasure());
      await expect(inKeyStoreProcess(dataDir, `await store.keyFor(${JSON.stringify(scope)});`)).resolves.toMatch(/^error DataKeyDestroyedError: /);
    });
  });

  describe('when the key-encryption key comes from configuration or the data folder', () => {
    it('uses the configured key and writes no key file', async () => {
      const kek = randomBytes(32);
      const scope = aCase();
      const { key } = await FolderDataKeyStore.open(dataDir, kek).keyFor(scope);
      await expect(stat(keyEncryptionKeyFilePath(dataDir))).rejects.toMatchObject({ code: 'ENOENT' });
      await expect(FolderDataKeyStore.open(dataDir, Buffer.from(kek)).keyFor(scope)).resolves.toMatchObject({ key });
    });

    it('generates a key file once and keeps using it', async () => {
      FolderDataKeyStore.open(dataDir);
      const kek = await readFile(keyEncryptionKeyFilePath(dataDir), 'utf8');
      expect(Buffer.from(kek.trim(), 'base64')).toHaveLength(32);
      FolderDataKeyStore.open(dataDir);
      await expect(readFile(keyEncryptionKeyFilePath(dataDir), 'utf8')).resolves.toBe(kek);
    });

    it('refuses to open with a key-encryption key that unwraps none of its data keys', async () => {
      await FolderDataKeyStore.open(dataDir).keyFor(aCase());

      expect(() => FolderDataKeyStore.open(dataDir, randomBytes(32)))
        .toThrow(`unwraps none of the data keys in ${dataKeyFolderPath(dataDir)}: it is not the key they were wrapped with`);
    });

    it('refuses to make a new key-encryption key file where data keys wait for the lost one, and opens once it is back', async () => {
      // Found by the attack pass: a moved-away file was silently replaced, and every sealed field answered 500.
      const { keyId, key } = await FolderDataKeyStore.open(dataDir).keyFor(aCase());
      const kekFile = keyEncryptionKeyFilePath(dataDir);
      const kek = await readFile(kekFile, 'utf8');
      await rm(kekFile);

      expect(() => FolderDataKeyStore.open(dataDir)).toThrow(`the key-encryption key file ${kekFile} is missing, but ${dataKeyFolderPath(dataDir)} holds 1 data keys wrapped by it`);
      await expect(stat(kekFile)).rejects.toMatchObject({ code: 'ENOENT' });
      await writeFile(kekFile, kek, { mode: 0o600 });
      await expect(FolderDataKeyStore.open(dataDir).find(keyId)).resolves.toEqual({ state: 'active', key });
    });

    it('refuses to make a key anew whose file is gone without a tombstone, naming it, and finds it again once restored', async () => {
      // Found by the attack pass: a deleted key file was silently replaced, and the case's old and new fields split between two keys.
      const scope = aCase();
      const { keyId, key } = await FolderDataKeyStore.open(dataDir).keyFor(scope);
      const file = path.join(dataKeyFolderPath(dataDir), `${keyId}.key`);
      const saved = await readFile(file, 'utf8');
      await rm(file);
      const sut = FolderDataKeyStore.open(dataDir);

      await expect(sut.keyFor(scope)).rejects.toThrow(`data key ${keyId} at ${file} cannot be read: the file is gone, though this store made the key at`);
      await expect(sut.find(keyId)).rejects.toThrow('restore it from the key folder\'s backup');
      await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
      await writeFile(file, saved, { mode: 0o600 });
      await expect(sut.keyFor(scope)).resolves.toEqual({ keyId, key });
    });

    it('names the one key file that does not unwrap among others that do', async () => {
      const sut = FolderDataKeyStore.open(dataDir);
      await sut.keyFor(aCase());
      const { keyId } = await sut.keyFor(aCase());
      const file = path.join(dataKeyFolderPath(dataDir), `${keyId}.key`);
      const record = JSON.parse(await readFile(file, 'utf8'));
      await writeFile(file, JSON.stringify({ ...record, wrapped: randomBytes(60).toString('base64') }));

      await expect(FolderDataKeyStore.open(dataDir).find(keyId)).rejects.toThrow(`${file} cannot be read: it does not unwrap with the key-encryption key in use`);
    });

    it('refuses a key-encryption key file that holds no key, naming it', async () => {
      mkdirSync(path.join(dataDir, 'keys'), { mode: 0o700 });
      await writeFile(keyEncryptionKeyFilePath(dataDir), 'not a key\n', { mode: 0o600 });
      expect(() => FolderDataKeyStore.open(dataDir)).toThrow(`the key-encryption key file ${keyEncryptionKeyFilePath(dataDir)} does not hold a 32-byte base64 key`);
    });
  });

  describe('when the folder or a file is damaged', () => {
    it('names a key file that is not JSON', async () => {
      const sut = FolderDataKeyStore.open(dataDir);
      const keyId = `case-${randomUUID()}`;
      const file = path.join(dataKeyFolderPath(dataDir), `${keyId}.key`);
      await writeFile(file, '{"keyId": "case-', { mode: 0o600 });
      await expect(sut.find(keyId)).rejects.toThrow(`data key ${keyId} at ${file} cannot be read: it is not a JSON object`);
    });

    it('names a key file moved to another key id', async () => {
      const sut = FolderDataKeyStore.open(dataDir);
      const { keyId } = await sut.keyFor(aCase());
      const other = `case-${randomUUID()}`;
      const folder = dataKeyFolderPath(dataDir);
      await rename(path.join(folder, `${keyId}.key`), path.join(folder, `${other}.key`));
      await expect(sut.find(other)).rejects.toThrow(`${path.join(folder, `${other}.key`)} cannot be read: it is not a data key file for this key id`);
    });

    it('answers unavailable, naming the folder, when the folder is gone after start', async () => {
      const sut = FolderDataKeyStore.open(dataDir);
      await rm(dataKeyFolderPath(dataDir), { recursive: true });
      const unavailable = `the key store at ${dataKeyFolderPath(dataDir)} is unavailable`;
      await expect(sut.find(`case-${randomUUID()}`)).rejects.toThrow(unavailable);
      await expect(sut.keyFor(aCase())).rejects.toThrow(KeyStoreUnavailableError);
      await expect(sut.destroy(`case-${randomUUID()}`, erasure())).rejects.toThrow(unavailable);
    });

    it('answers unavailable when the folder is not a folder', async () => {
      const sut = FolderDataKeyStore.open(dataDir);
      await rm(dataKeyFolderPath(dataDir), { recursive: true });
      await writeFile(dataKeyFolderPath(dataDir), '');
      await expect(sut.keyFor(aCase())).rejects.toThrow(KeyStoreUnavailableError);
    });

    it('answers unavailable, naming the folder, when the folder may not be read', async () => {
      // Root reads any folder, so the store runs as nobody in a process of its own and takes its own rights away.
      if (process.getuid?.() === 0) chownSync(dataDir, NOBODY, NOBODY);
      chmodSync(dataDir, 0o700);
      const body = `fs.chmodSync(${JSON.stringify(dataKeyFolderPath(dataDir))}, 0); await store.find('case-1');`;
      const answer = await inKeyStoreProcess(dataDir, body, { uid: process.getuid?.() === 0 ? NOBODY : undefined });
      expect(answer).toBe(`error KeyStoreUnavailableError: the key store at ${dataKeyFolderPath(dataDir)} is unavailable: EACCES: permission denied, open '${path.join(dataKeyFolderPath(dataDir), 'case-1.destroyed')}'`);
    });
  });
});

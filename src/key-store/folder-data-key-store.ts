import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { DataKeyCache, DATA_KEY_CACHE_TTL_MS } from './data-key-cache';
import { assertDataKeyId, dataKeyIdFor } from './data-key-ids';
import type { DataKey, DataKeyLookup, DataKeyScope, DataKeyStore, KeyDestruction } from './data-key-store.port';
import { unwrapDataKey, wrapDataKey } from './data-key-wrapping';
import { createFileOnce, shredFile, stageFiles } from './durable-files';
import { keyEncryptionKeyFilePath, loadKeyEncryptionKey } from './key-encryption-key';
import { assertKeyEncryptionKeyFits } from './key-encryption-key-check';
import { folderPseudonym } from './person-pseudonym';
import { DataKeyDestroyedError, DataKeyUnreadableError, KeyStoreUnavailableError } from './key-store.errors';

/** Test seams: how long keys stay in memory, and the clock that measures it. */
export interface FolderDataKeyStoreOptions {
  readonly cacheTtlMs?: number;
  readonly now?: () => number;
}

/** The folder under the data folder that holds the data keys. */
export function dataKeyFolderPath(dataDir: string): string {
  return path.join(dataDir, 'keys', 'data-keys');
}

/**
 * The embedded default's key store: one file per data key (`<keyId>.key`, wrapped under the key-encryption key) in a
 * private folder, a receipt (`<keyId>.made`) that it was made, and a tombstone (`<keyId>.destroyed`) for each destroyed one. Several processes may share the folder.
 */
export class FolderDataKeyStore implements DataKeyStore {
  readonly location: string;
  private readonly cache: DataKeyCache;

  private constructor(folder: string, private readonly keyEncryptionKey: Buffer, options: FolderDataKeyStoreOptions) {
    this.location = folder;
    this.cache = new DataKeyCache(options.cacheTtlMs ?? DATA_KEY_CACHE_TTL_MS, options.now);
  }

  /** Opens the data folder's key store, creating its private folder and key-encryption key file on first use. */
  static open(dataDir: string, keyEncryptionKey?: Buffer, options: FolderDataKeyStoreOptions = {}): FolderDataKeyStore {
    const folder = dataKeyFolderPath(dataDir);
    try {
      fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
      // A folder made earlier under a looser umask is made private too.
      fs.chmodSync(folder, 0o700);
      const kekFile = keyEncryptionKeyFilePath(dataDir);
      const kekFileMissing = keyEncryptionKey === undefined && !fs.existsSync(kekFile);
      assertKeyEncryptionKeyFits(folder, kekFile, kekFileMissing, () => loadKeyEncryptionKey(dataDir, keyEncryptionKey));
      return new FolderDataKeyStore(folder, loadKeyEncryptionKey(dataDir, keyEncryptionKey), options);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === undefined) throw error;
      throw new KeyStoreUnavailableError(folder, (error as Error).message);
    }
  }

  keyIdFor(scope: DataKeyScope): string {
    return dataKeyIdFor(scope);
  }

  async keyFor(scope: DataKeyScope): Promise<DataKey> {
    const keyId = dataKeyIdFor(scope);
    const cached = this.cache.get(keyId);
    if (cached !== undefined) return { keyId, key: cached };
    const found = await this.look(keyId);
    if (found.state === 'destroyed') throw new DataKeyDestroyedError(keyId, found.destroyedAt);
    const key = found.state === 'active' ? found.key : await this.createKey(keyId);
    this.cache.set(keyId, key);
    return { keyId, key };
  }

  async find(keyId: string): Promise<DataKeyLookup> {
    assertDataKeyId(keyId);
    const cached = this.cache.get(keyId);
    if (cached !== undefined) return { state: 'active', key: cached };
    const found = await this.look(keyId);
    if (found.state === 'active') this.cache.set(keyId, found.key);
    return found;
  }

  async pseudonymFor(text: string): Promise<string> {
    return folderPseudonym(this.keyEncryptionKey, text);
  }

  async destroy(keyId: string, destruction: KeyDestruction): Promise<void> {
    assertDataKeyId(keyId);
    this.cache.delete(keyId);
    // The tombstone goes first: should the process die halfway, the key is already refused, and destroying again
    // finishes the shredding while the first tombstone (and its time) stays.
    const tombstone = { keyId, reason: destruction.reason, reference: destruction.reference, destroyedAt: destruction.destroyedAt };
    await this.io(() => createFileOnce(this.file(keyId, 'destroyed'), `${JSON.stringify(tombstone)}\n`));
    await this.io(() => shredFile(this.file(keyId, 'key')));
  }

  private async createKey(keyId: string): Promise<Buffer> {
    const key = randomBytes(32);
    const record = { keyId, createdAt: new Date().toISOString(), wrapped: wrapDataKey(this.keyEncryptionKey, keyId, key) };
    // The receipt is written and flushed beside the key, so the two flushes overlap; it is linked only once the key is
    // in place, since a receipt without its key would refuse that key for good.
    const [keyFile, receipt] = await this.io(() => stageFiles([
      { file: this.file(keyId, 'key'), content: `${JSON.stringify(record)}\n` },
      { file: this.file(keyId, 'made'), content: `${JSON.stringify({ keyId, createdAt: record.createdAt })}\n` },
    ]));
    try {
      const created = await this.io(() => keyFile.place());
      if (!created) {
        // Another process created it first: everyone uses the winner's key.
        const winners = await this.readKey(keyId);
        if (winners !== undefined) return winners;
      }
      // A destroy may have run between the first look for a tombstone and the link; it wrote its tombstone before it
      // looked for a key file, so either it shredded this file or the tombstone is visible now.
      const tombstone = await this.readTombstone(keyId);
      if (tombstone !== undefined) {
        await this.io(() => shredFile(this.file(keyId, 'key')));
        throw new DataKeyDestroyedError(keyId, tombstone.destroyedAt);
      }
      if (!created) throw new DataKeyUnreadableError(keyId, this.file(keyId, 'key'), 'it vanished while being read, without a tombstone');
      // A receipt that outlives the key file: should the file go missing without a tombstone, the key is not made anew.
      await this.io(() => receipt.place());
      return key;
    } finally {
      await this.io(() => Promise.all([keyFile.discard(), receipt.discard()]));
    }
  }

  /**
   * What the folder holds for a key id: its tombstone, its key file and its receipt, read side by side and weighed in
   * that order. A key whose file is gone although this store made it (its receipt says so) and no tombstone says it
   * was destroyed is refused: a key made anew under the same id would open none of the fields the lost one sealed, and
   * would seal new ones that the lost key, once restored, could not open.
   */
  private async look(keyId: string): Promise<DataKeyLookup> {
    const [tombstone, key, receipt] = await Promise.allSettled([
      this.readTombstone(keyId), this.readKey(keyId), this.readJson(keyId, this.file(keyId, 'made')),
    ]);
    const destroyed = settled(tombstone);
    if (destroyed !== undefined) return { state: 'destroyed', destroyedAt: destroyed.destroyedAt };
    const active = settled(key);
    if (active !== undefined) return { state: 'active', key: active };
    const made = settled(receipt);
    if (made === undefined) return { state: 'unknown' };
    throw new DataKeyUnreadableError(keyId, this.file(keyId, 'key'),
      `the file is gone, though this store made the key at ${String(made.createdAt)} and never destroyed it: restore it from the key folder's backup`);
  }

  private async readKey(keyId: string): Promise<Buffer | undefined> {
    const file = this.file(keyId, 'key');
    const record = await this.readJson(keyId, file);
    if (record === undefined) return undefined;
    if (record.keyId !== keyId || typeof record.wrapped !== 'string') {
      throw new DataKeyUnreadableError(keyId, file, 'it is not a data key file for this key id');
    }
    let key: Buffer;
    try {
      key = unwrapDataKey(this.keyEncryptionKey, keyId, record.wrapped);
    } catch {
      throw new DataKeyUnreadableError(keyId, file, 'it does not unwrap with the key-encryption key in use (a different BRIGADE_KEY_ENCRYPTION_KEY or key-encryption-key file, or a damaged file)');
    }
    if (key.length !== 32) throw new DataKeyUnreadableError(keyId, file, 'it does not hold a 32-byte key');
    return key;
  }

  private async readTombstone(keyId: string): Promise<{ destroyedAt: string } | undefined> {
    const file = this.file(keyId, 'destroyed');
    const record = await this.readJson(keyId, file);
    if (record === undefined) return undefined;
    if (typeof record.destroyedAt !== 'string') throw new DataKeyUnreadableError(keyId, file, 'the tombstone names no time of destruction');
    return { destroyedAt: record.destroyedAt };
  }

  private async readJson(keyId: string, file: string): Promise<Record<string, unknown> | undefined> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw this.unavailable(error);
      // A missing file is an unknown key only while the folder itself is there.
      await this.io(() => access(this.location));
      return undefined;
    }
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null) return parsed as Record<string, unknown>;
    } catch {
      // Reported below with the file's name.
    }
    throw new DataKeyUnreadableError(keyId, file, 'it is not a JSON object');
  }

  private async io<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw this.unavailable(error);
    }
  }

  private unavailable(error: unknown): Error {
    const code = (error as NodeJS.ErrnoException).code;
    return code === undefined ? (error as Error) : new KeyStoreUnavailableError(this.location, (error as Error).message);
  }

  private file(keyId: string, kind: 'key' | 'destroyed' | 'made'): string {
    return path.join(this.location, `${keyId}.${kind}`);
  }
}

/** A look's value, or its failure thrown: the looks run side by side, and the first to matter decides. */
function settled<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}

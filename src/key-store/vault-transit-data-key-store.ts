import type { VaultKeyStoreConfig } from '../config/key-store-config';
import { DataKeyCache, DATA_KEY_CACHE_TTL_MS } from './data-key-cache';
import { assertDataKeyId, dataKeyIdFor } from './data-key-ids';
import type { DataKey, DataKeyLookup, DataKeyScope, DataKeyStore, KeyDestruction } from './data-key-store.port';
import { DataKeyDestroyedError, DataKeyUnreadableError } from './key-store.errors';
import { pseudonymFromMac } from './person-pseudonym';
import { VaultHttpClient } from './vault-http-client';

/** Test seams: how long keys stay in memory, and the clock that measures it. */
export interface VaultTransitDataKeyStoreOptions {
  readonly cacheTtlMs?: number;
  readonly now?: () => number;
}

/** What KV keeps per key id: the wrapped data key while it lives, the tombstone once it is destroyed. */
type KeyEntry = { readonly ciphertext: string } | { readonly destroyedAt: string };

// The transit key whose HMAC makes person ids; named outside the case-/person- key ids, so no destroy can reach it.
const PSEUDONYM_KEY = 'pseudonym-secret';

/** Where a key stands after a look in Vault. */
type KeyState = { readonly key: Buffer } | { readonly destroyedAt: string } | undefined;

/**
 * The production key store on HashiCorp Vault. Each data key has its own transit key (`<prefix><keyId>`), which
 * generates it and is the only thing that can unwrap it; the wrapped form lives in KV v2 at
 * `<kvMount>/data/brigade/data-keys/<keyId>`. Destroying writes a tombstone over that entry and deletes the transit
 * key, after which no copy of the wrapped key, in KV's old versions or any backup of Brigade, opens again.
 */
export class VaultTransitDataKeyStore implements DataKeyStore {
  readonly location: string;
  private readonly vault: VaultHttpClient;
  private readonly cache: DataKeyCache;

  constructor(private readonly config: VaultKeyStoreConfig, options: VaultTransitDataKeyStoreOptions = {}) {
    this.location = config.address;
    this.vault = new VaultHttpClient(config);
    this.cache = new DataKeyCache(options.cacheTtlMs ?? DATA_KEY_CACHE_TTL_MS, options.now);
  }

  keyIdFor(scope: DataKeyScope): string {
    return dataKeyIdFor(scope);
  }

  async keyFor(scope: DataKeyScope): Promise<DataKey> {
    const keyId = dataKeyIdFor(scope);
    const cached = this.cache.get(keyId);
    if (cached !== undefined) return { keyId, key: cached };
    const state = (await this.stateOf(keyId)) ?? (await this.createKey(keyId));
    if ('destroyedAt' in state) throw new DataKeyDestroyedError(keyId, state.destroyedAt);
    this.cache.set(keyId, state.key);
    return { keyId, key: state.key };
  }

  async find(keyId: string): Promise<DataKeyLookup> {
    assertDataKeyId(keyId);
    const cached = this.cache.get(keyId);
    if (cached !== undefined) return { state: 'active', key: cached };
    const state = await this.stateOf(keyId);
    if (state === undefined) return { state: 'unknown' };
    if ('destroyedAt' in state) return { state: 'destroyed', destroyedAt: state.destroyedAt };
    this.cache.set(keyId, state.key);
    return { state: 'active', key: state.key };
  }

  async pseudonymFor(text: string): Promise<string> {
    const path = this.transitPath('hmac', PSEUDONYM_KEY);
    // Version 1 always, so that rotating the transit key never gives a person a second id.
    const body = { input: Buffer.from(text, 'utf8').toString('base64'), key_version: 1 };
    let answer = await this.vault.request('POST', path, body);
    if (answer.status !== 200) {
      await this.expect('POST', this.transitPath('keys', PSEUDONYM_KEY), [200, 204]);
      answer = await this.expect('POST', path, [200], body);
    }
    const hmac = answer.body?.data?.hmac;
    if (typeof hmac !== 'string') throw this.vault.unexpected('POST', path, answer);
    return pseudonymFromMac(hmac);
  }

  async destroy(keyId: string, destruction: KeyDestruction): Promise<void> {
    assertDataKeyId(keyId);
    this.cache.delete(keyId);
    // The tombstone goes first and is written without check-and-set, so that it wins over a key being created at the
    // same moment; an earlier tombstone (and its time) stays.
    const entry = await this.readEntry(keyId);
    if (entry === undefined || !('destroyedAt' in entry)) {
      const tombstone = { keyId, reason: destruction.reason, reference: destruction.reference, destroyedAt: destruction.destroyedAt };
      await this.expect('POST', this.entryPath(keyId), [200, 204], { data: tombstone });
    }
    await this.deleteTransitKey(keyId);
  }

  private async createKey(keyId: string): Promise<Exclude<KeyState, undefined>> {
    // Creating a transit key that exists already changes nothing, so two processes may both do it.
    await this.expect('POST', this.transitPath('keys', keyId), [200, 204], { type: 'aes256-gcm96' });
    const generated = await this.expect('POST', this.transitPath('datakey/plaintext', keyId), [200], { bits: 256 });
    const plaintext = generated.body?.data?.plaintext;
    const ciphertext = generated.body?.data?.ciphertext;
    if (typeof plaintext !== 'string' || typeof ciphertext !== 'string') throw new Error(`Vault at ${this.location} generated no data key for ${keyId}`);
    // cas 0 writes only where nothing is: of two processes creating the same key, the second keeps the first's.
    const path = this.entryPath(keyId);
    const written = await this.vault.request('POST', path, { options: { cas: 0 }, data: { keyId, ciphertext, createdAt: new Date().toISOString() } });
    if (written.status === 200 || written.status === 204) return { key: Buffer.from(plaintext, 'base64') };
    if (written.status !== 400 || !written.body?.errors?.some((error) => error.includes('check-and-set'))) throw this.vault.unexpected('POST', path, written);
    const winners = await this.stateOf(keyId);
    if (winners === undefined) throw new DataKeyUnreadableError(keyId, `${this.location}/v1/${path}`, 'it vanished while being created');
    return winners;
  }

  private async stateOf(keyId: string): Promise<KeyState> {
    const entry = await this.readEntry(keyId);
    if (entry === undefined || 'destroyedAt' in entry) return entry;
    const path = this.transitPath('decrypt', keyId);
    const answer = await this.vault.request('POST', path, { ciphertext: entry.ciphertext });
    const plaintext = answer.body?.data?.plaintext;
    if (answer.status === 200 && typeof plaintext === 'string') return { key: Buffer.from(plaintext, 'base64') };
    // A destroy in another process may have deleted the transit key since the entry was read; its tombstone says so.
    const now = await this.readEntry(keyId);
    if (now !== undefined && 'destroyedAt' in now) return now;
    throw new DataKeyUnreadableError(keyId, `${this.location}/v1/${path}`, `Vault could not unwrap it (${answer.status}${errorsText(answer.body?.errors)})`);
  }

  private async readEntry(keyId: string): Promise<KeyEntry | undefined> {
    const path = this.entryPath(keyId);
    const answer = await this.vault.request('GET', path);
    if (answer.status === 404) return undefined;
    if (answer.status !== 200) throw this.vault.unexpected('GET', path, answer);
    const data = answer.body?.data?.data as Record<string, unknown> | undefined;
    if (typeof data?.destroyedAt === 'string') return { destroyedAt: data.destroyedAt };
    if (typeof data?.ciphertext === 'string') return { ciphertext: data.ciphertext };
    throw new DataKeyUnreadableError(keyId, `${this.location}/v1/${path}`, 'the KV entry holds neither a wrapped key nor a tombstone');
  }

  private async deleteTransitKey(keyId: string): Promise<void> {
    const keyPath = this.transitPath('keys', keyId);
    const existing = await this.vault.request('GET', keyPath);
    if (existing.status === 404) return;
    if (existing.status !== 200) throw this.vault.unexpected('GET', keyPath, existing);
    // Vault refuses to delete a transit key until its config allows it.
    await this.expect('POST', `${keyPath}/config`, [200, 204], { deletion_allowed: true });
    await this.expect('DELETE', keyPath, [200, 204]);
  }

  private async expect(method: 'POST' | 'DELETE', path: string, statuses: readonly number[], body?: Record<string, unknown>) {
    const answer = await this.vault.request(method, path, body);
    if (!statuses.includes(answer.status)) throw this.vault.unexpected(method, path, answer);
    return answer;
  }

  private transitPath(endpoint: string, keyId: string): string {
    return `${this.config.transitMount}/${endpoint}/${this.config.keyPrefix}${keyId}`;
  }

  private entryPath(keyId: string): string {
    return `${this.config.kvMount}/data/brigade/data-keys/${keyId}`;
  }
}

function errorsText(errors: readonly string[] | undefined): string {
  return errors && errors.length > 0 ? `: ${errors.join('; ')}` : '';
}

/** How long an unwrapped key is used from memory before the store is asked again. */
export const DATA_KEY_CACHE_TTL_MS = 5_000;

/**
 * Unwrapped data keys kept in memory for a short while, so that sealing and unsealing many fields does not ask the
 * store each time. The bound matters: a key destroyed by another process (the worker, another API instance) is still
 * used here for at most `ttlMs` after this process last read it, and never longer.
 */
export class DataKeyCache {
  private readonly entries = new Map<string, { readonly key: Buffer; readonly expiresAt: number }>();

  constructor(
    private readonly ttlMs = DATA_KEY_CACHE_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached key, or undefined when there is none or it is older than the bound. */
  get(keyId: string): Buffer | undefined {
    const entry = this.entries.get(keyId);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > this.now()) return entry.key;
    this.entries.delete(keyId);
    return undefined;
  }

  /** Remembers a key just read from the store. */
  set(keyId: string, key: Buffer): void {
    if (this.ttlMs > 0) this.entries.set(keyId, { key, expiresAt: this.now() + this.ttlMs });
  }

  /** Forgets a key at once, as this process destroys it. */
  delete(keyId: string): void {
    this.entries.delete(keyId);
  }
}

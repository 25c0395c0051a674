/**
 * Data keys encrypt a case's sensitive fields at rest. They live in a key store of their own, outside the event
 * database, so that destroying one (retention, erasure) cannot be undone by restoring a database backup.
 */

/** Whose data a key protects: one case's sensitive fields, or one person's across cases. */
export type DataKeyScope =
  | { readonly kind: 'case'; readonly caseId: string }
  | { readonly kind: 'person'; readonly personId: string };

/** A usable data key: 32 bytes for AES-256-GCM, named by an id that is stored beside every value it seals. */
export interface DataKey {
  readonly keyId: string;
  readonly key: Buffer;
}

/** What the store knows of a key id: its bytes, that it was destroyed (and when), or nothing at all. */
export type DataKeyLookup =
  | { readonly state: 'active'; readonly key: Buffer }
  | { readonly state: 'destroyed'; readonly destroyedAt: string }
  | { readonly state: 'unknown' };

/** Why a key was destroyed, kept by the store beside the tombstone; never any of the data itself. */
export interface KeyDestruction {
  readonly reason: 'retention' | 'erasure';
  /** The retention run or erasure request that destroyed it. */
  readonly reference: string;
  readonly destroyedAt: string;
}

/** The key store: creates, hands out and destroys data keys. Every method throws `KeyStoreUnavailableError` when it cannot reach its store. */
export interface DataKeyStore {
  /** The id a scope's key has (or will have), without touching the store. */
  keyIdFor(scope: DataKeyScope): string;
  /** The scope's key, created on first use; a destroyed key is never created again (`DataKeyDestroyedError`). */
  keyFor(scope: DataKeyScope): Promise<DataKey>;
  /** The key with this id, if it exists. */
  find(keyId: string): Promise<DataKeyLookup>;
  /** Destroys a key for good; destroying an already destroyed or unknown key records the tombstone and is no error. */
  destroy(keyId: string, destruction: KeyDestruction): Promise<void>;
  /**
   * A stable pseudonym for a text (a person's normalised name and municipality): a keyed hash whose secret the store
   * keeps, never the database, so the same person gets the same person key across cases without being named by it.
   */
  pseudonymFor(text: string): Promise<string>;
  /** Where the store keeps its keys, for messages and health checks (a folder, a Vault address); never a secret. */
  readonly location: string;
}

/** Injection token for the data key store port. */
export const DATA_KEY_STORE = Symbol('DataKeyStore');

import { ConfigError, durationMs, nonEmpty, oneOf } from './env-values';

/** Where data keys live: a folder in the data folder (the embedded default), or HashiCorp Vault's transit engine. */
export const KEY_STORE_KINDS = ['folder', 'vault'] as const;

/** The embedded default: data keys wrapped under a key-encryption key, in `<dataDir>/keys/data-keys`. */
export interface FolderKeyStoreConfig {
  readonly kind: 'folder';
  readonly dataDir: string;
  /** 32 bytes that wrap every data key; when absent, one is generated and kept in `<dataDir>/keys/key-encryption-key`. */
  readonly keyEncryptionKey?: Buffer;
}

/** Production: one Vault transit key per data key, the wrapped data keys and tombstones in a KV v2 mount. */
export interface VaultKeyStoreConfig {
  readonly kind: 'vault';
  /** Vault's address without a trailing slash, such as https://vault.example.nl:8200. */
  readonly address: string;
  readonly token: string;
  readonly transitMount: string;
  readonly kvMount: string;
  /** Put before each key id to name its transit key, so Brigade's keys stand apart from others in the mount. */
  readonly keyPrefix: string;
  /** How long one request to Vault may take before the store counts as unavailable. */
  readonly timeoutMs: number;
}

/** Where the data keys that seal case and person fields are kept. */
export type KeyStoreConfig = FolderKeyStoreConfig | VaultKeyStoreConfig;

const VAULT_VARIABLES = ['BRIGADE_VAULT_ADDR', 'BRIGADE_VAULT_TOKEN', 'BRIGADE_VAULT_TRANSIT_MOUNT', 'BRIGADE_VAULT_KV_MOUNT', 'BRIGADE_VAULT_KEY_PREFIX', 'BRIGADE_VAULT_TIMEOUT'];
const MOUNT = /^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*$/;

/** Reads the key store settings from the environment, failing with a message that names the bad variable (never a secret). */
export function keyStoreConfig(env: NodeJS.ProcessEnv, dataDir: string): KeyStoreConfig {
  const kind = oneOf(env, 'BRIGADE_KEY_STORE', KEY_STORE_KINDS, 'folder');
  if (kind === 'vault') {
    if (nonEmpty(env.BRIGADE_KEY_ENCRYPTION_KEY) !== undefined) throw new ConfigError('BRIGADE_KEY_ENCRYPTION_KEY applies only to BRIGADE_KEY_STORE=folder; with vault, Vault wraps the data keys');
    return vaultConfig(env);
  }
  // A Vault setting beside the folder store is most likely a forgotten BRIGADE_KEY_STORE=vault: keys would silently stay local.
  const stray = VAULT_VARIABLES.find((name) => nonEmpty(env[name]) !== undefined);
  if (stray !== undefined) throw new ConfigError(`${stray} is set but BRIGADE_KEY_STORE is folder; set BRIGADE_KEY_STORE=vault to keep data keys in Vault`);
  return { kind, dataDir, keyEncryptionKey: keyEncryptionKey(env) };
}

function vaultConfig(env: NodeJS.ProcessEnv): VaultKeyStoreConfig {
  const address = nonEmpty(env.BRIGADE_VAULT_ADDR);
  if (address === undefined) throw new ConfigError('BRIGADE_VAULT_ADDR must be set with BRIGADE_KEY_STORE=vault (Vault\'s address, such as https://vault.example.nl:8200)');
  let parsed: URL | undefined;
  try {
    parsed = new URL(address);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.search || parsed.hash || parsed.username || parsed.password) {
    throw new ConfigError(`BRIGADE_VAULT_ADDR must be an http(s) URL such as https://vault.example.nl:8200, got "${address}"`);
  }
  const token = nonEmpty(env.BRIGADE_VAULT_TOKEN);
  if (token === undefined) throw new ConfigError('BRIGADE_VAULT_TOKEN must be set with BRIGADE_KEY_STORE=vault (a token whose policy allows the transit and KV paths in docs/key-store.md)');
  const keyPrefix = nonEmpty(env.BRIGADE_VAULT_KEY_PREFIX) ?? 'brigade-';
  if (!/^[A-Za-z0-9_-]{0,64}$/.test(keyPrefix)) throw new ConfigError(`BRIGADE_VAULT_KEY_PREFIX may hold only letters, digits, "_" and "-", got "${keyPrefix}"`);
  return {
    kind: 'vault',
    address: address.replace(/\/+$/, ''),
    token,
    transitMount: mount(env, 'BRIGADE_VAULT_TRANSIT_MOUNT', 'transit'),
    kvMount: mount(env, 'BRIGADE_VAULT_KV_MOUNT', 'secret'),
    keyPrefix,
    timeoutMs: durationMs(env, 'BRIGADE_VAULT_TIMEOUT', '5s'),
  };
}

function mount(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = (nonEmpty(env[name]) ?? fallback).replace(/^\/+|\/+$/g, '');
  if (!MOUNT.test(raw)) throw new ConfigError(`${name} must be a Vault mount path such as ${fallback} (letters, digits, "_", "-", "/"), got "${raw}"`);
  return raw;
}

function keyEncryptionKey(env: NodeJS.ProcessEnv): Buffer | undefined {
  const encoded = nonEmpty(env.BRIGADE_KEY_ENCRYPTION_KEY);
  if (encoded === undefined) return undefined;
  const key = Buffer.from(encoded, 'base64');
  // Buffer.from skips characters that are not base64, so the round trip catches a mangled key; the value is never echoed.
  if (key.length !== 32 || key.toString('base64').replace(/=+$/, '') !== encoded.replace(/=+$/, '')) {
    throw new ConfigError('BRIGADE_KEY_ENCRYPTION_KEY must be 32 bytes in base64, e.g. openssl rand -base64 32');
  }
  return key;
}

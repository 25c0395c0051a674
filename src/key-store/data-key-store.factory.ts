import type { KeyStoreConfig } from '../config/key-store-config';
import type { DataKeyStore } from './data-key-store.port';
import { FolderDataKeyStore } from './folder-data-key-store';
import { VaultTransitDataKeyStore } from './vault-transit-data-key-store';

/** The configured key store, for Nest and for code outside it (the CLI, tests). */
export function dataKeyStoreFor(config: KeyStoreConfig): DataKeyStore {
  return config.kind === 'vault' ? new VaultTransitDataKeyStore(config) : FolderDataKeyStore.open(config.dataDir, config.keyEncryptionKey);
}

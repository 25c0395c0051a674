import type { BrigadeConfig } from '../config/brigade-config';
import { payloadKeyFilePath, readOrCreatePayloadKeyFile, readPayloadKeyFile } from './payload-key-file';
import type { PayloadKeyring } from './payload-keyring';

/** The keys a running Brigade encrypts with: the configured ones, or the data folder's, generated on first use. */
export function loadPayloadKeys(config: BrigadeConfig): PayloadKeyring {
  if (config.payloadKeys) return { ...config.payloadKeys, source: 'BRIGADE_PAYLOAD_KEYS' };
  return { ...readOrCreatePayloadKeyFile(config.dataDir), source: payloadKeyFilePath(config.dataDir) };
}

/**
 * The keys a reader such as the offline audit has, generating none: the configured ones, else the data folder's if it
 * holds a key file, else no keys at all (unencrypted histories still read).
 */
export function findPayloadKeys(config: BrigadeConfig): PayloadKeyring {
  if (config.payloadKeys) return { ...config.payloadKeys, source: 'BRIGADE_PAYLOAD_KEYS' };
  const file = payloadKeyFilePath(config.dataDir);
  const kept = readPayloadKeyFile(file);
  return kept ? { ...kept, source: file } : { activeKeyId: undefined, keys: [], source: `neither BRIGADE_PAYLOAD_KEYS nor ${file}` };
}

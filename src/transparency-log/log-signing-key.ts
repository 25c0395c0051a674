import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createPrivateFileOnce } from '../crypto/private-key-file';

/** The Ed25519 key pair that signs the log's checkpoints, and where it came from, for messages. */
export interface LogSigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly source: string;
}

/** The file in the data folder that keeps the embedded default's generated log signing key. */
export function logSigningKeyPath(dataDir: string): string {
  return path.join(dataDir, 'keys', 'log-signing-key.pem');
}

/** The configured PEM (PKCS#8) key, or the data folder's key, generated on first use so that a fresh machine just works. */
export function loadLogSigningKey({ pem, dataDir }: { pem?: string; dataDir: string }): LogSigningKey {
  if (pem) return keyFromPem(pem, 'the configured log signing key');
  const file = logSigningKeyPath(dataDir);
  if (!fs.existsSync(file)) createKeyFile(file);
  return keyFromPem(fs.readFileSync(file, 'utf8'), file);
}

function keyFromPem(pem: string, source: string): LogSigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (error) {
    throw new Error(`${source} is not an unencrypted PEM private key (${(error as Error).message})`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`${source} is not an Ed25519 key (its type is ${privateKey.asymmetricKeyType}); checkpoints are signed with Ed25519, and "openssl genpkey -algorithm ed25519" makes such a key`);
  }
  return { privateKey, publicKey: createPublicKey(privateKey), source };
}

function createKeyFile(file: string): void {
  const { privateKey } = generateKeyPairSync('ed25519');
  createPrivateFileOnce(file, privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
}

import { createPublicKey, type KeyObject } from 'node:crypto';
import type { BrigadeConfig } from '../config/brigade-config';
import { loadLogSigningKey } from '../transparency-log/log-signing-key';
import { createNoteSigner, formatKeyId, keyIdOf, verifierKeyText, type NoteSigner } from '../transparency-log/note-keys';

/** The keys of the transparency log: the public half always, the signer where this process may make checkpoints. */
export interface LogKeys {
  readonly origin: string;
  readonly publicKey: KeyObject;
  /** The four-byte key id, as 8 hex digits: the first bytes of every signature line. */
  readonly keyId: string;
  /** The verifier key in the `<name>+<id>+<key>` text form that note tools read. */
  readonly verifierKey: string;
  readonly signer: NoteSigner | undefined;
  /** Where the keys came from, for messages. */
  readonly source: string;
}

/**
 * The configured keys: a signing key from BRIGADE_LOG_SIGNING_KEY, else only a public key from BRIGADE_LOG_PUBLIC_KEY
 * (a process that checks but never signs), else the data folder's key, generated on first use like the other keys.
 */
export function loadLogKeys(config: BrigadeConfig): LogKeys {
  const { origin, signingKeyPem, publicKeyPem } = config.transparencyLog;
  if (!signingKeyPem && publicKeyPem) {
    const publicKey = createPublicKey(publicKeyPem);
    if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error('BRIGADE_LOG_PUBLIC_KEY must be an Ed25519 public key');
    return logKeys(origin, publicKey, undefined, 'BRIGADE_LOG_PUBLIC_KEY');
  }
  const loaded = loadLogSigningKey({ pem: signingKeyPem, dataDir: config.dataDir });
  return logKeys(origin, loaded.publicKey, createNoteSigner(origin, loaded.privateKey), loaded.source);
}

function logKeys(origin: string, publicKey: KeyObject, signer: NoteSigner | undefined, source: string): LogKeys {
  return {
    origin, publicKey, signer, source,
    keyId: formatKeyId(keyIdOf(origin, publicKey)),
    verifierKey: verifierKeyText(origin, publicKey),
  };
}

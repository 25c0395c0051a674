import { createPublicKey } from 'node:crypto';
import * as fs from 'node:fs';
import type { BrigadeConfig } from '../config/brigade-config';
import { logSigningKeyPath } from '../transparency-log/log-signing-key';
import { parseVerifierKey, verifierKeyText } from '../transparency-log/note-keys';

/** The trusted public key of a log and where the reader got it, for the report. */
export interface TrustedLogKey {
  readonly verifierKey: string;
  readonly source: string;
}

/**
 * The log key an offline check trusts: the `--key` file (a PEM public or private key, or `<name>+<id>+<key>` text),
 * else the configured key, else the data folder's key when it exists. Never generates one: a key made up on the spot
 * would prove nothing. Null when there is none.
 */
export function findTrustedLogKey(config: BrigadeConfig, origin: string, keyFile?: { readonly path: string; readonly text: string }): TrustedLogKey | null {
  if (keyFile) return { verifierKey: verifierKeyFrom(keyFile.text, origin, keyFile.path), source: keyFile.path };
  const { publicKeyPem, signingKeyPem } = config.transparencyLog;
  if (publicKeyPem) return { verifierKey: verifierKeyFrom(publicKeyPem, origin, 'BRIGADE_LOG_PUBLIC_KEY'), source: 'BRIGADE_LOG_PUBLIC_KEY' };
  if (signingKeyPem) return { verifierKey: verifierKeyFrom(signingKeyPem, origin, 'BRIGADE_LOG_SIGNING_KEY'), source: 'BRIGADE_LOG_SIGNING_KEY' };
  const file = logSigningKeyPath(config.dataDir);
  if (!fs.existsSync(file)) return null;
  return { verifierKey: verifierKeyFrom(fs.readFileSync(file, 'utf8'), origin, file), source: file };
}

function verifierKeyFrom(text: string, origin: string, source: string): string {
  const trimmed = text.trim();
  if (!trimmed.startsWith('-----BEGIN')) {
    // Parsed here so that a mistyped key is named as the key's fault, not reported as a bad signature later.
    parseVerifierKey(trimmed);
    return trimmed;
  }
  let key;
  try {
    key = createPublicKey(trimmed);
  } catch (error) {
    throw new Error(`${source} is neither a PEM key nor a <name>+<id>+<key> verifier key (${(error as Error).message})`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${source} is not an Ed25519 key (it is ${key.asymmetricKeyType})`);
  return verifierKeyText(origin, key);
}

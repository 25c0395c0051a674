import { createPublicKey } from 'node:crypto';
import type { TransparencyLogConfig } from '../config/brigade-config';
import { loadLogSigningKey } from '../transparency-log/log-signing-key';
import { keyIdOf, type NoteVerifierKey } from '../transparency-log/note-keys';

/**
 * The key the log's checkpoints must verify with: the configured public key when an auditor has only that, else the
 * public half of the signing key (the data folder's own for the embedded default), named by the log's origin.
 */
export function logVerifierKey(log: TransparencyLogConfig, dataDir: string): NoteVerifierKey {
  const publicKey = log.publicKeyPem ? createPublicKey(log.publicKeyPem) : loadLogSigningKey({ pem: log.signingKeyPem, dataDir }).publicKey;
  return { name: log.origin, keyId: keyIdOf(log.origin, publicKey), publicKey };
}

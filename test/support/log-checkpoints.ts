import { generateKeyPairSync } from 'node:crypto';
import { DEFAULT_LOG_ORIGIN } from '../../src/config/brigade-config';
import { formatCheckpoint } from '../../src/transparency-log/checkpoint';
import { eventLeafHash } from '../../src/transparency-log/merkle-hashing';
import { MerkleTree } from '../../src/transparency-log/merkle-tree';
import { createNoteSigner, type NoteSigner } from '../../src/transparency-log/note-keys';
import { signNote } from '../../src/transparency-log/signed-note';
import type { OwnerAccess } from './test-database';

/** A log signing key for a test: the signer, and the public key PEM an auditor is configured with. */
export interface TestLogKey {
  readonly signer: NoteSigner;
  readonly publicKeyPem: string;
}

/** A fresh Ed25519 log key under the default origin. */
export function aLogKey(): TestLogKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { signer: createNoteSigner(DEFAULT_LOG_ORIGIN, privateKey), publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }) as string };
}

/**
 * Signs a checkpoint over the log's leaves as they are now and stores it, as the checkpoint service would; `alter`
 * may change the signed note before it is stored, to forge one. Answers the checkpoint's tree size.
 */
export async function recordCheckpoint(db: OwnerAccess, key: TestLogKey, alter: (note: string) => string = (note) => note): Promise<number> {
  const leaves = await db.sql<{ event_hash: string }>('SELECT event_hash FROM transparency_log_leaves ORDER BY leaf_index');
  const tree = new MerkleTree();
  tree.append(leaves.map((leaf) => eventLeafHash(leaf.event_hash)));
  const rootHash = tree.rootAt();
  const note = alter(signNote(formatCheckpoint({ origin: key.signer.name, treeSize: tree.size, rootHash }), key.signer));
  await db.sql('INSERT INTO transparency_log_checkpoints (tree_size, root_hash, key_id, signed_note) VALUES ($1, $2, $3, $4)',
    [tree.size, rootHash.toString('hex'), key.signer.keyId.toString(16).padStart(8, '0'), note]);
  return tree.size;
}

import { spawn } from 'node:child_process';
import * as path from 'node:path';
import type { Pool } from 'pg';
import type { BrigadeConfig } from '../../src/config/brigade-config';
import { formatCheckpoint } from '../../src/transparency-log/checkpoint';
import { loadLogSigningKey } from '../../src/transparency-log/log-signing-key';
import { eventLeafHash } from '../../src/transparency-log/merkle-hashing';
import { MerkleTree } from '../../src/transparency-log/merkle-tree';
import { createNoteSigner, formatKeyId } from '../../src/transparency-log/note-keys';
import { signNote } from '../../src/transparency-log/signed-note';
import type { Measurement } from './bench-results';
import type { CheckpointingFigures } from './log-checkpoint.child';

/** The size of the in-memory tree the checkpointing and proof figures are taken at: the million events. */
export const MEMORY_TREE_LEAVES = 1_000_000;

/**
 * Stores signed checkpoints of the bench's log at these sizes, as the checkpoint service would, so that
 * `audit verify --all` checks signatures, roots and consistency and not only the leaves; answers the sizes used.
 */
export async function recordBenchCheckpoints(pool: Pool, config: BrigadeConfig, fractions: readonly number[]): Promise<number[]> {
  const { rows } = await pool.query<{ event_hash: string }>('SELECT event_hash FROM transparency_log_leaves ORDER BY leaf_index');
  const tree = new MerkleTree();
  tree.append(rows.map((row) => eventLeafHash(row.event_hash)));
  const { origin, signingKeyPem } = config.transparencyLog;
  const signer = createNoteSigner(origin, loadLogSigningKey({ pem: signingKeyPem, dataDir: config.dataDir }).privateKey);
  const sizes = [...new Set(fractions.map((fraction) => Math.round(tree.size * fraction)))];
  for (const treeSize of sizes) {
    const rootHash = tree.rootAt(treeSize);
    await pool.query(
      'INSERT INTO transparency_log_checkpoints (tree_size, root_hash, key_id, signed_note) VALUES ($1, $2, $3, $4) ON CONFLICT (tree_size) DO NOTHING',
      [treeSize, rootHash.toString('hex'), formatKeyId(signer.keyId), signNote(formatCheckpoint({ origin, treeSize, rootHash }), signer)]);
  }
  return sizes;
}

/**
 * Checkpointing and inclusion proofs, each in a fresh process so that its peak RSS is its own: over a million synthetic
 * event hashes in memory, and over the leaves the bench database holds.
 */
export async function measureCheckpointing(databaseUrl: string, dataDir: string): Promise<Measurement[]> {
  const inMemory = await runChild(['memory', String(MEMORY_TREE_LEAVES), dataDir]);
  const stored = await runChild(['db', databaseUrl, dataDir]);
  const n = (count: number) => count.toLocaleString('en-US');
  return [
    { benchmark: 'audit', metric: `checkpointing ${n(inMemory.leaves)} events (in-memory tree of synthetic hashes, signed)`, unit: 's',
      value: inMemory.checkpointMs / 1000, note: `peak RSS ${inMemory.peakRssMb.toFixed(0)} MB (a process of its own)` },
    { benchmark: 'audit', metric: `checkpointing the stored log of ${n(stored.leaves)} events (read from PostgreSQL, signed)`, unit: 's',
      value: stored.checkpointMs / 1000, note: `peak RSS ${stored.peakRssMb.toFixed(0)} MB (a process of its own)` },
    { benchmark: 'audit', metric: `inclusion proof p95 at ${n(inMemory.leaves)} leaves (in-memory tree)`, unit: 'µs',
      value: inMemory.proofP95Us, note: '10,000 proofs of random leaves' },
  ];
}

function runChild(args: string[]): Promise<CheckpointingFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'log-checkpoint.child.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the checkpointing process exited with ${code}: ${output.slice(-2_000)}`));
      else resolve(JSON.parse(output.trim().split('\n').at(-1)!) as CheckpointingFigures);
    });
  });
}

import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { formatCheckpoint } from '../../src/transparency-log/checkpoint';
import { loadLogSigningKey } from '../../src/transparency-log/log-signing-key';
import { eventLeafHash, HASH_SIZE } from '../../src/transparency-log/merkle-hashing';
import { MerkleTree } from '../../src/transparency-log/merkle-tree';
import { createNoteSigner } from '../../src/transparency-log/note-keys';
import { signNote } from '../../src/transparency-log/signed-note';

const ORIGIN = 'bench.local/case-events';
const PROOFS = 10_000;
const PAGE_LEAVES = 50_000;

/** What one checkpointing run measured, printed as JSON on stdout for the bench. */
export interface CheckpointingFigures {
  readonly leaves: number;
  readonly checkpointMs: number;
  readonly peakRssMb: number;
  readonly proofP95Us: number;
}

/**
 * Run in a process of its own so that its peak RSS is the checkpointing's alone: `memory <n> <dataDir>` builds the
 * tree over n random event hashes, `db <url> <dataDir>` over the leaves stored in that database; either way it then
 * signs a checkpoint and times inclusion proofs at random leaves.
 */
async function main([mode, source, dataDir]: string[]): Promise<CheckpointingFigures> {
  const signer = createNoteSigner(ORIGIN, loadLogSigningKey({ dataDir }).privateKey);
  // The synthetic event hashes are made before the clock starts: making them is not checkpointing.
  const eventHashes = mode === 'memory' ? randomBytes(Number(source) * HASH_SIZE) : Buffer.alloc(0);
  const started = performance.now();
  const tree = new MerkleTree();
  if (mode === 'memory') {
    const leaves = Buffer.alloc(eventHashes.length);
    // Each hash goes through its hex spelling, as a stored event hash would.
    for (let at = 0; at < eventHashes.length; at += HASH_SIZE) eventLeafHash(eventHashes.toString('hex', at, at + HASH_SIZE)).copy(leaves, at);
    tree.append(leaves);
  } else {
    await appendStoredLeaves(tree, source);
  }
  signNote(formatCheckpoint({ origin: ORIGIN, treeSize: tree.size, rootHash: tree.rootAt() }), signer);
  const checkpointMs = performance.now() - started;

  const timings: number[] = [];
  for (let n = 0; n < PROOFS; n++) {
    const index = Math.floor(Math.random() * tree.size);
    const begun = process.hrtime.bigint();
    tree.inclusionProof(index);
    timings.push(Number(process.hrtime.bigint() - begun) / 1_000);
  }
  timings.sort((a, b) => a - b);
  return { leaves: tree.size, checkpointMs, peakRssMb: process.resourceUsage().maxRSS / 1024, proofP95Us: timings[Math.ceil(0.95 * PROOFS) - 1] };
}

async function appendStoredLeaves(tree: MerkleTree, url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    for (;;) {
      const { rows } = await client.query<{ event_hash: string }>(
        'SELECT event_hash FROM transparency_log_leaves WHERE leaf_index >= $1 ORDER BY leaf_index LIMIT $2', [tree.size, PAGE_LEAVES]);
      if (rows.length === 0) return;
      tree.append(rows.map((row) => eventLeafHash(row.event_hash)));
    }
  } finally {
    await client.end();
  }
}

main(process.argv.slice(2)).then(
  (figures) => process.stdout.write(`${JSON.stringify(figures)}\n`),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

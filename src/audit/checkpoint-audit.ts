import { parseCheckpoint, type Checkpoint } from '../transparency-log/checkpoint';
import { verifyConsistency } from '../transparency-log/merkle-proofs';
import type { MerkleTree } from '../transparency-log/merkle-tree';
import type { NoteVerifierKey } from '../transparency-log/note-keys';
import { openSignedNote } from '../transparency-log/signed-note';
import type { LogFinding } from './log-audit';
import type { StoredCheckpoint } from './store-records.port';

/**
 * Checks every stored checkpoint against the tree rebuilt from the leaves: its note is signed by the log's key and
 * says what its row says, the tree's root at its size is the signed root, and it is consistent with the one before.
 */
export function checkCheckpoints(tree: MerkleTree, checkpoints: readonly StoredCheckpoint[], logKey: NoteVerifierKey): LogFinding[] {
  const findings: LogFinding[] = [];
  let previous: Checkpoint | null = null;
  for (const stored of checkpoints) {
    const problem = (text: string) => findings.push({ problem: `checkpoint ${stored.treeSize}: ${text}` });
    let checkpoint: Checkpoint;
    try {
      checkpoint = parseCheckpoint(openSignedNote(stored.signedNote, [logKey]).text);
    } catch (error) {
      problem((error as Error).message);
      continue;
    }
    if (checkpoint.origin !== logKey.name) problem(`it names the log "${checkpoint.origin}", not "${logKey.name}"`);
    if (checkpoint.treeSize !== stored.treeSize || checkpoint.rootHash.toString('hex') !== stored.rootHash) {
      problem(`its row says size ${stored.treeSize} and root ${stored.rootHash.slice(0, 12)}…, its signed note size ${checkpoint.treeSize} and root ${checkpoint.rootHash.toString('hex').slice(0, 12)}…`);
    }
    if (checkpoint.treeSize > tree.size) {
      problem(`it signs ${checkpoint.treeSize} leaves, but the log has ${tree.size}`);
      continue;
    }
    if (!tree.rootAt(checkpoint.treeSize).equals(checkpoint.rootHash)) {
      findings.push({ problem: `the log below checkpoint ${checkpoint.treeSize} was rewritten: its leaves no longer give the signed root` });
    }
    // Proved from the rebuilt tree and checked against the two signed roots, as a client holding both would check them.
    if (previous && !verifyConsistency(previous.treeSize, checkpoint.treeSize, previous.rootHash, checkpoint.rootHash,
      tree.consistencyProof(previous.treeSize, checkpoint.treeSize))) {
      findings.push({ problem: `checkpoint ${checkpoint.treeSize} is not consistent with checkpoint ${previous.treeSize}` });
    }
    previous = checkpoint;
  }
  return findings;
}

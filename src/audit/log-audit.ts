import { eventLeafHash, HASH_SIZE } from '../transparency-log/merkle-hashing';
import { MerkleTree } from '../transparency-log/merkle-tree';
import type { CheckedBatch, LeafBounds } from './record-batch-check';
import type { LogFinding } from './log-finding';
import type { OrphanLeaf } from './store-records.port';

export type { LogFinding } from './log-finding';

/**
 * Collects the log's leaves as the audit meets them, case by case, into one buffer of leaf hashes filled by index,
 * and finds events without their leaf, leaves that hold another hash, and indices no leaf fills.
 */
export class LeafCollector {
  readonly findings: LogFinding[] = [];
  private readonly leafHashes: Buffer;
  private readonly filled: Uint8Array;
  private readonly signedSize: number;

  /**
   * Collects the leaves below `treeSize`, the log's size when the audit began, and hashes those below `signedSize`, the
   * largest checkpoint's: no signature covers the leaves above it, so the tree need not reach them.
   */
  constructor(private readonly treeSize: number, signedSize: number) {
    this.signedSize = Math.min(treeSize, signedSize);
    this.leafHashes = Buffer.alloc(this.signedSize * HASH_SIZE);
    this.filled = new Uint8Array(treeSize);
  }

  /** The leaves this collector takes, for checking batches where it cannot reach (another thread). */
  get bounds(): LeafBounds {
    return { treeSize: this.treeSize, signedSize: this.signedSize };
  }

  /** Takes a checked batch's findings and the leaves its events filled. */
  addChecked({ leafFindings, filledIndices, leafHashes }: CheckedBatch): void {
    this.findings.push(...leafFindings);
    for (let position = 0; position < filledIndices.length; position++) {
      const index = filledIndices[position];
      this.filled[index] = 1;
      if (index < this.signedSize) this.leafHashes.set(leafHashes.subarray(position * HASH_SIZE, (position + 1) * HASH_SIZE), index * HASH_SIZE);
    }
  }

  /** Takes the leaves whose event is gone: each is a finding, and still part of the tree it was signed in. */
  addOrphans(orphans: readonly OrphanLeaf[]): void {
    for (const orphan of orphans) {
      this.findings.push({ caseId: orphan.caseId, version: orphan.version, problem: `leaf ${orphan.index} has no event: the event it logged is gone` });
      this.fill(orphan.index, orphan.eventHash, { caseId: orphan.caseId, version: orphan.version });
    }
  }

  /** The indices below the log's size that no event's leaf has filled: each holds an orphan leaf, or none at all. */
  unfilledIndices(): number[] {
    const indices: number[] = [];
    for (let index = 0; index < this.treeSize; index++) if (!this.filled[index]) indices.push(index);
    return indices;
  }

  /** The tree over the collected leaves up to the largest checkpoint, after noting the indices no leaf filled. */
  buildTree(): MerkleTree {
    for (let index = 0; index < this.treeSize; index++) {
      if (this.filled[index]) continue;
      let end = index;
      while (end + 1 < this.treeSize && !this.filled[end + 1]) end++;
      this.findings.push({ problem: end === index ? `leaf ${index} is missing` : `leaves ${index} to ${end} are missing` });
      index = end;
    }
    const tree = new MerkleTree();
    tree.append(this.leafHashes);
    return tree;
  }

  private fill(index: number, eventHash: string, at: { caseId: string; version: number }): void {
    this.filled[index] = 1;
    if (index >= this.signedSize) return;
    try {
      eventLeafHash(eventHash).copy(this.leafHashes, index * HASH_SIZE);
    } catch (error) {
      // Left as zeros: the tree's root then differs from every checkpoint above this leaf, which says the rest.
      this.findings.push({ ...at, problem: `leaf ${index} holds no event hash: ${(error as Error).message}` });
    }
  }
}

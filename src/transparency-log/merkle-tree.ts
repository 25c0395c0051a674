import { emptyTreeRoot, HASH_SIZE, nodeHash } from './merkle-hashing';

const SMALLEST_CAPACITY = 16;

/** An append-only RFC 6962 Merkle tree held in memory, answering roots and proofs for any size it has reached. */
export class MerkleTree {
  // Level k holds, in one contiguous buffer, the hashes of the complete subtrees of 2^k leaves in leaf order (level 0
  // holds the leaf hashes). Every hash a root or proof needs is one of these or folds from a few of them, so nothing
  // is rehashed from the leaves, and a million leaves take about 64 MB in a handful of objects rather than millions.
  // The largest Buffer Node allows bounds the tree at about 134 million leaves.
  private readonly levels: Buffer[] = [];
  private leafCount = 0;

  /** The number of leaves appended so far. */
  get size(): number {
    return this.leafCount;
  }

  /** Appends leaf hashes, given as 32-byte buffers or as one buffer of 32-byte hashes back to back. */
  append(leafHashes: readonly Buffer[] | Buffer): void {
    const incoming = Buffer.isBuffer(leafHashes) ? leafHashes : concatenateLeafHashes(leafHashes);
    if (incoming.length % HASH_SIZE !== 0) {
      throw new RangeError(`appended leaf hashes must be whole ${HASH_SIZE}-byte hashes; got ${incoming.length} bytes`);
    }
    const count = incoming.length / HASH_SIZE;
    if (count === 0) return;
    this.reserve(this.leafCount + count);
    incoming.copy(this.levels[0], this.leafCount * HASH_SIZE);
    for (let index = this.leafCount; index < this.leafCount + count; index += 1) this.completeSubtreesEndingAt(index);
    this.leafCount += count;
  }

  /** The hash of the leaf at `index`, a copy the caller may keep. */
  leafHash(index: number): Buffer {
    requireCount('leaf index', index);
    if (index >= this.leafCount) throw new RangeError(`leaf index ${index} is outside the tree of ${this.leafCount} leaves`);
    return Buffer.from(this.subtree(0, index));
  }

  /** The RFC 6962 Merkle tree hash of the first `treeSize` leaves. */
  rootAt(treeSize: number = this.leafCount): Buffer {
    this.requireTreeSize('tree size', treeSize);
    return treeSize === 0 ? emptyTreeRoot() : Buffer.from(this.rangeHash(0, treeSize));
  }

  /** The RFC 9162 §2.1.3.1 inclusion proof of leaf `leafIndex` in the tree of the first `treeSize` leaves, from the leaf up. */
  inclusionProof(leafIndex: number, treeSize: number = this.leafCount): Buffer[] {
    this.requireTreeSize('tree size', treeSize);
    requireCount('leaf index', leafIndex);
    if (leafIndex >= treeSize) throw new RangeError(`leaf index ${leafIndex} is outside a tree of size ${treeSize}`);
    const siblings: Buffer[] = [];
    let start = 0;
    let end = treeSize;
    while (end - start > 1) {
      const split = start + largestPowerOfTwoBelow(end - start);
      if (leafIndex < split) {
        siblings.push(this.rangeHash(split, end));
        end = split;
      } else {
        siblings.push(this.rangeHash(start, split));
        start = split;
      }
    }
    // Collected from the root down; the proof runs from the leaf up.
    return siblings.reverse().map((sibling) => Buffer.from(sibling));
  }

  /** The RFC 9162 §2.1.4.1 consistency proof between the trees of the first `fromSize` and `toSize` leaves. */
  consistencyProof(fromSize: number, toSize: number = this.leafCount): Buffer[] {
    this.requireTreeSize('second tree size', toSize);
    requireCount('first tree size', fromSize);
    if (fromSize > toSize) throw new RangeError(`the first tree size ${fromSize} is larger than the second tree size ${toSize}`);
    if (fromSize === 0 || fromSize === toSize) return [];
    const nodes: Buffer[] = [];
    let start = 0;
    let end = toSize;
    // Whether the subtree at hand is a prefix of the old tree, whose root the verifier already holds.
    let isOldTreePrefix = true;
    while (end !== fromSize) {
      const split = start + largestPowerOfTwoBelow(end - start);
      if (fromSize <= split) {
        nodes.push(this.rangeHash(split, end));
        end = split;
      } else {
        nodes.push(this.rangeHash(start, split));
        start = split;
        isOldTreePrefix = false;
      }
    }
    if (!isOldTreePrefix) nodes.push(this.rangeHash(start, end));
    return nodes.reverse().map((node) => Buffer.from(node));
  }

  /** The Merkle tree hash of leaves [start, end), where start is aligned to the largest power of two in the range's length. */
  private rangeHash(start: number, end: number): Buffer {
    // The range splits into complete subtrees, largest first; RFC 6962 nests them to the right, so fold from the right.
    const pieces: Buffer[] = [];
    for (let offset = start; offset < end;) {
      const level = 31 - Math.clz32(end - offset);
      pieces.push(this.subtree(level, offset / 2 ** level));
      offset += 2 ** level;
    }
    let folded = pieces[pieces.length - 1];
    for (let i = pieces.length - 2; i >= 0; i -= 1) folded = nodeHash(pieces[i], folded);
    return folded;
  }

  private subtree(level: number, index: number): Buffer {
    return this.levels[level].subarray(index * HASH_SIZE, (index + 1) * HASH_SIZE);
  }

  /** Hashes every complete subtree whose last leaf is the one at `leafIndex`, bottom up. */
  private completeSubtreesEndingAt(leafIndex: number): void {
    let index = leafIndex;
    for (let level = 0; index % 2 === 1; level += 1) {
      const pair = this.levels[level].subarray((index - 1) * HASH_SIZE, (index + 1) * HASH_SIZE);
      index = (index - 1) / 2;
      nodeHash(pair.subarray(0, HASH_SIZE), pair.subarray(HASH_SIZE)).copy(this.levels[level + 1], index * HASH_SIZE);
    }
  }

  /** Makes room for `leafCount` leaves on every level, doubling a level's buffer so appends cost amortised O(1). */
  private reserve(leafCount: number): void {
    for (let level = 0; leafCount >= 2 ** level; level += 1) {
      const needed = Math.floor(leafCount / 2 ** level);
      const current = this.levels[level];
      const capacity = current ? current.length / HASH_SIZE : 0;
      if (capacity >= needed) continue;
      const grown = Buffer.alloc(Math.max(needed, 2 * capacity, SMALLEST_CAPACITY) * HASH_SIZE);
      current?.copy(grown);
      this.levels[level] = grown;
    }
  }

  private requireTreeSize(name: string, treeSize: number): void {
    requireCount(name, treeSize);
    if (treeSize > this.leafCount) throw new RangeError(`the ${name} ${treeSize} is larger than the tree, which has ${this.leafCount} leaves`);
  }
}

function concatenateLeafHashes(leafHashes: readonly Buffer[]): Buffer {
  const wrong = leafHashes.findIndex((leaf) => leaf.length !== HASH_SIZE);
  if (wrong >= 0) throw new RangeError(`leaf hash ${wrong} has ${leafHashes[wrong].length} bytes, not ${HASH_SIZE}`);
  return Buffer.concat(leafHashes);
}

function requireCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`the ${name} must be a whole number of at least 0, not ${value}`);
}

/** The largest power of two strictly below n, for n of at least 2: where RFC 6962 splits a tree of n leaves. */
function largestPowerOfTwoBelow(n: number): number {
  return 2 ** (31 - Math.clz32(n - 1));
}

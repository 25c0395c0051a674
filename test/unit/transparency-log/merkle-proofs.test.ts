import { createHash } from 'node:crypto';
import { verifyConsistency, verifyInclusion } from '../../../src/transparency-log/merkle-proofs';
import { MerkleTree } from '../../../src/transparency-log/merkle-tree';

// An independent reading of RFC 6962 §2.1, sharing nothing with src/: the tree hash by its recursive definition, and
// verifiers that rebuild roots by walking the PATH and SUBPROOF definitions back down, where src/ follows RFC 9162's
// iterative algorithms.
const sha256 = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
const ownLeafHash = (data: Buffer) => sha256(Buffer.from([0x00]), data);
const ownNodeHash = (left: Buffer, right: Buffer) => sha256(Buffer.from([0x01]), left, right);

function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function naiveTreeHash(leafData: Buffer[]): Buffer {
  if (leafData.length === 0) return sha256();
  if (leafData.length === 1) return ownLeafHash(leafData[0]);
  const k = split(leafData.length);
  return ownNodeHash(naiveTreeHash(leafData.slice(0, k)), naiveTreeHash(leafData.slice(k)));
}

function rootFromPath(index: number, size: number, leaf: Buffer, path: Buffer[]): Buffer | null {
  if (size === 1) return path.length === 0 ? leaf : null;
  if (path.length === 0) return null;
  const k = split(size);
  const [rest, sibling] = [path.slice(0, -1), path[path.length - 1]];
  if (index < k) {
    const left = rootFromPath(index, k, leaf, rest);
    return left && ownNodeHash(left, sibling);
  }
  const right = rootFromPath(index - k, size - k, leaf, rest);
  return right && ownNodeHash(sibling, right);
}

function independentlyIncluded(leaf: Buffer, index: number, size: number, proof: Buffer[], root: Buffer): boolean {
  if (index < 0 || index >= size) return false;
  return rootFromPath(index, size, leaf, proof)?.equals(root) ?? false;
}

function rootsFromSubproof(m: number, n: number, wholeOldTree: boolean, oldRoot: Buffer, proof: Buffer[]): { old: Buffer; new: Buffer } | null {
  if (m === n) {
    if (wholeOldTree) return proof.length === 0 ? { old: oldRoot, new: oldRoot } : null;
    return proof.length === 1 ? { old: proof[0], new: proof[0] } : null;
  }
  if (proof.length === 0) return null;
  const k = split(n);
  const [rest, last] = [proof.slice(0, -1), proof[proof.length - 1]];
  if (m <= k) {
    const inner = rootsFromSubproof(m, k, wholeOldTree, oldRoot, rest);
    return inner && { old: inner.old, new: ownNodeHash(inner.new, last) };
  }
  const inner = rootsFromSubproof(m - k, n - k, false, oldRoot, rest);
  return inner && { old: ownNodeHash(last, inner.old), new: ownNodeHash(last, inner.new) };
}

function independentlyConsistent(m: number, n: number, oldRoot: Buffer, newRoot: Buffer, proof: Buffer[]): boolean {
  if (m < 0 || m > n) return false;
  if (m === 0) return proof.length === 0 && oldRoot.equals(sha256());
  if (m === n) return proof.length === 0 && oldRoot.equals(newRoot);
  const roots = rootsFromSubproof(m, n, true, oldRoot, proof);
  return roots !== null && roots.old.equals(oldRoot) && roots.new.equals(newRoot);
}

/** Every copy of the proof with one byte of one of its hashes flipped. */
function withOneByteFlipped(proof: Buffer[]): Buffer[][] {
  return proof.map((_, which) => proof.map((hash, i) => {
    if (i !== which) return hash;
    const flipped = Buffer.from(hash);
    flipped[which % flipped.length] ^= 0x01;
    return flipped;
  }));
}

/** A small deterministic generator, so that a failing case can be run again. */
function seededRandom(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % below;
  };
}

const LARGEST = 70;
const leafData = Array.from({ length: LARGEST }, (_, i) => Buffer.from(`case event ${i}`));
const leafHashes = leafData.map(ownLeafHash);

function aTreeOf(leaves: Buffer[]): MerkleTree {
  const tree = new MerkleTree();
  tree.append(leaves);
  return tree;
}

describe('Merkle proofs, checked against an independent reading of RFC 6962', () => {
  const sut = aTreeOf(leafHashes);
  const sizes = Array.from({ length: LARGEST }, (_, i) => i + 1);
  const naiveRoots = [0, ...sizes].map((n) => naiveTreeHash(leafData.slice(0, n)));

  it('gives, at every size from 1 to 70, the root of the recursive definition', () => {
    expect([0, ...sizes].map((n) => sut.rootAt(n))).toEqual(naiveRoots);
  });

  it('proves every leaf at every size, to both verifiers', () => {
    const refused: string[] = [];
    for (const n of sizes) {
      for (let i = 0; i < n; i += 1) {
        const proof = sut.inclusionProof(i, n);
        if (!independentlyIncluded(leafHashes[i], i, n, proof, naiveRoots[n])) refused.push(`leaf ${i} of ${n}: independent verifier`);
        if (!verifyInclusion(leafHashes[i], i, n, proof, naiveRoots[n])) refused.push(`leaf ${i} of ${n}: verifyInclusion`);
      }
    }
    expect(refused).toEqual([]);
  });

  it('proves every pair of sizes consistent, to both verifiers', () => {
    const refused: string[] = [];
    for (const n of sizes) {
      for (let m = 0; m <= n; m += 1) {
        const proof = sut.consistencyProof(m, n);
        if (!independentlyConsistent(m, n, naiveRoots[m], naiveRoots[n], proof)) refused.push(`${m} to ${n}: independent verifier`);
        if (!verifyConsistency(m, n, naiveRoots[m], naiveRoots[n], proof)) refused.push(`${m} to ${n}: verifyConsistency`);
      }
    }
    expect(refused).toEqual([]);
  });

  it('has neither verifier accept an inclusion proof with a flipped byte, a missing or extra hash, another leaf index, or another size and its root', () => {
    const accepted: string[] = [];
    const check = (what: string, index: number, size: number, proof: Buffer[], root: Buffer, leaf: Buffer) => {
      if (independentlyIncluded(leaf, index, size, proof, root)) accepted.push(`${what}: independent verifier`);
      if (verifyInclusion(leaf, index, size, proof, root)) accepted.push(`${what}: verifyInclusion`);
    };
    for (const n of sizes) {
      const root = sut.rootAt(n);
      for (let i = 0; i < n; i += 1) {
        const proof = sut.inclusionProof(i, n);
        const leaf = leafHashes[i];
        withOneByteFlipped(proof).forEach((tampered) => check(`leaf ${i} of ${n}, a byte flipped`, i, n, tampered, root, leaf));
        if (proof.length > 0) check(`leaf ${i} of ${n}, last hash dropped`, i, n, proof.slice(0, -1), root, leaf);
        check(`leaf ${i} of ${n}, a hash added`, i, n, [...proof, root], root, leaf);
        // The neighbours, the mirror image and both ends cover every direction a path can take wrongly.
        for (const other of new Set([i - 1, i + 1, n - 1 - i, 0, n - 1])) {
          if (other !== i && other >= 0 && other < n) check(`leaf ${i} of ${n} claimed as ${other}`, other, n, proof, root, leaf);
        }
        for (const otherSize of [n - 1, n + 1]) {
          if (otherSize > i && otherSize <= LARGEST) check(`leaf ${i} of ${n} claimed in ${otherSize}`, i, otherSize, proof, sut.rootAt(otherSize), leaf);
        }
      }
    }
    expect(accepted).toEqual([]);
  });

  it('has neither verifier accept a consistency proof with a flipped byte, a missing hash, or other sizes and their roots', () => {
    const accepted: string[] = [];
    const check = (what: string, m: number, n: number, proof: Buffer[]) => {
      const [oldRoot, newRoot] = [sut.rootAt(m), sut.rootAt(n)];
      if (independentlyConsistent(m, n, oldRoot, newRoot, proof)) accepted.push(`${what}: independent verifier`);
      if (verifyConsistency(m, n, oldRoot, newRoot, proof)) accepted.push(`${what}: verifyConsistency`);
    };
    for (const n of sizes) {
      for (let m = 1; m <= n; m += 1) {
        const proof = sut.consistencyProof(m, n);
        withOneByteFlipped(proof).forEach((tampered) => check(`${m} to ${n}, a byte flipped`, m, n, tampered));
        if (proof.length > 0) check(`${m} to ${n}, first hash dropped`, m, n, proof.slice(1));
        // From the empty tree every proof is empty and every tree consistent, so 0 is no wrong first size.
        for (const [from, to] of [[m - 1, n], [m + 1, n], [m, n - 1], [m, n + 1]]) {
          if (from >= 1 && from <= to && to <= LARGEST) check(`${m} to ${n} claimed as ${from} to ${to}`, from, to, proof);
        }
      }
    }
    expect(accepted).toEqual([]);
  });

  it('finds any two sizes of a log consistent, and none once a leaf below the first size is replaced', () => {
    const random = seededRandom(6962);
    const leaves = Array.from({ length: 200 }, (_, i) => ownLeafHash(Buffer.from(`event ${i}`)));
    const honest = aTreeOf(leaves);
    for (let sample = 0; sample < 300; sample += 1) {
      const n = 1 + random(leaves.length);
      const m = 1 + random(n);
      const replaced = random(m);
      const rewritten = aTreeOf(leaves.map((leaf, i) => (i === replaced ? ownLeafHash(Buffer.from(`forged ${i}`)) : leaf)));
      const oldRoot = honest.rootAt(m);
      const honestProof = honest.consistencyProof(m, n);
      const rewrittenProof = rewritten.consistencyProof(m, n);
      const outcome = {
        honest: verifyConsistency(m, n, oldRoot, honest.rootAt(n), honestProof),
        rewrittenWithItsProof: verifyConsistency(m, n, oldRoot, rewritten.rootAt(n), rewrittenProof),
        rewrittenWithHonestProof: verifyConsistency(m, n, oldRoot, rewritten.rootAt(n), honestProof),
        independentlyRewritten: independentlyConsistent(m, n, oldRoot, rewritten.rootAt(n), rewrittenProof),
      };

      expect({ m, n, replaced, ...outcome }).toEqual({ m, n, replaced, honest: true, rewrittenWithItsProof: false, rewrittenWithHonestProof: false, independentlyRewritten: false });
    }
  });

  it('rejects malformed arguments instead of throwing', () => {
    const [leaf, root] = [leafHashes[0], sut.rootAt(1)];

    expect(verifyInclusion(leaf, 0, 1, [], root)).toBe(true);
    expect(verifyInclusion(leaf, -1, 1, [], root)).toBe(false);
    expect(verifyInclusion(leaf, 0, 1.5, [], root)).toBe(false);
    expect(verifyInclusion(leaf.subarray(1), 0, 1, [], root)).toBe(false);
    expect(verifyInclusion(leaf, 0, 2, [Buffer.alloc(31)], sut.rootAt(2))).toBe(false);
    expect(verifyConsistency(2, 1, sut.rootAt(2), root, [])).toBe(false);
    expect(verifyConsistency(0, 1, Buffer.alloc(32), root, [])).toBe(false);
    expect(verifyConsistency(1, 1, root, sut.rootAt(2), [])).toBe(false);
  });
});

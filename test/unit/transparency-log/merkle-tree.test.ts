import { createHash } from 'node:crypto';
import { leafHash } from '../../../src/transparency-log/merkle-hashing';
import { MerkleTree } from '../../../src/transparency-log/merkle-tree';
import { CT_CONSISTENCY_PROOFS, CT_INCLUSION_PROOFS, CT_LEAF_DATA, CT_ROOTS } from './ct-test-vectors';

const hex = (hashes: Buffer[]) => hashes.map((hash) => hash.toString('hex'));

function someLeafHashes(count: number, label = 'leaf'): Buffer[] {
  return Array.from({ length: count }, (_, i) => createHash('sha256').update(`${label} ${i}`).digest());
}

function aTreeOf(leafHashes: Buffer[]): MerkleTree {
  const tree = new MerkleTree();
  tree.append(leafHashes);
  return tree;
}

describe('the Merkle tree', () => {
  describe('given the eight leaves of the Certificate Transparency test vectors', () => {
    const sut = aTreeOf(CT_LEAF_DATA.map(leafHash));

    it('has the published root at every size from 0 to 8', () => {
      expect(CT_ROOTS.map((_, size) => sut.rootAt(size).toString('hex'))).toEqual(CT_ROOTS);
    });

    it.each(CT_INCLUSION_PROOFS)('gives the published inclusion proof of leaf $leafIndex in the tree of $treeSize', ({ leafIndex, treeSize, proof }) => {
      expect(hex(sut.inclusionProof(leafIndex, treeSize))).toEqual(proof);
    });

    it.each(CT_CONSISTENCY_PROOFS)('gives the published consistency proof from size $fromSize to $toSize', ({ fromSize, toSize, proof }) => {
      expect(hex(sut.consistencyProof(fromSize, toSize))).toEqual(proof);
    });

    it('gives an empty consistency proof from the empty tree', () => {
      expect(sut.consistencyProof(0, 8)).toEqual([]);
    });
  });

  it('ends up the same whether leaves come one at a time, in uneven batches or as one buffer of hashes', () => {
    const leaves = someLeafHashes(1000);
    const oneByOne = new MerkleTree();
    leaves.forEach((leaf) => oneByOne.append([leaf]));
    const inBatches = new MerkleTree();
    for (let start = 0, batch = 1; start < leaves.length; start += batch, batch += 7) inBatches.append(leaves.slice(start, start + batch));
    const fromOneBuffer = new MerkleTree();
    fromOneBuffer.append(Buffer.concat(leaves));

    for (const sut of [inBatches, fromOneBuffer]) {
      expect(sut.size).toBe(1000);
      for (const size of [1, 2, 3, 17, 512, 513, 999, 1000]) expect(sut.rootAt(size)).toEqual(oneByOne.rootAt(size));
      expect(sut.inclusionProof(700, 999)).toEqual(oneByOne.inclusionProof(700, 999));
      expect(sut.consistencyProof(333, 1000)).toEqual(oneByOne.consistencyProof(333, 1000));
    }
  });

  it('keeps answering for earlier sizes after more leaves are appended', () => {
    const leaves = someLeafHashes(40);
    const sut = aTreeOf(leaves.slice(0, 13));
    const rootAt13 = sut.rootAt();
    const proofAt13 = sut.inclusionProof(5);

    sut.append(leaves.slice(13));

    expect(sut.rootAt(13)).toEqual(rootAt13);
    expect(sut.inclusionProof(5, 13)).toEqual(proofAt13);
    expect(sut.rootAt()).toEqual(aTreeOf(leaves).rootAt());
  });

  it('hands out copies, so a caller changing a returned hash cannot change the tree', () => {
    const sut = aTreeOf(someLeafHashes(4));
    const root = sut.rootAt();

    sut.leafHash(0).fill(0);
    sut.inclusionProof(1)[0].fill(0);
    sut.rootAt().fill(0);

    expect(sut.rootAt()).toEqual(root);
    expect(sut.leafHash(0)).toEqual(someLeafHashes(1)[0]);
  });

  it('appends nothing when a batch holds a hash of the wrong length', () => {
    const sut = aTreeOf(someLeafHashes(3));
    const [good] = someLeafHashes(1, 'other');

    expect(() => sut.append([good, good.subarray(1)])).toThrow('leaf hash 1 has 31 bytes, not 32');
    expect(() => sut.append(Buffer.alloc(33))).toThrow('appended leaf hashes must be whole 32-byte hashes; got 33 bytes');
    expect(sut.size).toBe(3);
  });

  describe('refuses ranges outside the tree, naming the problem', () => {
    const sut = aTreeOf(someLeafHashes(5));

    it.each([
      ['a root beyond the tree', () => sut.rootAt(6), 'the tree size 6 is larger than the tree, which has 5 leaves'],
      ['a negative size', () => sut.rootAt(-1), 'the tree size must be a whole number of at least 0, not -1'],
      ['a fractional size', () => sut.rootAt(2.5), 'the tree size must be a whole number of at least 0, not 2.5'],
      ['a leaf beyond the tree', () => sut.leafHash(5), 'leaf index 5 is outside the tree of 5 leaves'],
      ['a proof of a leaf beyond its tree size', () => sut.inclusionProof(3, 3), 'leaf index 3 is outside a tree of size 3'],
      ['a proof in a tree larger than the tree', () => sut.inclusionProof(0, 6), 'the tree size 6 is larger than the tree, which has 5 leaves'],
      ['a consistency proof that goes backwards', () => sut.consistencyProof(4, 3), 'the first tree size 4 is larger than the second tree size 3'],
      ['a consistency proof to a size beyond the tree', () => sut.consistencyProof(1, 9), 'the second tree size 9 is larger than the tree, which has 5 leaves'],
      ['a consistency proof from a negative size', () => sut.consistencyProof(-2, 3), 'the first tree size must be a whole number of at least 0, not -2'],
    ])('%s', (_, call, message) => {
      expect(call).toThrow(RangeError);
      expect(call).toThrow(message);
    });
  });
});

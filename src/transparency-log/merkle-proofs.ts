import { emptyTreeRoot, HASH_SIZE, nodeHash } from './merkle-hashing';

/** Whether `proof` shows the leaf with hash `leafHash` at `leafIndex` in the tree of `treeSize` leaves with root `rootHash` (RFC 9162 §2.1.3.2). */
export function verifyInclusion(leafHash: Buffer, leafIndex: number, treeSize: number, proof: readonly Buffer[], rootHash: Buffer): boolean {
  if (!isCount(leafIndex) || !isCount(treeSize) || leafIndex >= treeSize) return false;
  if (!isHash(leafHash) || !isHash(rootHash) || !proof.every(isHash)) return false;
  // fn walks the leaf's position up the tree and sn the last leaf's, so that the right edge, where a node may lack a
  // right sibling, is recognised.
  let fn = leafIndex;
  let sn = treeSize - 1;
  let computed = leafHash;
  for (const sibling of proof) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      computed = nodeHash(sibling, computed);
      while (!isOdd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      computed = nodeHash(computed, sibling);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && computed.equals(rootHash);
}

/** Whether `proof` shows the tree of `fromSize` leaves with root `fromRoot` to be a prefix of the tree of `toSize` leaves with root `toRoot` (RFC 9162 §2.1.4.2). */
export function verifyConsistency(fromSize: number, toSize: number, fromRoot: Buffer, toRoot: Buffer, proof: readonly Buffer[]): boolean {
  if (!isCount(fromSize) || !isCount(toSize) || fromSize > toSize) return false;
  if (!isHash(fromRoot) || !isHash(toRoot) || !proof.every(isHash)) return false;
  if (fromSize === toSize) return proof.length === 0 && fromRoot.equals(toRoot);
  // The empty tree is a prefix of every tree; its root can only be the empty tree's.
  if (fromSize === 0) return proof.length === 0 && fromRoot.equals(emptyTreeRoot());
  if (proof.length === 0) return false;
  // When the old tree is a complete subtree of the new one, its root is the first node of the path and is left out.
  const path = isPowerOfTwo(fromSize) ? [fromRoot, ...proof] : proof;
  let fn = fromSize - 1;
  let sn = toSize - 1;
  while (isOdd(fn)) [fn, sn] = [half(fn), half(sn)];
  let oldRoot = path[0];
  let newRoot = path[0];
  for (const node of path.slice(1)) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      oldRoot = nodeHash(node, oldRoot);
      newRoot = nodeHash(node, newRoot);
      while (!isOdd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      newRoot = nodeHash(newRoot, node);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && oldRoot.equals(fromRoot) && newRoot.equals(toRoot);
}

// Arithmetic rather than bit operators: a client may check sizes beyond 2^31, where JavaScript's bit operators wrap.
function isOdd(n: number): boolean {
  return n % 2 === 1;
}

function half(n: number): number {
  return Math.floor(n / 2);
}

function isPowerOfTwo(n: number): boolean {
  let rest = n;
  while (rest > 1 && !isOdd(rest)) rest = half(rest);
  return rest === 1;
}

function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

function isHash(value: Buffer): boolean {
  return Buffer.isBuffer(value) && value.length === HASH_SIZE;
}

import { createHash, hash } from 'node:crypto';

/** The size in bytes of every hash in the log: SHA-256. */
export const HASH_SIZE = 32;

const LEAF_PREFIX = Buffer.from([0x00]);
// One reused input buffer for node hashes: the log computes about one per appended leaf, and this avoids an
// allocation per hash. Safe because hashing is synchronous.
const nodeInput = Buffer.alloc(1 + 2 * HASH_SIZE);
nodeInput[0] = 0x01;

/** The RFC 6962 hash of a leaf: SHA-256 of 0x00 followed by the leaf data, so a leaf can never pass for a node. */
export function leafHash(data: Buffer): Buffer {
  // One-shot: a Hash object per leaf costs more than the hashing when a whole log is rebuilt.
  return hash('sha256', Buffer.concat([LEAF_PREFIX, data]), 'buffer');
}

/** The RFC 6962 hash of an interior node: SHA-256 of 0x01, the left child's hash and the right child's hash. */
export function nodeHash(left: Buffer, right: Buffer): Buffer {
  // A shorter child would leave the previous call's bytes in the reused buffer, so the lengths are not optional checks.
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE) {
    throw new RangeError(`a node's children must be ${HASH_SIZE}-byte hashes, not ${left.length} and ${right.length} bytes`);
  }
  left.copy(nodeInput, 1);
  right.copy(nodeInput, 1 + HASH_SIZE);
  return hash('sha256', nodeInput, 'buffer');
}

/** The root of the empty tree: SHA-256 of the empty string. */
export function emptyTreeRoot(): Buffer {
  return createHash('sha256').digest();
}

/** The leaf hash of a case event: its 32-byte event hash, given as 64 hex characters, is the leaf data. */
export function eventLeafHash(eventHashHex: string): Buffer {
  // Buffer.from(…, 'hex') stops silently at the first non-hex character, so the text is checked first.
  if (!/^[0-9a-fA-F]{64}$/.test(eventHashHex)) throw new RangeError(`an event hash must be 64 hex characters, not "${eventHashHex}"`);
  return leafHash(Buffer.from(eventHashHex, 'hex'));
}

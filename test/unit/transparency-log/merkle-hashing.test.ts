import { createHash } from 'node:crypto';
import { emptyTreeRoot, eventLeafHash, leafHash, nodeHash } from '../../../src/transparency-log/merkle-hashing';
import { CT_LEAF_DATA, CT_ROOTS } from './ct-test-vectors';

describe('Merkle hashing', () => {
  it('gives the empty tree the SHA-256 of the empty string as its root', () => {
    expect(emptyTreeRoot().toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('hashes a leaf with the 0x00 prefix, so the one-leaf tree has the RFC 6962 root', () => {
    expect(leafHash(CT_LEAF_DATA[0]).toString('hex')).toBe(CT_ROOTS[1]);
  });

  it('hashes a node with the 0x01 prefix, so the two-leaf tree has the RFC 6962 root', () => {
    expect(nodeHash(leafHash(CT_LEAF_DATA[0]), leafHash(CT_LEAF_DATA[1])).toString('hex')).toBe(CT_ROOTS[2]);
  });

  it('gives the same node hash however often it is called, and refuses children that are not 32 bytes', () => {
    const [left, right] = [leafHash(Buffer.from('a')), leafHash(Buffer.from('b'))];
    const first = nodeHash(left, right);
    nodeHash(right, left);

    expect(nodeHash(left, right)).toEqual(first);
    expect(() => nodeHash(left, right.subarray(1))).toThrow('a node\'s children must be 32-byte hashes, not 32 and 31 bytes');
  });

  it('takes the 32 raw bytes of an event hash as the leaf data, whatever the case of its hex', () => {
    const eventHash = createHash('sha256').update('an event').digest();
    const sut = eventLeafHash(eventHash.toString('hex'));

    expect(sut).toEqual(createHash('sha256').update(Buffer.concat([Buffer.from([0]), eventHash])).digest());
    expect(eventLeafHash(eventHash.toString('hex').toUpperCase())).toEqual(sut);
  });

  it('refuses an event hash that is not 64 hex characters', () => {
    expect(() => eventLeafHash('ab')).toThrow('an event hash must be 64 hex characters, not "ab"');
    expect(() => eventLeafHash(`${'a'.repeat(63)}g`)).toThrow(/must be 64 hex characters/);
  });
});

import { createHash } from 'node:crypto';
import { CheckpointFormatError, formatCheckpoint, parseCheckpoint } from '../../../src/transparency-log/checkpoint';

const rootHash = createHash('sha256').update('a root').digest();
const root64 = rootHash.toString('base64');
const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
// 32 bytes fill 43 base64 characters with two bits to spare, the lowest of the last character; setting one changes
// the text but not the bytes Node decodes.
const rootWithStrayBit = `${root64.slice(0, 42)}${BASE64_ALPHABET[BASE64_ALPHABET.indexOf(root64[42]) ^ 1]}=`;

describe('checkpoints', () => {
  it('writes the origin, the decimal tree size and the base64 root, one per line', () => {
    expect(formatCheckpoint({ origin: 'brigade.example/log', treeSize: 20852163, rootHash })).toBe(`brigade.example/log\n20852163\n${root64}\n`);
  });

  it('reads back what it writes', () => {
    const fields = { origin: 'brigade.example/log', treeSize: 0, rootHash };

    expect(parseCheckpoint(formatCheckpoint(fields))).toEqual({ ...fields, extensions: [] });
  });

  it('keeps extension lines it does not write, and an origin with spaces', () => {
    expect(parseCheckpoint(`go.sum database tree\n31\n${root64}\nTimestamp: 1689000000\nmore\n`)).toEqual({
      origin: 'go.sum database tree', treeSize: 31, rootHash, extensions: ['Timestamp: 1689000000', 'more'],
    });
  });

  describe('refuses text that breaks the format, naming the rule', () => {
    it.each([
      ['no final newline', `log\n1\n${root64}`, 'the text does not end with a newline'],
      ['too few lines', 'log\n1\n', 'it needs at least three lines: origin, tree size and root hash'],
      ['an empty origin', `\n1\n${root64}\n`, 'the origin line is empty'],
      ['a size with a leading zero', `log\n07\n${root64}\n`, 'the tree size "07" is not a decimal number without leading zeros'],
      ['a negative size', `log\n-1\n${root64}\n`, 'the tree size "-1" is not a decimal number without leading zeros'],
      ['a size with a sign', `log\n+1\n${root64}\n`, 'the tree size "+1" is not a decimal number without leading zeros'],
      ['an empty size', `log\n\n${root64}\n`, 'the tree size "" is not a decimal number without leading zeros'],
      ['a size beyond 2^53 - 1', `log\n9007199254740992\n${root64}\n`, 'the tree size 9007199254740992 is beyond 2^53 - 1'],
      ['a root of 31 bytes', `log\n1\n${rootHash.subarray(1).toString('base64')}\n`, 'is not the standard base64 of 32 bytes'],
      ['a root in the URL alphabet', `log\n1\n${Buffer.alloc(32, 0xfb).toString('base64url')}=\n`, 'is not the standard base64 of 32 bytes'],
      ['a root with stray bits after its last byte', `log\n1\n${rootWithStrayBit}\n`, 'is not the standard base64 of 32 bytes'],
      ['an empty extension line', `log\n1\n${root64}\next\n\n`, 'extension line 2 is empty'],
      ['a carriage return', `log\r\n1\n${root64}\n`, 'the text contains the control character U+000D'],
    ])('%s', (_, text, message) => {
      expect(() => parseCheckpoint(text)).toThrow(CheckpointFormatError);
      expect(() => parseCheckpoint(text)).toThrow(message);
    });
  });

  it('refuses to write a checkpoint the format cannot hold', () => {
    expect(() => formatCheckpoint({ origin: 'log\n2', treeSize: 1, rootHash })).toThrow('malformed checkpoint: the origin contains a newline');
    expect(() => formatCheckpoint({ origin: '', treeSize: 1, rootHash })).toThrow('the origin line is empty');
    expect(() => formatCheckpoint({ origin: 'log', treeSize: 1.5, rootHash })).toThrow('the tree size 1.5 is not a whole number of at least 0');
    expect(() => formatCheckpoint({ origin: 'log', treeSize: 1, rootHash: rootHash.subarray(2) })).toThrow('the root hash has 30 bytes, not 32');
  });
});

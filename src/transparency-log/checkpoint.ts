import { HASH_SIZE } from './merkle-hashing';
import { noteTextProblem } from './note-text';
import { decodeStrictBase64 } from './strict-base64';

/** What a log states about its tree at one size: the C2SP tlog-checkpoint's three mandatory lines. */
export interface CheckpointFields {
  /** Names the log; clients compare it, never interpret it. */
  readonly origin: string;
  readonly treeSize: number;
  /** The RFC 6962 root of the first `treeSize` leaves. */
  readonly rootHash: Buffer;
}

/** A parsed checkpoint, with any extension lines kept as they were. */
export interface Checkpoint extends CheckpointFields {
  readonly extensions: readonly string[];
}

/** Thrown when checkpoint text breaks the C2SP tlog-checkpoint format; the message names the rule. */
export class CheckpointFormatError extends Error {
  constructor(problem: string) {
    super(`malformed checkpoint: ${problem}`);
    this.name = 'CheckpointFormatError';
  }
}

/** The checkpoint body for these fields, ready to be signed as a note. */
export function formatCheckpoint({ origin, treeSize, rootHash }: CheckpointFields): string {
  if (origin.includes('\n')) throw new CheckpointFormatError('the origin contains a newline');
  if (!Number.isSafeInteger(treeSize) || treeSize < 0) throw new CheckpointFormatError(`the tree size ${treeSize} is not a whole number of at least 0`);
  if (rootHash.length !== HASH_SIZE) throw new CheckpointFormatError(`the root hash has ${rootHash.length} bytes, not ${HASH_SIZE}`);
  const text = `${origin}\n${treeSize}\n${rootHash.toString('base64')}\n`;
  // Parsing what was just written checks the rest of the origin by the rules a reader applies.
  parseCheckpoint(text);
  return text;
}

/** The fields of a checkpoint body, checked strictly so that each checkpoint has exactly one spelling. */
export function parseCheckpoint(text: string): Checkpoint {
  const problem = noteTextProblem(text);
  if (problem) throw new CheckpointFormatError(`the text ${problem}`);
  const [origin, size, root, ...extensions] = text.slice(0, -1).split('\n');
  if (root === undefined) throw new CheckpointFormatError('it needs at least three lines: origin, tree size and root hash');
  if (origin === '') throw new CheckpointFormatError('the origin line is empty');
  if (!/^(0|[1-9][0-9]*)$/.test(size)) throw new CheckpointFormatError(`the tree size "${size}" is not a decimal number without leading zeros`);
  const treeSize = Number(size);
  if (!Number.isSafeInteger(treeSize)) throw new CheckpointFormatError(`the tree size ${size} is beyond 2^53 - 1, the largest this log handles`);
  const rootHash = decodeStrictBase64(root);
  if (rootHash?.length !== HASH_SIZE) throw new CheckpointFormatError(`the root hash "${root}" is not the standard base64 of ${HASH_SIZE} bytes`);
  const empty = extensions.indexOf('');
  if (empty >= 0) throw new CheckpointFormatError(`extension line ${empty + 1} is empty`);
  return { origin, treeSize, rootHash, extensions };
}

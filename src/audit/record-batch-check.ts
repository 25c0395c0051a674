import { eventLeafHash, HASH_SIZE } from '../transparency-log/merkle-hashing';
import type { LogFinding } from './log-finding';
import { checkCaseRecord, type CaseFinding } from './case-record-check';
import type { StoredCaseRecord } from './store-records.port';

/** Which leaves the audit takes: those below `treeSize` (the log's size when it began), hashed below `signedSize`. */
export interface LeafBounds {
  readonly treeSize: number;
  readonly signedSize: number;
}

/**
 * What checking a batch of cases found, in a form that crosses to another thread without copying: the findings in the
 * order the cases came, and each leaf index the events filled with its leaf hash (zeros where none was made).
 */
export interface CheckedBatch {
  readonly cases: number;
  readonly events: number;
  readonly failures: readonly CaseFinding[];
  readonly leafFindings: readonly LogFinding[];
  readonly filledIndices: Float64Array;
  /** `HASH_SIZE` bytes per filled index, in the same order. */
  readonly leafHashes: Uint8Array;
}

/**
 * Checks each case's chain, fold and read model, and places its events' leaves: an event without a leaf, or whose leaf
 * holds another hash, is a finding; a leaf appended after the audit began is left for the next audit.
 */
export function checkRecordBatch(records: readonly StoredCaseRecord[], { treeSize, signedSize }: LeafBounds): CheckedBatch {
  const failures: CaseFinding[] = [];
  const leafFindings: LogFinding[] = [];
  let events = 0;
  for (const record of records) events += record.events.length;
  const filledIndices = new Float64Array(events);
  const leafHashes = new Uint8Array(events * HASH_SIZE);
  let filled = 0;
  for (const { caseId, events: caseEvents, leaves, projection } of records) {
    const finding = checkCaseRecord(caseId, caseEvents, projection);
    if (finding) failures.push(finding);
    for (let position = 0; position < caseEvents.length; position++) {
      const { version, hash } = caseEvents[position];
      const leaf = leaves[position];
      if (!leaf) {
        leafFindings.push({ caseId, version, problem: 'the event has no leaf in the transparency log' });
        continue;
      }
      if (leaf.index >= treeSize) continue;
      if (leaf.eventHash !== hash) leafFindings.push({ caseId, version, problem: `leaf ${leaf.index} holds another hash than the event's` });
      filledIndices[filled] = leaf.index;
      if (leaf.index < signedSize) {
        try {
          leafHashes.set(eventLeafHash(leaf.eventHash), filled * HASH_SIZE);
        } catch (error) {
          // Left as zeros: the tree's root then differs from every checkpoint above this leaf, which says the rest.
          leafFindings.push({ caseId, version, problem: `leaf ${leaf.index} holds no event hash: ${(error as Error).message}` });
        }
      }
      filled++;
    }
  }
  return {
    cases: records.length, events, failures, leafFindings,
    filledIndices: filledIndices.subarray(0, filled), leafHashes: leafHashes.subarray(0, filled * HASH_SIZE),
  };
}

import type { NoteVerifierKey } from '../transparency-log/note-keys';
import { checkCheckpoints } from './checkpoint-audit';
import type { CaseFinding } from './case-record-check';
import { LeafCollector, type LogFinding } from './log-audit';
import { checkRecordBatch, type CheckedBatch, type LeafBounds } from './record-batch-check';
import type { CaseRanges, StoreRecords } from './store-records.port';

export { checkCaseRecord, type CaseFinding } from './case-record-check';

/** What auditing the transparency log found: its size, its checkpoints, and what is wrong with it. */
export interface LogAuditSummary {
  readonly treeSize: number;
  readonly checkpoints: number;
  /** The size of the largest checkpoint; null when none was made yet. */
  readonly latestCheckpoint: number | null;
  readonly findings: readonly LogFinding[];
}

/** What auditing the whole store found. */
export interface StoreAuditSummary {
  readonly cases: number;
  readonly events: number;
  readonly failures: readonly CaseFinding[];
  readonly log: LogAuditSummary;
}

/** Reads and checks every case of the planned ranges, answering the checked batches in case id order. */
export type BatchChecks = (ranges: CaseRanges, bounds: LeafBounds) => AsyncIterable<CheckedBatch>;

// A batch is a range of case ids holding about this many cases or events, whichever it reaches first: large enough that
// a round trip is cheap beside the checking, small enough that a batch stays a few megabytes in memory.
const CASES_PER_BATCH = 1_000;
const EVENTS_PER_BATCH = 10_000;
// Progress is reported this often within a batch checked here, so that it moves on a small store too.
const CASES_PER_REPORT = 25;

/**
 * Checks every case in the store, a batch of cases at a time: its hash chain, that its events fold, and that the read
 * model agrees with them; in the same pass, that each event has its leaf in the transparency log, and then that the
 * tree those leaves make is the one every checkpoint signed with `logKey`. `onProgress` hears how many cases and
 * events have been checked so far, and of how many cases. `checks` reads and checks the batches: in this thread by
 * default, or in worker threads (`checksInWorkers`).
 */
export async function auditStore(
  store: StoreRecords, logKey: NoteVerifierKey, onProgress: (cases: number, events: number, total: number) => void = () => undefined,
  checks: BatchChecks = checksInThread(store),
): Promise<StoreAuditSummary> {
  const log = await store.readLogState();
  const ranges = await store.planCaseRanges(CASES_PER_BATCH, EVENTS_PER_BATCH);
  onProgress(0, 0, ranges.cases);
  const leaves = new LeafCollector(log.treeSize, log.checkpoints.at(-1)?.treeSize ?? 0);
  const failures: CaseFinding[] = [];
  let cases = 0;
  let events = 0;
  for await (const batch of checks(ranges, leaves.bounds)) {
    failures.push(...batch.failures);
    leaves.addChecked(batch);
    cases += batch.cases;
    events += batch.events;
    onProgress(cases, events, ranges.cases);
  }
  // Only the indices no event claimed can hold an orphan, so only those are looked up.
  leaves.addOrphans(await store.readLeavesAt(leaves.unfilledIndices()));
  const tree = leaves.buildTree();
  const checkpointFindings = checkCheckpoints(tree, log.checkpoints, logKey);
  return {
    cases, events, failures,
    log: {
      treeSize: log.treeSize,
      checkpoints: log.checkpoints.length,
      latestCheckpoint: log.checkpoints.at(-1)?.treeSize ?? null,
      findings: [...leaves.findings, ...checkpointFindings],
    },
  };
}

/** Reads the store's batches and checks them here, a few cases at a time so that progress moves on a small store too. */
export function checksInThread(store: StoreRecords): BatchChecks {
  return async function* (ranges, bounds) {
    for await (const records of store.storedCaseBatches(ranges)) {
      for (let from = 0; from < records.length; from += CASES_PER_REPORT) yield checkRecordBatch(records.slice(from, from + CASES_PER_REPORT), bounds);
    }
  };
}

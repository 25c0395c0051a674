import { foldHistory } from '../domain/case-history';
import type { StoredCaseEvent } from '../event-store/event-store.port';
import type { NoteVerifierKey } from '../transparency-log/note-keys';
import { verifyEventChain } from './event-chain';
import { checkProjection, type RecordedProjection } from './projection-check';
import { checkCheckpoints } from './checkpoint-audit';
import { LeafCollector, type LogFinding } from './log-audit';
import type { StoreRecords } from './store-records.port';

/** A case whose record failed the audit: the first version found broken, and what is wrong there. */
export interface CaseFinding {
  readonly caseId: string;
  readonly version: number | null;
  readonly problem: string;
}

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

// A batch is a range of case ids holding about this many cases or events, whichever it reaches first: large enough that
// a round trip is cheap beside the checking, small enough that a batch stays a few megabytes in memory.
const CASES_PER_BATCH = 1_000;
const EVENTS_PER_BATCH = 10_000;
// Progress is reported this often within a batch, so that it moves on a small store too.
const CASES_PER_REPORT = 25;

/**
 * Checks every case in the store, a batch of cases at a time: its hash chain, that its events fold, and that the read
 * model agrees with them; in the same pass, that each event has its leaf in the transparency log, and then that the
 * tree those leaves make is the one every checkpoint signed with `logKey`. `onProgress` hears how many cases and
 * events have been checked so far, and of how many cases.
 */
export async function auditStore(
  store: StoreRecords, logKey: NoteVerifierKey, onProgress: (cases: number, events: number, total: number) => void = () => undefined,
): Promise<StoreAuditSummary> {
  const log = await store.readLogState();
  const ranges = await store.planCaseRanges(CASES_PER_BATCH, EVENTS_PER_BATCH);
  onProgress(0, 0, ranges.cases);
  const leaves = new LeafCollector(log.treeSize, log.checkpoints.at(-1)?.treeSize ?? 0);
  const failures: CaseFinding[] = [];
  let cases = 0;
  let events = 0;
  for await (const batch of store.storedCaseBatches(ranges)) {
    for (const record of batch) {
      const finding = checkCaseRecord(record.caseId, record.events, record.projection);
      if (finding) failures.push(finding);
      leaves.addCase(record.caseId, record.events, record.leaves);
      events += record.events.length;
      cases += 1;
      if (cases % CASES_PER_REPORT === 0) onProgress(cases, events, ranges.cases);
    }
  }
  onProgress(cases, events, ranges.cases);
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

/** The first thing wrong with one case's record, or null when its chain, fold and read model all hold. */
export function checkCaseRecord(caseId: string, events: readonly StoredCaseEvent[], projection: RecordedProjection | null): CaseFinding | null {
  const chain = verifyEventChain(caseId, events);
  if (!chain.valid) return { caseId, version: chain.firstInvalidVersion, problem: chain.problem! };
  const fold = foldHistory(events);
  if (!fold.valid) return { caseId, version: fold.failedVersion, problem: fold.problem };
  const readModel = checkProjection(projection, events, fold);
  if (readModel.consistent) return null;
  // A read model ahead of the stream means the stream lost its tail: the first missing version is the broken one.
  const last = events.at(-1)?.version ?? 0;
  const recorded = readModel.recordedVersion;
  const version = recorded === null ? last : recorded === last ? recorded : Math.min(recorded, last) + 1;
  return { caseId, version, problem: readModel.problem! };
}

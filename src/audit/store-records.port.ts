import type { StoredCaseEvent } from '../event-store/event-store.port';
import type { RecordedProjection } from './projection-check';

/** A stored checkpoint row: the size and root it claims, and the signed note that must say the same. */
export interface StoredCheckpoint {
  readonly treeSize: number;
  readonly rootHash: string;
  readonly signedNote: string;
}

/** The log as it stood when the audit began: its size, and every checkpoint, smallest first. */
export interface LogState {
  readonly treeSize: number;
  readonly checkpoints: readonly StoredCheckpoint[];
}

/** A leaf whose event is not in `case_events`. */
export interface OrphanLeaf {
  readonly index: number;
  readonly caseId: string;
  readonly version: number;
  readonly eventHash: string;
}

/** Where the transparency log holds an event: its leaf index, and the event hash the leaf was made of. */
export interface EventLeaf {
  readonly index: number;
  readonly eventHash: string;
}

/** One case as the store holds it: its events in version order with each one's leaf, and its read model's row when it has one. */
export interface StoredCaseRecord {
  readonly caseId: string;
  readonly events: readonly StoredCaseEvent[];
  /** The leaf of each event, in the events' order; null where the log has none. */
  readonly leaves: ReadonlyArray<EventLeaf | null>;
  readonly projection: RecordedProjection | null;
}

/** The store cut into ranges of case ids: how many cases it holds, and where each range ends (the last one open). */
export interface CaseRanges {
  readonly cases: number;
  readonly ends: ReadonlyArray<string | null>;
}

/** The whole store as the offline audit reads it: the transparency log's state, and every case's record in batches. */
export interface StoreRecords {
  /** The log's size and checkpoints, read before the events, so that leaves appended meanwhile are left for the next audit. */
  readLogState(): Promise<LogState>;
  /** Cuts the store into ranges of case ids, each ending after `casesPerBatch` cases or `eventsPerBatch` events. */
  planCaseRanges(casesPerBatch: number, eventsPerBatch: number): Promise<CaseRanges>;
  /** Every case of the store in case id order, a planned range at a time. */
  storedCaseBatches(ranges: CaseRanges): AsyncGenerator<StoredCaseRecord[]>;
  /** The leaves at these indices, in index order. */
  readLeavesAt(indices: readonly number[]): Promise<OrphanLeaf[]>;
}

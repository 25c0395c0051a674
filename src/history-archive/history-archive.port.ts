/** One closed workflow's history as archived: the proto bytes exactly as fetched from Temporal, and their SHA-256. */
export interface ArchivedHistory {
  readonly caseId: string;
  readonly workflowId: string;
  readonly runId: string;
  readonly workflowType: string;
  readonly closeStatus: string;
  /** The encoded `temporal.api.history.v1.History`; its payloads are still encrypted. */
  readonly history: Uint8Array;
  readonly sha256: string;
  readonly eventCount: number;
}

/** The append-only archive of closed workflows' histories in Brigade's database. */
export interface HistoryArchive {
  /** Archives a history once; archiving the same bytes again is a no-op, other bytes for the same run an `ArchiveConflictError`. */
  store(entry: ArchivedHistory): Promise<void>;
  /** The archived histories of a case, oldest first. */
  findByCase(caseId: string): Promise<ArchivedHistory[]>;
}

/** Injection token for the history archive port. */
export const HISTORY_ARCHIVE = Symbol('HistoryArchive');

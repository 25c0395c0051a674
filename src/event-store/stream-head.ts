import type { DataSource } from 'typeorm';
import type { CaseState } from '../domain/case.state';
import { GENESIS_HASH } from './hash-chain';
import { runPrepared, type PreparedStatement } from './prepared-statement';

/** The batch an idempotency key already recorded. */
export interface RecordedBatch {
  readonly caseId: string;
  readonly fromVersion: number;
  readonly toVersion: number;
}

/** Where a stream stood when an append began: what its read model holds, the database's time, and its key's earlier batch. */
export interface StreamHead {
  /** 0 for a stream with no events yet. */
  readonly version: number;
  /** The folded state as stored; null for a new stream. */
  readonly state: CaseState | null;
  /** The hash the next event links to: the last event's, or the genesis hash. */
  readonly lastHash: string;
  /** The database's time, which every event of the append is recorded at. */
  readonly now: Date;
  /** The batch the append's idempotency key recorded before, if it did. */
  readonly recordedBatch: RecordedBatch | null;
}

const READ_HEAD: PreparedStatement = {
  name: 'brigade_read_stream_head',
  text: `SELECT c.version, c.state, c.last_hash, now(), b.case_id, b.from_version, b.to_version
           FROM (VALUES (1)) AS one LEFT JOIN cases c ON c.case_id = $1 LEFT JOIN case_event_batches b ON b.idempotency_key = $2`,
};

/**
 * Reads, in one statement and without a lock, where a case's stream stands and whether the idempotency key was used.
 * What an append computes from it is checked again under the stream's row lock when the append is recorded.
 */
export async function readStreamHead(dataSource: DataSource, caseId: string, idempotencyKey: string): Promise<StreamHead> {
  const [[version, state, lastHash, now, batchCaseId, fromVersion, toVersion]] = await runPrepared(dataSource, READ_HEAD, [caseId, idempotencyKey]) as [[number | null, CaseState | null, string | null, Date, string | null, number | null, number | null]];
  return {
    version: version ?? 0,
    state,
    lastHash: lastHash ?? GENESIS_HASH,
    now,
    recordedBatch: batchCaseId === null ? null : { caseId: batchCaseId, fromVersion: fromVersion!, toVersion: toVersion! },
  };
}

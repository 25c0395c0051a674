import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** One leaf of the transparency log: the event it stands for and that event's hash. */
export interface LogLeaf {
  readonly leafIndex: number;
  readonly caseId: string;
  readonly version: number;
  readonly eventHash: string;
}

/** Thrown when the log's leaves have a gap: a leaf was deleted, which no append ever does. */
export class MissingLeafError extends Error {
  constructor(readonly leafIndex: number) {
    super(`leaf ${leafIndex} of the transparency log is missing: it was deleted behind the store's back`);
    this.name = 'MissingLeafError';
  }
}

/** Reads the transparency log's leaves; appends write them, in the event store's own transaction. */
@Injectable()
export class LogLeavesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The event hashes of the leaves from `fromIndex` on, in index order, at most `limit` of them. Appends commit leaves
   * without gaps, so a missing index means a leaf was deleted behind the store's back: that is thrown, not skipped.
   */
  async eventHashesFrom(fromIndex: number, limit: number): Promise<string[]> {
    const rows: Array<{ leaf_index: string; event_hash: string }> = await this.dataSource.query(
      'SELECT leaf_index, event_hash FROM transparency_log_leaves WHERE leaf_index >= $1 ORDER BY leaf_index LIMIT $2', [fromIndex, limit],
    );
    const gap = rows.findIndex((row, offset) => Number(row.leaf_index) !== fromIndex + offset);
    if (gap >= 0) throw new MissingLeafError(fromIndex + gap);
    return rows.map((row) => row.event_hash);
  }

  /** The leaves of one case's events, in version order. */
  async leavesOfCase(caseId: string): Promise<LogLeaf[]> {
    const rows: Array<{ leaf_index: string; case_id: string; version: number; event_hash: string }> = await this.dataSource.query(
      'SELECT leaf_index, case_id, version, event_hash FROM transparency_log_leaves WHERE case_id = $1 ORDER BY version', [caseId],
    );
    return rows.map((row) => ({ leafIndex: Number(row.leaf_index), caseId: row.case_id, version: row.version, eventHash: row.event_hash }));
  }
}

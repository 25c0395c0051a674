import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** One leaf of the transparency log: the event it stands for and that event's hash. */
export interface LogLeaf {
  readonly leafIndex: number;
  readonly caseId: string;
  readonly version: number;
  readonly eventHash: string;
}

/** Reads the transparency log's leaves; appends write them, in the event store's own transaction. */
@Injectable()
export class LogLeavesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The event hashes of the leaves from `fromIndex` on, in index order, at most `limit` of them. */
  async eventHashesFrom(fromIndex: number, limit: number): Promise<string[]> {
    const rows: Array<{ event_hash: string }> = await this.dataSource.query(
      'SELECT event_hash FROM transparency_log_leaves WHERE leaf_index >= $1 ORDER BY leaf_index LIMIT $2', [fromIndex, limit],
    );
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

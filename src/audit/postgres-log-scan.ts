import type { DataSource } from 'typeorm';
import type { LogState, OrphanLeaf } from './store-records.port';

/**
 * The log's size and checkpoints in one statement, read before the events: leaves appended while the audit runs lie
 * beyond this size and are left for the next audit, so a busy store is audited without false findings.
 */
export async function readLogState(dataSource: DataSource): Promise<LogState> {
  const rows: Array<{ head: string | null; tree_size: string | null; root_hash: string | null; signed_note: string | null }> = await dataSource.query(
    `SELECT (SELECT tree_size FROM transparency_log_head) AS head, c.tree_size, c.root_hash, c.signed_note
       FROM (SELECT 1) one LEFT JOIN transparency_log_checkpoints c ON true ORDER BY c.tree_size`,
  );
  return {
    treeSize: Number(rows[0]?.head ?? 0),
    checkpoints: rows.filter((row) => row.tree_size !== null)
      .map((row) => ({ treeSize: Number(row.tree_size), rootHash: row.root_hash!, signedNote: row.signed_note! })),
  };
}

/** The leaves at these indices, in index order: those the audit met no event for, whose event is therefore gone. */
export async function readLeavesAt(dataSource: DataSource, indices: readonly number[]): Promise<OrphanLeaf[]> {
  if (indices.length === 0) return [];
  const rows: Array<{ leaf_index: string; case_id: string; version: number; event_hash: string }> = await dataSource.query(
    'SELECT leaf_index, case_id, version, event_hash FROM transparency_log_leaves WHERE leaf_index = ANY($1::bigint[]) ORDER BY leaf_index',
    [indices],
  );
  return rows.map((row) => ({ index: Number(row.leaf_index), caseId: row.case_id, version: row.version, eventHash: row.event_hash }));
}

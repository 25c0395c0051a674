import type { DataSource } from 'typeorm';
import type { CaseState } from '../domain/case.state';
import type { StoredCaseEvent } from '../event-store/event-store.port';
import { storedEventColumns, storedEventFromRow, type StoredEventRow } from '../event-store/stored-event-row';
import type { RecordedProjection } from './projection-check';

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

/**
 * Reads every case of the store in case id order, a batch at a time, with raw range queries over `case_events` and
 * `cases`; the next batch is read while the caller checks the one it was given, so the database and the checks overlap.
 */
export async function* storedCaseBatches(dataSource: DataSource, casesPerBatch: number): AsyncGenerator<StoredCaseRecord[]> {
  let next = readBatch(dataSource, null, casesPerBatch);
  try {
    for (;;) {
      const batch = await next;
      if (batch.length === 0) return;
      next = readBatch(dataSource, batch[batch.length - 1].caseId, casesPerBatch);
      yield batch;
    }
  } finally {
    // A caller that stops early leaves the read ahead running; its failure then has nobody left to hear it.
    next.catch(() => undefined);
  }
}

async function readBatch(dataSource: DataSource, after: string | null, casesPerBatch: number): Promise<StoredCaseRecord[]> {
  const caseIds = await caseIdsAfter(dataSource, after, casesPerBatch);
  if (caseIds.length === 0) return [];
  // The batch is a range of case ids, so both tables are read by a range scan of their case id index.
  const range = [caseIds[0], caseIds[caseIds.length - 1]];
  const [eventRows, projectionRows] = await Promise.all([
    // Each event's leaf comes with it in the same ordered read: the log's index on (case_id, version) makes the join a merge.
    dataSource.query(
      `SELECT ${storedEventColumns('e')}, l.leaf_index, l.event_hash AS leaf_event_hash
         FROM case_events e LEFT JOIN transparency_log_leaves l ON l.case_id = e.case_id AND l.version = e.version
        WHERE e.case_id BETWEEN $1 AND $2 ORDER BY e.case_id, e.version`,
      range,
    ) as Promise<Array<StoredEventRow & { leaf_index: string | null; leaf_event_hash: string | null }>>,
    dataSource.query('SELECT case_id, version, last_hash, state FROM cases WHERE case_id BETWEEN $1 AND $2', range) as
      Promise<Array<{ case_id: string; version: number; last_hash: string; state: CaseState }>>,
  ]);
  const records = new Map(caseIds.map((caseId) => [caseId, { caseId, events: [] as StoredCaseEvent[], leaves: [] as Array<EventLeaf | null>, projection: null as RecordedProjection | null }]));
  for (const row of eventRows) {
    const record = records.get(row.case_id)!;
    record.events.push(storedEventFromRow(row));
    record.leaves.push(row.leaf_index === null ? null : { index: Number(row.leaf_index), eventHash: row.leaf_event_hash! });
  }
  for (const row of projectionRows) records.get(row.case_id)!.projection = { version: row.version, lastHash: row.last_hash, state: row.state };
  return [...records.values()];
}

// Keyset paging over the union of both tables, so that a case missing from either one is still audited.
async function caseIdsAfter(dataSource: DataSource, after: string | null, limit: number): Promise<string[]> {
  const rows: Array<{ case_id: string }> = await dataSource.query(
    `SELECT case_id FROM (
       (SELECT case_id FROM cases WHERE $1::uuid IS NULL OR case_id > $1 ORDER BY case_id LIMIT $2)
       UNION
       (SELECT DISTINCT case_id FROM case_events WHERE $1::uuid IS NULL OR case_id > $1 ORDER BY case_id LIMIT $2)
     ) ids ORDER BY case_id LIMIT $2`,
    [after, limit],
  );
  return rows.map((row) => row.case_id);
}

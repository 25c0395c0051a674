import type { DataSource } from 'typeorm';
import type { CaseState } from '../domain/case.state';
import type { StoredCaseEvent } from '../event-store/event-store.port';
import { STORED_EVENT_COLUMNS, storedEventFromRow, type StoredEventRow } from '../event-store/stored-event-row';
import type { RecordedProjection } from './projection-check';

/** One case as the store holds it: its events in version order, and its read model's row when it has one. */
export interface StoredCaseRecord {
  readonly caseId: string;
  readonly events: readonly StoredCaseEvent[];
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
    dataSource.query(`SELECT ${STORED_EVENT_COLUMNS} FROM case_events WHERE case_id BETWEEN $1 AND $2 ORDER BY case_id, version`, range) as Promise<StoredEventRow[]>,
    dataSource.query('SELECT case_id, version, last_hash, state FROM cases WHERE case_id BETWEEN $1 AND $2', range) as
      Promise<Array<{ case_id: string; version: number; last_hash: string; state: CaseState }>>,
  ]);
  const streams = new Map<string, StoredCaseEvent[]>(caseIds.map((caseId) => [caseId, []]));
  for (const row of eventRows) streams.get(row.case_id)!.push(storedEventFromRow(row));
  const projections = new Map(projectionRows.map((row) => [row.case_id, { version: row.version, lastHash: row.last_hash, state: row.state }]));
  return caseIds.map((caseId) => ({ caseId, events: streams.get(caseId)!, projection: projections.get(caseId) ?? null }));
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

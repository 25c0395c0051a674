import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { CaseState } from '../domain/case.state';
import type { StoredCaseEvent } from '../event-store/event-store.port';
import { queryRowArrays } from '../database/row-arrays';
import { STORED_EVENT_COLUMN_COUNT, storedEventColumns, storedEventFromValues } from '../event-store/stored-event-row';
import type { RecordedProjection } from './projection-check';
import type { CaseRanges, EventLeaf, StoreRecords, StoredCaseRecord } from './store-records.port';
import { readLeavesAt, readLogState } from './postgres-log-scan';

/**
 * Plans the ranges in one pass over both tables' case id indexes: each ends after `casesPerBatch` cases or
 * `eventsPerBatch` events, whichever comes first. The last range is open, so it also takes cases begun since.
 */
export async function planCaseRanges(dataSource: DataSource, casesPerBatch: number, eventsPerBatch: number): Promise<CaseRanges> {
  // A case missing from either table is still counted and read: both tables' case ids go into the plan.
  const cases: Array<{ case_id: string; events: number }> = await dataSource.query(
    `SELECT case_id, sum(events)::int AS events FROM (
       SELECT case_id, count(*) AS events FROM case_events GROUP BY case_id UNION ALL SELECT case_id, 0 FROM cases
     ) ids GROUP BY case_id ORDER BY case_id`,
  );
  const ends: Array<string | null> = [];
  let inRange = { cases: 0, events: 0 };
  for (const { case_id: caseId, events } of cases) {
    inRange = { cases: inRange.cases + 1, events: inRange.events + events };
    if (inRange.cases < casesPerBatch && inRange.events < eventsPerBatch) continue;
    ends.push(caseId);
    inRange = { cases: 0, events: 0 };
  }
  ends.push(null);
  return { cases: cases.length, ends };
}

/**
 * Reads every case of the store in case id order, a planned range at a time, with raw range queries over
 * `case_events` (each event with its leaf) and `cases`; the next range is read while the caller checks this one, so
 * the database and the checks overlap.
 */
export async function* storedCaseBatches(dataSource: DataSource, { ends }: CaseRanges): AsyncGenerator<StoredCaseRecord[]> {
  const query = dataSourceRows(dataSource);
  let next = readBatch(query, null, ends[0]);
  try {
    for (let range = 0; range < ends.length; range++) {
      const records = await next;
      if (range + 1 < ends.length) next = readBatch(query, ends[range], ends[range + 1]);
      yield records;
    }
  } finally {
    // A caller that stops early leaves the read ahead running; its failure then has nobody left to hear it.
    next.catch(() => undefined);
  }
}

/** Runs one SQL statement and answers its rows: as arrays of column values with `rowMode: 'array'`, else as objects. */
export type RowQuery = (text: string, values: readonly unknown[], rowMode?: 'array') => Promise<unknown[]>;

/** Runs queries on a pool of the TypeORM data source, rows as arrays where asked, as `queryRowArrays` does. */
export function dataSourceRows(dataSource: DataSource): RowQuery {
  return (text, values, rowMode) => (rowMode ? queryRowArrays(dataSource, text, values) : dataSource.query(text, [...values]));
}

/**
 * Runs queries on a small pool of its own to the database at `url`, for a worker thread, which cannot share the main
 * thread's pool: two connections, so that one range is read while the one before it is checked.
 */
export function poolRows(url: string): RowQuery {
  const pool = new Pool({ connectionString: url, max: 2, statement_timeout: 30_000, connectionTimeoutMillis: 5_000 });
  // An idle connection's error must not end the thread; the next query then fails and says why.
  pool.on('error', () => undefined);
  return async (text, values, rowMode) => (await pool.query({ text, values: [...values], ...(rowMode && { rowMode }) })).rows as unknown[];
}

/** Reads the records of the cases after `after` up to `upTo` (either open), each with its events, their leaves and its read model's row. */
export async function readBatch(query: RowQuery, after: string | null, upTo: string | null): Promise<StoredCaseRecord[]> {
  const range = [after, upTo];
  const within = (column: string) => `($1::uuid IS NULL OR ${column} > $1) AND ($2::uuid IS NULL OR ${column} <= $2)`;
  const [eventRows, projectionRows] = await Promise.all([
    // Each event's leaf comes with it in the same ordered read, found through the log's (case_id, version) index.
    query(
      `SELECT ${storedEventColumns('e')}, l.leaf_index, l.event_hash
         FROM case_events e LEFT JOIN transparency_log_leaves l ON l.case_id = e.case_id AND l.version = e.version
        WHERE ${within('e.case_id')} ORDER BY e.case_id, e.version`,
      range, 'array',
    ) as Promise<unknown[][]>,
    query(`SELECT case_id, version, last_hash, state FROM cases WHERE ${within('case_id')}`, range) as
      Promise<Array<{ case_id: string; version: number; last_hash: string; state: CaseState }>>,
  ]);
  const records = new Map<string, { caseId: string; events: StoredCaseEvent[]; leaves: Array<EventLeaf | null>; projection: RecordedProjection | null }>();
  const recordOf = (caseId: string) => {
    let record = records.get(caseId);
    if (!record) records.set(caseId, record = { caseId, events: [], leaves: [], projection: null });
    return record;
  };
  for (const values of eventRows) {
    const event = storedEventFromValues(values);
    const leafIndex = values[STORED_EVENT_COLUMN_COUNT] as string | null;
    const leafEventHash = values[STORED_EVENT_COLUMN_COUNT + 1] as string;
    const record = recordOf(event.caseId);
    record.events.push(event);
    record.leaves.push(leafIndex === null ? null : { index: Number(leafIndex), eventHash: leafEventHash });
  }
  // A case may have events and no read model row, or the other way round: both tables are read over the same range.
  for (const row of projectionRows) recordOf(row.case_id).projection = { version: row.version, lastHash: row.last_hash, state: row.state };
  // Lower-case UUID text sorts as PostgreSQL sorts the uuids themselves.
  return [...records.values()].sort((a, b) => (a.caseId < b.caseId ? -1 : 1));
}

/** The store's records read from PostgreSQL through `dataSource`, for the offline audit. */
export function postgresStoreRecords(dataSource: DataSource): StoreRecords {
  return {
    readLogState: () => readLogState(dataSource),
    planCaseRanges: (casesPerBatch, eventsPerBatch) => planCaseRanges(dataSource, casesPerBatch, eventsPerBatch),
    storedCaseBatches: (ranges) => storedCaseBatches(dataSource, ranges),
    readLeavesAt: (indices) => readLeavesAt(dataSource, indices),
  };
}

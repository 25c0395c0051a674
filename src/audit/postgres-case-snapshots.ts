import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { CaseState } from '../domain/case.state';
import type { StoredCaseEvent } from '../event-store/event-store.port';
import { storedEventColumns, storedEventFromValues } from '../event-store/stored-event-row';
import type { CaseSnapshot, CaseSnapshots } from './case-snapshots.port';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Large enough that a round trip is cheap beside building and checking the page, small enough to keep a page a few MB.
const PAGE_ROWS = 2_000;

/**
 * Reads a case's record in one read-only REPEATABLE READ transaction, so that an append landing mid-read cannot look
 * like a broken record; the events come through a server-side cursor a page at a time, the next page asked for before
 * this one is built, so the database's work overlaps ours.
 */
@Injectable()
export class PostgresCaseSnapshots implements CaseSnapshots {
  constructor(private readonly dataSource: DataSource) {}

  async read(caseId: string): Promise<CaseSnapshot> {
    if (!UUID.test(caseId)) return { events: [], projection: null };
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        const snapshot = await readInTransaction(client, caseId);
        await client.query('COMMIT');
        return snapshot;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    } finally {
      await runner.release();
    }
  }
}

async function readInTransaction(client: PoolClient, caseId: string): Promise<CaseSnapshot> {
  const { rows: [row] } = await client.query<{ version: number; last_hash: string; state: CaseState }>(
    'SELECT version, last_hash, state FROM cases WHERE case_id = $1', [caseId],
  );
  await client.query({
    text: `DECLARE case_events_cursor NO SCROLL CURSOR FOR SELECT ${storedEventColumns('case_events')} FROM case_events WHERE case_id = $1 ORDER BY version`,
    values: [caseId],
  });
  const events: StoredCaseEvent[] = [];
  const fetchPage = () => client.query<unknown[]>({ text: `FETCH ${PAGE_ROWS} FROM case_events_cursor`, rowMode: 'array' });
  let page = await fetchPage();
  while (page.rows.length > 0) {
    const rows = page.rows;
    const next = page.rows.length < PAGE_ROWS ? null : fetchPage();
    for (const values of rows) events.push(storedEventFromValues(values));
    if (!next) break;
    page = await next;
  }
  return { events, projection: row ? { version: row.version, lastHash: row.last_hash, state: row.state } : null };
}

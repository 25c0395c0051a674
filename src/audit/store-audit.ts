import { In, type DataSource } from 'typeorm';
import { foldHistory } from '../domain/case-history';
import { CaseProjectionRow } from '../event-store/case-projection.row';
import type { EventStore, StoredCaseEvent } from '../event-store/event-store.port';
import { verifyEventChain } from './event-chain';
import { checkProjection, type RecordedProjection } from './projection-check';

/** A case whose record failed the audit: the first version found broken, and what is wrong there. */
export interface CaseFinding {
  readonly caseId: string;
  readonly version: number | null;
  readonly problem: string;
}

/** What auditing the whole store found. */
export interface StoreAuditSummary {
  readonly cases: number;
  readonly events: number;
  readonly failures: readonly CaseFinding[];
}

/** Where the audit of the whole store can read: the database for the case ids and read model, the store for the events. */
export interface StoreAuditSources {
  readonly dataSource: DataSource;
  readonly eventStore: EventStore;
}

// Cases read in parallel per batch: enough to keep the connection pool busy, few enough that progress moves often
// and a batch's events stay a few thousand rows in memory.
const BATCH_SIZE = 25;

/** How many cases the store knows, in its events or its read model. */
export async function countStoredCases(dataSource: DataSource): Promise<number> {
  const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM (SELECT case_id FROM cases UNION SELECT case_id FROM case_events) ids');
  return count as number;
}

/**
 * Checks every case in the store, a batch of cases at a time: its hash chain, that its events fold, and that the read
 * model agrees with them. `onBatch` hears how many cases and events have been checked so far.
 */
export async function auditStore(sources: StoreAuditSources, onBatch: (cases: number, events: number) => void = () => undefined): Promise<StoreAuditSummary> {
  const failures: CaseFinding[] = [];
  let cases = 0;
  let events = 0;
  for await (const caseIds of caseIdBatches(sources.dataSource)) {
    const [streams, projections] = await Promise.all([
      Promise.all(caseIds.map((caseId) => sources.eventStore.readStream(caseId))),
      recordedProjections(sources.dataSource, caseIds),
    ]);
    caseIds.forEach((caseId, index) => {
      const finding = checkCaseRecord(caseId, streams[index], projections.get(caseId) ?? null);
      if (finding) failures.push(finding);
      events += streams[index].length;
    });
    cases += caseIds.length;
    onBatch(cases, events);
  }
  return { cases, events, failures };
}

/** The first thing wrong with one case's record, or null when its chain, fold and read model all hold. */
export function checkCaseRecord(caseId: string, events: readonly StoredCaseEvent[], projection: RecordedProjection | null): CaseFinding | null {
  const chain = verifyEventChain(caseId, events);
  if (!chain.valid) return { caseId, version: chain.firstInvalidVersion, problem: chain.problem! };
  const fold = foldHistory(events);
  if (!fold.valid) return { caseId, version: fold.failedVersion, problem: fold.problem };
  const readModel = checkProjection(projection, events, fold);
  if (readModel.consistent) return null;
  // A read model ahead of the stream means the stream lost its tail: the first missing version is the broken one.
  const last = events.at(-1)?.version ?? 0;
  const recorded = readModel.recordedVersion;
  const version = recorded === null ? last : recorded === last ? recorded : Math.min(recorded, last) + 1;
  return { caseId, version, problem: readModel.problem! };
}

// Keyset paging over the union of both tables, so that a case missing from either one is still audited.
async function* caseIdBatches(dataSource: DataSource): AsyncGenerator<string[]> {
  let after: string | null = null;
  for (;;) {
    const rows: Array<{ case_id: string }> = await dataSource.query(
      `SELECT case_id FROM (
         (SELECT case_id FROM cases WHERE $1::uuid IS NULL OR case_id > $1 ORDER BY case_id LIMIT $2)
         UNION
         (SELECT DISTINCT case_id FROM case_events WHERE $1::uuid IS NULL OR case_id > $1 ORDER BY case_id LIMIT $2)
       ) ids ORDER BY case_id LIMIT $2`,
      [after, BATCH_SIZE],
    );
    if (rows.length === 0) return;
    yield rows.map((row) => row.case_id);
    after = rows[rows.length - 1].case_id;
  }
}

async function recordedProjections(dataSource: DataSource, caseIds: readonly string[]): Promise<Map<string, RecordedProjection>> {
  const rows = await dataSource.getRepository(CaseProjectionRow).findBy({ caseId: In([...caseIds]) });
  return new Map(rows.map((row) => [row.caseId, { version: row.version, lastHash: row.lastHash, state: row.state }]));
}

import type { EventStore } from '../../../src/event-store/event-store.port';
import type { TestDatabase } from '../test-database';

/** What the event log holds after a run, and every way in which it is not what the cases recorded exactly once. */
export interface EventLogAudit {
  readonly streams: number;
  readonly events: number;
  readonly closedCases: number;
  /** Streams whose versions are not exactly 1..n. */
  readonly gaps: readonly string[];
  /** Events recorded twice in one stream: the same type with the same data. */
  readonly duplicates: readonly string[];
  /** Streams whose hash chain does not verify. */
  readonly brokenChains: readonly string[];
  /** How many streams went each way: the event types in version order, joined by arrows. */
  readonly paths: Readonly<Record<string, number>>;
}

/** Checks every stream in the database: versions 1..n with no gap or repeat, no event twice by content, a hash chain that verifies. */
export async function auditEventLog(db: TestDatabase, eventStore: EventStore): Promise<EventLogAudit> {
  const streams = await db.sql<{ case_id: string; events: number; first: number; last: number; versions: number }>(`
    SELECT case_id, count(*)::int AS events, min(version) AS first, max(version) AS last, count(DISTINCT version)::int AS versions
    FROM case_events GROUP BY case_id`);
  const gaps = streams
    .filter((s) => s.first !== 1 || s.last !== s.events || s.versions !== s.events)
    .map((s) => `${s.case_id}: ${s.events} events, versions ${s.first}..${s.last}, ${s.versions} distinct`);
  // Every event the workflows record carries what makes it unique (an offer, task, follow-up or escalation id, or a
  // stage that happens once), so the same type with the same data twice in one stream is a step recorded twice.
  const repeated = await db.sql<{ case_id: string; type: string; copies: number; versions: number[] }>(`
    SELECT case_id, type, count(*)::int AS copies, array_agg(version ORDER BY version) AS versions
    FROM case_events GROUP BY case_id, type, data HAVING count(*) > 1`);
  const duplicates = repeated.map((r) => `${r.case_id}: ${r.type} ${r.copies} times (versions ${r.versions.join(', ')})`);
  const brokenChains: string[] = [];
  for (const { case_id: caseId } of streams) {
    const verification = await eventStore.verify(caseId);
    if (!verification.valid) brokenChains.push(`${caseId}: version ${verification.firstInvalidVersion}: ${verification.problem}`);
  }
  const paths: Record<string, number> = {};
  // Messages are recorded as they go out, between the steps and at any moment; the path is the case's own steps (a message
  // recorded twice still shows above, as the same type with the same data twice).
  const typeSequences = await db.sql<{ path: string }>(`
    SELECT string_agg(type, ' → ' ORDER BY version) FILTER (WHERE type NOT IN ('NotificationSent', 'NotificationFailed')) AS path
    FROM case_events GROUP BY case_id`);
  for (const { path } of typeSequences) paths[path] = (paths[path] ?? 0) + 1;
  const [{ closed }] = await db.sql<{ closed: number }>(`SELECT count(*)::int AS closed FROM cases WHERE stage = 'Closed'`);
  return {
    streams: streams.length,
    events: streams.reduce((sum, s) => sum + s.events, 0),
    closedCases: closed,
    gaps,
    duplicates,
    brokenChains,
    paths,
  };
}

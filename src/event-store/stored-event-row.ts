import { types as pgTypes } from 'pg';
import type { StoredCaseEvent } from './event-store.port';

const TIMESTAMPTZ = 1184;
const UTC_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?$/;

// In the order storedEventFromValues reads them; the times come last, converted in SQL.
const PLAIN_COLUMNS = ['position', 'case_id', 'version', 'type', 'schema_version', 'data', 'actor_role', 'actor_id', 'actor_name', 'actor_via', 'workflow_id',
  'run_id', 'activity_id', 'idempotency_key', 'prev_hash', 'hash'] as const;

/** How many columns `storedEventColumns` selects; a query's further columns follow from this index on. */
export const STORED_EVENT_COLUMN_COUNT = PLAIN_COLUMNS.length + 2;

/**
 * The `case_events` columns a stored event is built from, for a raw SELECT from `table` (a name or alias). The times
 * come as UTC text: spelling them in ISO form is a few string operations, where a Date per time costs more than hashing.
 */
export function storedEventColumns(table: string): string {
  return `${PLAIN_COLUMNS.map((column) => `${table}.${column}`).join(', ')}, ` +
    `(${table}.occurred_at AT TIME ZONE 'UTC')::text AS occurred_at, (${table}.recorded_at AT TIME ZONE 'UTC')::text AS recorded_at`;
}

/** Builds the stored event of one raw row of `storedEventColumns`, as an array: the envelope as it was hashed, with absent causation left out. */
export function storedEventFromValues(values: readonly unknown[]): StoredCaseEvent {
  const [position, caseId, version, type, schemaVersion, data, actorRole, actorId, actorName, actorVia, workflowId, runId, activityId,
    idempotencyKey, prevHash, hash, occurredAt, recordedAt] = values as [string, string, number, string, number, unknown, string, string,
    string | null, string | null, string | null, string | null, string | null, string, string, string, string, string];
  const causation: { workflowId?: string; runId?: string; activityId?: string } = {};
  if (workflowId !== null) causation.workflowId = workflowId;
  if (runId !== null) causation.runId = runId;
  if (activityId !== null) causation.activityId = activityId;
  return {
    position: Number(position), caseId, version, type, schemaVersion, data,
    actor: {
      role: actorRole, id: actorId, ...(actorName !== null && { name: actorName }), ...(actorVia !== null && { via: actorVia }),
    },
    occurredAt: isoTime(occurredAt), recordedAt: isoTime(recordedAt), causation, idempotencyKey, prevHash, hash,
  } as StoredCaseEvent;
}

/** A UTC timestamp's text spelled as `Date.toISOString` spells it: milliseconds cut, not rounded, as a Date cuts them. */
export function isoTime(utcText: string): string {
  const match = UTC_TIMESTAMP.exec(utcText);
  if (match) return `${match[1]}T${match[2]}.${(match[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
  // Years past 9999 and dates BC take the Date route, through the parser pg uses for every other timestamp.
  const parse = pgTypes.getTypeParser(TIMESTAMPTZ, 'text') as (text: string) => Date;
  return parse(utcText.replace(/( BC)?$/, '+00$1')).toISOString();
}

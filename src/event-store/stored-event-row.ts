import { types as pgTypes } from 'pg';
import type { StoredCaseEvent } from './event-store.port';

/** A `case_events` row as `pg` hands it over for `storedEventColumns`: its times as UTC text. */
export interface StoredEventRow {
  readonly position: string;
  readonly case_id: string;
  readonly version: number;
  readonly type: string;
  readonly schema_version: number;
  readonly data: unknown;
  readonly actor_role: string;
  readonly actor_id: string;
  readonly occurred_at: string;
  readonly recorded_at: string;
  readonly workflow_id: string | null;
  readonly run_id: string | null;
  readonly activity_id: string | null;
  readonly idempotency_key: string;
  readonly prev_hash: string;
  readonly hash: string;
}

const TIMESTAMPTZ = 1184;
const UTC_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?$/;

/**
 * The `case_events` columns a stored event is built from, for a raw SELECT from `table` (a name or alias). The times
 * come as UTC text: spelling them in ISO form is a few string operations, where a Date per time costs more than hashing.
 */
export function storedEventColumns(table: string): string {
  return ['position', 'case_id', 'version', 'type', 'schema_version', 'data', 'actor_role', 'actor_id', 'workflow_id', 'run_id', 'activity_id',
    'idempotency_key', 'prev_hash', 'hash'].map((column) => `${table}.${column}`).join(', ') +
    `, (${table}.occurred_at AT TIME ZONE 'UTC')::text AS occurred_at, (${table}.recorded_at AT TIME ZONE 'UTC')::text AS recorded_at`;
}

/** Builds the stored event of one raw `case_events` row: the envelope as it was hashed, with absent causation left out. */
export function storedEventFromRow(row: StoredEventRow): StoredCaseEvent {
  const causation: { workflowId?: string; runId?: string; activityId?: string } = {};
  if (row.workflow_id !== null) causation.workflowId = row.workflow_id;
  if (row.run_id !== null) causation.runId = row.run_id;
  if (row.activity_id !== null) causation.activityId = row.activity_id;
  return {
    position: Number(row.position),
    caseId: row.case_id,
    version: row.version,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    actor: { role: row.actor_role, id: row.actor_id },
    occurredAt: isoTime(row.occurred_at),
    recordedAt: isoTime(row.recorded_at),
    causation,
    idempotencyKey: row.idempotency_key,
    prevHash: row.prev_hash,
    hash: row.hash,
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

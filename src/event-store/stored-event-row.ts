import type { StoredCaseEvent } from './event-store.port';

/** A `case_events` row as `pg` hands it over for `STORED_EVENT_COLUMNS`. */
export interface StoredEventRow {
  readonly position: string;
  readonly case_id: string;
  readonly version: number;
  readonly type: string;
  readonly schema_version: number;
  readonly data: unknown;
  readonly actor_role: string;
  readonly actor_id: string;
  readonly occurred_at: Date;
  readonly recorded_at: Date;
  readonly workflow_id: string | null;
  readonly run_id: string | null;
  readonly activity_id: string | null;
  readonly idempotency_key: string;
  readonly prev_hash: string;
  readonly hash: string;
}

/** The `case_events` columns a stored event is built from, for a raw SELECT. */
export const STORED_EVENT_COLUMNS = `position, case_id, version, type, schema_version, data, actor_role, actor_id, occurred_at, recorded_at,
  workflow_id, run_id, activity_id, idempotency_key, prev_hash, hash`;

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
    occurredAt: row.occurred_at.toISOString(),
    recordedAt: row.recorded_at.toISOString(),
    causation,
    idempotencyKey: row.idempotency_key,
    prevHash: row.prev_hash,
    hash: row.hash,
  } as StoredCaseEvent;
}

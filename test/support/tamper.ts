import type { TestDatabase } from './test-database';

/**
 * Rewrites recorded history behind the store's back, as an intruder with database access could: the append-only
 * trigger is disabled only inside this transaction, so no other statement ever sees it off.
 */
export async function tamperWithHistory(db: TestDatabase, statement: string, params: unknown[]): Promise<void> {
  await tamperWithTable(db, 'case_events', statement, params);
}

/** Rewrites archived workflow histories behind the archive's back, the same way as `tamperWithHistory`. */
export function tamperWithArchive(db: TestDatabase, statement: string, params: unknown[]): Promise<void> {
  return tamperWithTable(db, 'workflow_history_archives', statement, params);
}

/** Rewrites an append-only table (`case_events`, `transparency_log_leaves`, …) the way `tamperWithHistory` does. */
export async function tamperWithTable(db: TestDatabase, table: string, statement: string, params: unknown[] = []): Promise<void> {
  await db.ownerTransaction(async (sql) => {
    await sql(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_append_only`);
    await sql(statement, params);
    await sql(`ALTER TABLE ${table} ENABLE TRIGGER ${table}_append_only`);
  });
}

/** Where a forged event goes in a case's stream, and the previous hash it claims. */
export interface ForgedEvent {
  readonly version: number;
  readonly prevHash: string;
}

/**
 * Inserts, as the owner and behind the event store's back, a copy of the case's last event at another version with
 * another previous hash and a made-up hash of its own; the `cases` projection is left as it was.
 */
export async function forgeEvent(db: TestDatabase, caseId: string, forged: ForgedEvent): Promise<void> {
  await db.sql(`
    INSERT INTO case_events (case_id, version, type, schema_version, data, actor_role, actor_id, occurred_at, recorded_at,
                             workflow_id, run_id, activity_id, idempotency_key, prev_hash, hash)
    SELECT case_id, $2, type, schema_version, data, actor_role, actor_id, occurred_at, recorded_at,
           workflow_id, run_id, activity_id, idempotency_key || ':forged', $3, repeat('f', 64)
      FROM case_events WHERE case_id = $1 ORDER BY version DESC LIMIT 1`, [caseId, forged.version, forged.prevHash]);
}

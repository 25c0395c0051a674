import { foldCase } from '../../src/domain/case.state';
import type { CaseEvent } from '../../src/domain/case.events';
import type { StoredCaseEvent } from '../../src/event-store/event-store.port';
import { GENESIS_HASH, chainHash } from '../../src/event-store/hash-chain';
import type { Sql, TestDatabase } from './test-database';

/** An event as a forger writes it: everything but its place and its hashes, which the forger recomputes. */
export type ForgedEvent = Omit<StoredCaseEvent, 'version' | 'position' | 'prevHash' | 'hash'>;

/**
 * Rewrites a case's stream the way a careful intruder with the owner's login would: the events replaced by `rewrite`'s
 * result, numbered and hash-chained afresh so the chain verifies, the transparency log's leaves of the case made to
 * match (kept indices for surviving versions, new leaves at the end for new ones, none for removed ones), and the
 * read model re-folded. Only what the intruder cannot reach stays: Temporal's histories and checkpoints already shipped.
 */
export async function rewriteCase(db: TestDatabase, caseId: string, rewrite: (events: StoredCaseEvent[]) => ForgedEvent[]): Promise<StoredCaseEvent[]> {
  const current = await readStream(db, caseId);
  const forged = chain(caseId, rewrite(current));
  await db.ownerTransaction(async (sql) => {
    await withTriggersOff(sql, async () => {
      await sql('DELETE FROM case_events WHERE case_id = $1', [caseId]);
      for (const event of forged) await insertEvent(sql, event);
      await rewriteLeaves(sql, caseId, forged);
      await refold(sql, caseId, forged);
    });
  });
  return forged;
}

/** The case's stored events, read as the owner. */
export async function readStream(db: TestDatabase, caseId: string): Promise<StoredCaseEvent[]> {
  const rows = await db.sql<Record<string, unknown>>('SELECT * FROM case_events WHERE case_id = $1 ORDER BY version', [caseId]);
  return rows.map((row) => ({
    caseId: row.case_id, version: row.version, type: row.type, schemaVersion: row.schema_version, data: row.data,
    actor: { role: row.actor_role, id: row.actor_id }, occurredAt: (row.occurred_at as Date).toISOString(), recordedAt: (row.recorded_at as Date).toISOString(),
    causation: {
      ...(row.workflow_id !== null && { workflowId: row.workflow_id }), ...(row.run_id !== null && { runId: row.run_id }),
      ...(row.activity_id !== null && { activityId: row.activity_id }),
    },
    idempotencyKey: row.idempotency_key, prevHash: row.prev_hash, hash: row.hash, position: Number(row.position),
  }) as StoredCaseEvent);
}

function chain(caseId: string, events: readonly ForgedEvent[]): StoredCaseEvent[] {
  let prevHash = GENESIS_HASH;
  return events.map((event, index) => {
    const numbered = { ...event, caseId, version: index + 1 };
    const hash = chainHash(prevHash, numbered);
    const stored = { ...numbered, position: 0, prevHash, hash } as StoredCaseEvent;
    prevHash = hash;
    return stored;
  });
}

async function withTriggersOff(sql: Sql, work: () => Promise<void>): Promise<void> {
  const tables = ['case_events', 'transparency_log_leaves', 'transparency_log_head'];
  for (const table of tables) await sql(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
  await work();
  for (const table of tables) await sql(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
}

async function insertEvent(sql: Sql, event: StoredCaseEvent): Promise<void> {
  await sql(`
    INSERT INTO case_events (case_id, version, type, schema_version, data, actor_role, actor_id, occurred_at, recorded_at,
                             workflow_id, run_id, activity_id, idempotency_key, prev_hash, hash)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`, [
    event.caseId, event.version, event.type, event.schemaVersion, JSON.stringify(event.data), event.actor.role, event.actor.id,
    event.occurredAt, event.recordedAt, event.causation.workflowId ?? null, event.causation.runId ?? null, event.causation.activityId ?? null,
    event.idempotencyKey, event.prevHash, event.hash,
  ]);
}

async function rewriteLeaves(sql: Sql, caseId: string, events: readonly StoredCaseEvent[]): Promise<void> {
  const leaves = await sql<{ leaf_index: string; version: number }>('SELECT leaf_index, version FROM transparency_log_leaves WHERE case_id = $1', [caseId]);
  const indexOf = new Map(leaves.map((leaf) => [leaf.version, leaf.leaf_index]));
  await sql('DELETE FROM transparency_log_leaves WHERE case_id = $1', [caseId]);
  for (const event of events) {
    const kept = indexOf.get(event.version);
    if (kept !== undefined) {
      await sql('INSERT INTO transparency_log_leaves (leaf_index, case_id, version, event_hash) VALUES ($1, $2, $3, $4)', [kept, caseId, event.version, event.hash]);
      continue;
    }
    const [{ size }] = await sql<{ size: string }>('UPDATE transparency_log_head SET tree_size = tree_size + 1 RETURNING tree_size - 1 AS size');
    await sql('INSERT INTO transparency_log_leaves (leaf_index, case_id, version, event_hash) VALUES ($1, $2, $3, $4)', [size, caseId, event.version, event.hash]);
  }
}

async function refold(sql: Sql, caseId: string, events: readonly StoredCaseEvent[]): Promise<void> {
  const state = foldCase(events as unknown as CaseEvent[])!;
  await sql(`UPDATE cases SET version = $2, stage = $3, risk_level = $4, state = $5, last_hash = $6 WHERE case_id = $1`, [
    caseId, state.version, state.stage, state.riskLevel, JSON.stringify(state), events.at(-1)!.hash,
  ]);
}

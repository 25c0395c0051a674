import type { TestDatabase } from './test-database';

/**
 * Rewrites recorded history behind the store's back, as an intruder with database access could: the append-only
 * trigger is disabled only inside this transaction, so no other statement ever sees it off.
 */
export async function tamperWithHistory(db: TestDatabase, statement: string, params: unknown[]): Promise<void> {
  await db.dataSource.transaction(async (manager) => {
    await manager.query('ALTER TABLE case_events DISABLE TRIGGER case_events_append_only');
    await manager.query(statement, params);
    await manager.query('ALTER TABLE case_events ENABLE TRIGGER case_events_append_only');
  });
}

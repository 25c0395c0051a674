import { randomUUID } from 'node:crypto';
import { APP_ROLE } from '../../src/database/database-roles';
import { caseEvent } from '../../src/domain/case.events';
import { SYSTEM_ACTOR } from '../../src/domain/case.vocabulary';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import type { DataKey, DataKeyLookup, DataKeyScope, DataKeyStore, KeyDestruction } from '../../src/key-store/data-key-store.port';
import { COORDINATOR, aSupportRequest, intakeAssessed, requestReceived } from '../support/case-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** A key store that notes each key asked for while a transaction of the application's login has written and not ended. */
class TransactionWatchingKeyStore implements DataKeyStore {
  readonly askedInTransaction: string[] = [];
  readonly asked: string[] = [];

  constructor(private readonly inner: DataKeyStore, private readonly db: TestDatabase) {}

  get location(): string {
    return this.inner.location;
  }

  keyIdFor(scope: DataKeyScope): string {
    return this.inner.keyIdFor(scope);
  }

  async keyFor(scope: DataKeyScope): Promise<DataKey> {
    const keyId = this.inner.keyIdFor(scope);
    this.asked.push(keyId);
    // A transaction that has written holds the lock on its own id until it ends; a read outside a transaction holds none.
    const open = await this.db.sql(`
      SELECT 1 FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
       WHERE a.datname = current_database() AND a.usename = $1 AND l.locktype = 'transactionid' AND l.granted`, [APP_ROLE]);
    if (open.length > 0) this.askedInTransaction.push(keyId);
    return this.inner.keyFor(scope);
  }

  find(keyId: string): Promise<DataKeyLookup> {
    return this.inner.find(keyId);
  }

  destroy(keyId: string, destruction: KeyDestruction): Promise<void> {
    return this.inner.destroy(keyId, destruction);
  }

  pseudonymFor(text: string): Promise<string> {
    return this.inner.pseudonymFor(text);
  }
}

describe('the PostgreSQL event store, looking up data keys', () => {
  let db: TestDatabase;
  let keys: TransactionWatchingKeyStore;
  let sut: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    keys = new TransactionWatchingKeyStore(db.keyStore, db);
    sut = new PostgresEventStore(db.dataSource, keys);
  });
  afterAll(() => db?.drop());

  it("asks for an expert's key, made on first use, before the append's transaction, never inside it", async () => {
    const request = aSupportRequest();
    const { caseId } = request;
    const expertId = randomUUID();
    await sut.append({ caseId, expectedVersion: 0, idempotencyKey: randomUUID(), events: [
      requestReceived(request), intakeAssessed(), caseEvent('RequestAccepted', {}, COORDINATOR, '2026-11-01T10:00:00.000Z'),
    ] });

    // The offer puts the expert's name in the state, which is sealed under the expert's key too.
    await sut.append({ caseId, expectedVersion: 3, idempotencyKey: randomUUID(), events: [
      caseEvent('ExpertOffered', { offerId: 'offer-1-1', expertId, expertName: 'Anouk Visser', round: 1, expiresAt: '2026-11-02T10:00:00.000Z' },
        SYSTEM_ACTOR, '2026-11-01T10:00:01.000Z'),
    ] });

    expect(keys.asked).toContainEqual(expect.stringContaining(expertId));
    expect(keys.askedInTransaction).toEqual([]);
  });
});

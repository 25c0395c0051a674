import { randomUUID } from 'node:crypto';
import { caseEvent } from '../../src/domain/case.events';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { COORDINATOR, aSupportRequest, requestReceived } from '../support/case-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('the PostgreSQL event store, recording times', () => {
  let db: TestDatabase;
  let sut: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    sut = new PostgresEventStore(db.dataSource, db.keyStore);
  });
  afterAll(() => db?.drop());

  it.each([
    ['past the year 9999', '+010000-01-01T00:00:00.000Z'],
    ['before the year 1', '-000043-03-15T12:00:00.250Z'],
    ['with milliseconds', '2026-11-01T10:00:00.123Z'],
  ])('keeps an occurredAt %s as it was hashed, so the chain verifies', async (_when, occurredAt) => {
    const request = aSupportRequest();
    await sut.append({ caseId: request.caseId, expectedVersion: 0, events: [requestReceived(request)], idempotencyKey: randomUUID() });

    await sut.append({ caseId: request.caseId, expectedVersion: 1, events: [caseEvent('RequestAccepted', {}, COORDINATOR, occurredAt)], idempotencyKey: randomUUID() });

    expect((await sut.readStream(request.caseId))[1].occurredAt).toBe(occurredAt);
    expect(await sut.verify(request.caseId)).toMatchObject({ valid: true, eventCount: 2 });
  });

  it('records every event of an append at the database time the append read, the same for the batch', async () => {
    const request = aSupportRequest();
    const before = await db.sql<{ now: Date }>('SELECT now()');

    await sut.append({ caseId: request.caseId, expectedVersion: 0, idempotencyKey: randomUUID(), events: [
      requestReceived(request), caseEvent('RequestAccepted', {}, COORDINATOR, '2026-11-01T10:00:00.000Z'),
    ] });

    const after = await db.sql<{ now: Date }>('SELECT now()');
    const [first, second] = await sut.readStream(request.caseId);
    expect(second.recordedAt).toBe(first.recordedAt);
    expect(Date.parse(first.recordedAt)).toBeGreaterThanOrEqual(before[0].now.getTime());
    expect(Date.parse(first.recordedAt)).toBeLessThanOrEqual(after[0].now.getTime());
  });
});

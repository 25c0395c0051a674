import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { GENESIS_HASH } from '../../src/event-store/hash-chain';
import { aSupportRequest, intakeAssessed, requestReceived } from '../support/case-fixtures';
import { forgeEvent } from '../support/tamper';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('the database guarding the hash chain of case_events', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.dataSource, db.keyStore);
  });
  afterAll(() => db?.drop());

  async function aCaseWithTwoEvents(): Promise<{ caseId: string; lastHash: string }> {
    const request = aSupportRequest();
    await store.append({ caseId: request.caseId, expectedVersion: 0, events: [requestReceived(request), intakeAssessed()], idempotencyKey: randomUUID() });
    const events = await store.readStream(request.caseId);
    return { caseId: request.caseId, lastHash: events[1].hash };
  }

  it('refuses a row whose prev_hash is not the hash of the stream\'s last row', async () => {
    const { caseId } = await aCaseWithTwoEvents();

    await expect(forgeEvent(db, caseId, { version: 3, prevHash: 'a'.repeat(64) }))
      .rejects.toThrow(`case_events: version 3 of case ${caseId} must carry prev_hash of version 2`);
    expect(await store.readStream(caseId)).toHaveLength(2);
  });

  it.each([
    ['skips a version', 4],
    ['repeats the last version', 2],
  ])('refuses a row that %s', async (_what, version) => {
    const { caseId, lastHash } = await aCaseWithTwoEvents();

    await expect(forgeEvent(db, caseId, { version, prevHash: lastHash }))
      .rejects.toThrow(`case_events: case ${caseId} is at version 2, so the next row must be version 3, not ${version}`);
  });

  it('refuses a first row that is not version 1 with the genesis prev_hash', async () => {
    const { caseId } = await aCaseWithTwoEvents();
    const other = randomUUID();
    const copyAs = (version: number, prevHash: string) => db.sql(`
      INSERT INTO case_events (case_id, version, type, schema_version, data, actor_role, actor_id, occurred_at, recorded_at,
                               idempotency_key, prev_hash, hash)
      SELECT $2, $3, type, schema_version, data, actor_role, actor_id, occurred_at, recorded_at, $4, $5, hash
        FROM case_events WHERE case_id = $1 AND version = 1`, [caseId, other, version, randomUUID(), prevHash]);

    await expect(copyAs(1, 'b'.repeat(64))).rejects.toThrow(`case_events: version 1 of case ${other} must carry the genesis prev_hash`);
    await expect(copyAs(2, GENESIS_HASH)).rejects.toThrow(`case_events: case ${other} has no events, so the next row must be version 1, not 2`);
  });

  it('is not fooled by a temporary table named case_events that claims another last row', async () => {
    const { caseId } = await aCaseWithTwoEvents();
    const session = db.dataSource.createQueryRunner();
    await session.connect();
    try {
      // In one session: the shadow first, then a row that skips to version 10 and links to the shadow's hash.
      await session.query('CREATE TEMP TABLE case_events (case_id uuid, version integer, hash text)');
      await session.query('INSERT INTO pg_temp.case_events VALUES ($1, 9, $2)', [caseId, 'f'.repeat(64)]);
      await expect(session.query(`
        INSERT INTO public.case_events (case_id, version, type, schema_version, data, actor_role, actor_id, occurred_at, recorded_at,
                                        idempotency_key, prev_hash, hash)
        SELECT case_id, 10, type, schema_version, data, actor_role, actor_id, occurred_at, recorded_at, idempotency_key || ':shadow', $2, $3
          FROM public.case_events WHERE case_id = $1 AND version = 2`, [caseId, 'f'.repeat(64), 'e'.repeat(64)]))
        .rejects.toThrow(`case_events: case ${caseId} is at version 2, so the next row must be version 3, not 10`);
    } finally {
      // A temporary table lives as long as its connection, which goes back to the pool.
      await session.query('DROP TABLE IF EXISTS pg_temp.case_events');
      await session.release();
    }
    expect(await store.readStream(caseId)).toHaveLength(2);
  });

  it.each([['infinity'], ['-infinity'], ['294276-12-31 23:59:59+00']])('refuses %s as an event\'s time or the read model\'s, which no reader could show', async (time) => {
    const { caseId, lastHash } = await aCaseWithTwoEvents();
    const forged = db.sql(`
      INSERT INTO case_events (case_id, version, type, schema_version, data, actor_role, actor_id, occurred_at, recorded_at,
                               idempotency_key, prev_hash, hash)
      SELECT case_id, 3, type, schema_version, data, actor_role, actor_id, $3::timestamptz, recorded_at, idempotency_key || ':time', $2, repeat('f', 64)
        FROM case_events WHERE case_id = $1 AND version = 2`, [caseId, lastHash, time]);

    await expect(forged).rejects.toThrow(/case_events_times_a_date_can_hold/);
    await expect(db.sql('UPDATE cases SET updated_at = $2::timestamptz WHERE case_id = $1', [caseId, time])).rejects.toThrow(/cases_times_a_date_can_hold/);
  });

  it('accepts a row that continues the chain, which is all the database can check without the hash function', async () => {
    const { caseId, lastHash } = await aCaseWithTwoEvents();

    await forgeEvent(db, caseId, { version: 3, prevHash: lastHash });

    expect((await store.readStream(caseId)).map((event) => event.version)).toEqual([1, 2, 3]);
  });

  it('keeps appends through the event store working, several events at once included', async () => {
    const request = aSupportRequest();
    await store.append({ caseId: request.caseId, expectedVersion: 0, events: [requestReceived(request), intakeAssessed(), intakeAssessed()], idempotencyKey: randomUUID() });
    await store.append({ caseId: request.caseId, expectedVersion: 3, events: [intakeAssessed()], idempotencyKey: randomUUID() });

    expect(await store.verify(request.caseId)).toMatchObject({ valid: true, eventCount: 4 });
  });
});

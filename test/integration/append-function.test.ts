import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { APPEND_FUNCTION, VERSION_CONFLICT_SQLSTATE } from '../../src/database/case-append-schema';
import { APP_ROLE } from '../../src/database/database-roles';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { aSupportRequest, intakeAssessed, requestReceived } from '../support/case-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe("the database's append function, called by the application's login", () => {
  let db: TestDatabase;
  let app: Client;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.dataSource, db.keyStore);
    app = new Client({ connectionString: db.url });
    await app.connect();
  });
  afterAll(async () => {
    await app?.end();
    await db?.drop();
  });

  async function aCaseWithTwoEvents(idempotencyKey = randomUUID()): Promise<string> {
    const request = aSupportRequest();
    await store.append({ caseId: request.caseId, expectedVersion: 0, events: [requestReceived(request), intakeAssessed()], idempotencyKey });
    return request.caseId;
  }

  // A call that gets as far as the checks: what it would record is beside the point.
  function call(caseId: string, expectedVersion: number, idempotencyKey: string) {
    const event = { version: expectedVersion + 1, type: 'RequestAccepted', schema_version: 1, data: {}, actor_role: 'coordinator', actor_id: 'c', prev_hash: 'a'.repeat(64), hash: 'b'.repeat(64) };
    return app.query(`SELECT * FROM ${APPEND_FUNCTION}(${Array.from({ length: 16 }, (_, index) => `$${index + 1}`).join(', ')})`, [
      caseId, expectedVersion, idempotencyKey, new Date(), null, null, null, JSON.stringify([event]), [new Date()], '{}', 'Matching', null, 'INCIDENT', 'Houten', 'VR09', null,
    ]);
  }

  const batchesOf = async (caseId: string) => (await db.sql('SELECT 1 FROM case_event_batches WHERE case_id = $1', [caseId])).length;

  it("refuses an expected version the stream is not at, naming the stream's version, and claims no key", async () => {
    const caseId = await aCaseWithTwoEvents();

    await expect(call(caseId, 1, randomUUID())).rejects.toMatchObject({ code: VERSION_CONFLICT_SQLSTATE, detail: '2' });
    await expect(call(randomUUID(), 3, randomUUID())).rejects.toMatchObject({ code: VERSION_CONFLICT_SQLSTATE, detail: '0' });
    expect(await batchesOf(caseId)).toBe(1);
    expect((await store.readStream(caseId)).map((event) => event.version)).toEqual([1, 2]);
  });

  it('answers a key used before with the batch it recorded, whatever version the call expects, and records nothing', async () => {
    const key = randomUUID();
    const caseId = await aCaseWithTwoEvents(key);

    const { rows } = await call(caseId, 7, key);

    expect(rows).toEqual([{ batch_case_id: caseId, batch_from_version: 1, batch_to_version: 2, deduplicated: true }]);
    expect(await batchesOf(caseId)).toBe(1);
    expect(await store.readStream(caseId)).toHaveLength(2);
  });

  it("may be run by the application's role and by no other", async () => {
    const [{ acl }] = await db.sql<{ acl: string[] }>('SELECT proacl::text[] AS acl FROM pg_proc WHERE proname = $1', [APPEND_FUNCTION]);

    expect(acl).toContainEqual(expect.stringMatching(new RegExp(`^${APP_ROLE}=X/`)));
    // An entry that begins with "=" is PUBLIC's, which every function has unless it is revoked.
    expect(acl.filter((entry) => entry.startsWith('='))).toEqual([]);
  });
});

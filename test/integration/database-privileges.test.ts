import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { APP_ROLE } from '../../src/database/database-roles';
import { runBrigadeMigrations } from '../../src/database/run-migrations';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { sha256Hex } from '../../src/history-archive/encoded-history';
import { PostgresHistoryArchive } from '../../src/history-archive/postgres-history-archive';
import { aSupportRequest, intakeAssessed, requestReceived } from '../support/case-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe("the application's database login", () => {
  let db: TestDatabase;
  let app: Client;
  let caseId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const request = aSupportRequest();
    caseId = request.caseId;
    await new PostgresEventStore(db.dataSource, db.keyStore).append({ caseId, expectedVersion: 0, events: [requestReceived(request)], idempotencyKey: randomUUID() });
    app = new Client({ connectionString: db.url });
    await app.connect();
  });
  afterAll(async () => {
    await app?.end();
    await db?.drop();
  });

  it.each([
    ['UPDATE case_events', `UPDATE case_events SET type = 'Forged' WHERE case_id = '${randomUUID()}'`, /permission denied for table case_events/],
    ['DELETE FROM case_events', 'DELETE FROM case_events', /permission denied for table case_events/],
    ['TRUNCATE case_events', 'TRUNCATE case_events', /permission denied for table case_events/],
    ['DELETE FROM case_event_batches', 'DELETE FROM case_event_batches', /permission denied for table case_event_batches/],
    ['UPDATE workflow_history_archives', `UPDATE workflow_history_archives SET sha256 = repeat('0', 64)`, /permission denied for table workflow_history_archives/],
    ['DELETE FROM workflow_history_archives', 'DELETE FROM workflow_history_archives', /permission denied for table workflow_history_archives/],
    ['TRUNCATE workflow_history_archives', 'TRUNCATE workflow_history_archives', /permission denied for table workflow_history_archives/],
    ['ALTER TABLE workflow_history_archives … DISABLE TRIGGER', 'ALTER TABLE workflow_history_archives DISABLE TRIGGER ALL', /must be owner of table workflow_history_archives/],
    ['ALTER TABLE … DISABLE TRIGGER', 'ALTER TABLE case_events DISABLE TRIGGER case_events_append_only', /must be owner of table case_events/],
    ['ALTER TABLE … DISABLE TRIGGER ALL', 'ALTER TABLE case_events DISABLE TRIGGER ALL', /must be owner of table case_events/],
    ['SET session_replication_role', 'SET session_replication_role = replica', /permission denied to set parameter "session_replication_role"/],
    ['DROP TABLE', 'DROP TABLE case_events', /must be owner of table case_events/],
    ['CREATE TABLE in public', 'CREATE TABLE public.shadow (id int)', /permission denied for schema public/],
    ['CREATE FUNCTION in public', 'CREATE FUNCTION public.noop() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$', /permission denied for schema public/],
    ['ALTER TABLE … OWNER TO itself', 'ALTER TABLE case_events OWNER TO CURRENT_USER', /must be owner of table case_events/],
  ])('is refused %s', async (_statement, sql, refusal) => {
    await expect(app.query(sql)).rejects.toThrow(refusal);
  });

  it('is no superuser, cannot create roles or databases, and owns nothing in the database', async () => {
    const { rows: [role] } = await app.query<{ rolsuper: boolean; rolcreaterole: boolean; rolcreatedb: boolean; rolreplication: boolean; rolbypassrls: boolean }>(
      'SELECT rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls FROM pg_roles WHERE rolname = current_user');
    const { rows: owned } = await app.query(`
      SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND pg_has_role(current_user, c.relowner, 'USAGE')
      UNION ALL SELECT datname FROM pg_database WHERE datname = current_database() AND pg_has_role(current_user, datdba, 'USAGE')`);

    expect(role).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolreplication: false, rolbypassrls: false });
    expect(owned).toEqual([]);
  });

  it('may run the migrations when none is pending, as a process given only DATABASE_URL does, but cannot apply one', async () => {
    await expect(runBrigadeMigrations(db.url, { logging: false })).resolves.toBeUndefined();
    await expect(app.query(`INSERT INTO migrations (timestamp, name) VALUES (1, 'Forged1')`)).rejects.toThrow(/permission denied for table migrations/);
  });

  it('archives a history and reads it back, and even the owner cannot rewrite or remove it', async () => {
    const archive = new PostgresHistoryArchive(db.dataSource);
    const bytes = new Uint8Array([10, 2, 8, 1]);
    const entry = { caseId, workflowId: `case-${caseId}`, runId: randomUUID(), workflowType: 'supportCase', closeStatus: 'COMPLETED', history: bytes, sha256: sha256Hex(bytes), eventCount: 1 };

    await archive.store(entry);

    expect(await archive.findByCase(caseId)).toEqual([entry]);
    await expect(db.sql('UPDATE workflow_history_archives SET close_status = $1', ['FAILED'])).rejects.toThrow(/workflow_history_archives is append-only: UPDATE is not allowed/);
    await expect(db.sql('DELETE FROM workflow_history_archives')).rejects.toThrow(/workflow_history_archives is append-only: DELETE is not allowed/);
    await expect(db.sql('TRUNCATE workflow_history_archives')).rejects.toThrow(/workflow_history_archives is append-only: TRUNCATE is not allowed/);
  });

  it('still appends, reads and verifies a case through the event store', async () => {
    const request = aSupportRequest();
    const store = new PostgresEventStore(db.dataSource, db.keyStore);
    await store.append({ caseId: request.caseId, expectedVersion: 0, events: [requestReceived(request)], idempotencyKey: randomUUID() });
    await store.append({ caseId: request.caseId, expectedVersion: 1, events: [intakeAssessed()], idempotencyKey: randomUUID() });

    const [{ login }] = await db.dataSource.query<Array<{ login: string }>>('SELECT current_user AS login');
    expect(login).toBe(APP_ROLE);
    expect((await store.readStream(request.caseId)).map((event) => event.type)).toEqual(['RequestReceived', 'IntakeAssessed']);
    expect(await store.verify(request.caseId)).toMatchObject({ valid: true, eventCount: 2 });
    expect((await app.query('SELECT count(*)::int AS events FROM case_events WHERE case_id = $1', [caseId])).rows).toEqual([{ events: 1 }]);
  });
});

import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { CasesModule } from '../../src/cases/cases.module';
import { caseEvent } from '../../src/domain/case.events';
import { literalText } from '../../src/domain/domain-text';
import { DESTROYED } from '../../src/domain/sensitive-fields';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { dataKeyFolderPath } from '../../src/key-store/folder-data-key-store';
import { createApiApp, type ApiApp } from '../support/api-app';
import { COORDINATOR, aSupportRequest, intakeAssessed, requestReceived } from '../support/case-fixtures';
import { FakeCaseWorkflows } from '../support/fake-case-workflows';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const CANARY = 'kanarie-http';

describe('sealed case details in the API', () => {
  let db: TestDatabase;
  let app: ApiApp;
  let eventStore: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    eventStore = new PostgresEventStore(db.dataSource, db.keyStore);
    app = await createApiApp(db, { imports: [CasesModule], caseWorkflows: new FakeCaseWorkflows() });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  // A cancelled case, so that its page is read from the read model alone.
  async function aCancelledCase(): Promise<string> {
    const request = aSupportRequest({ description: `${CANARY} beschrijving`, officeHolder: { name: 'Jan de Boer', office: 'wethouder wonen' } });
    await eventStore.append({
      caseId: request.caseId, expectedVersion: 0, idempotencyKey: `seal-http-${request.caseId}`, events: [
        requestReceived(request), intakeAssessed(),
        caseEvent('RiskLevelChanged', { from: 'MEDIUM', to: 'HIGH', reason: literalText(`${CANARY} brief`) }, COORDINATOR, '2026-11-01T10:00:00.000Z'),
        caseEvent('CaseCancelled', { reason: `${CANARY} ingetrokken` }, COORDINATOR, '2026-11-01T11:00:00.000Z'),
      ],
    });
    return request.caseId;
  }

  it('shows the case as written while its key exists', async () => {
    const caseId = await aCancelledCase();

    const { body } = await app.as('coordinator', 'c.jansen').get(`/cases/${caseId}`).expect(200);

    expect(body.recorded.cancellationReason).toBe(`${CANARY} ingetrokken`);
    expect(body.recorded.riskReasons.at(-1).text).toBe(`${CANARY} brief`);
  });

  describe('when the case key was destroyed', () => {
    it.each([
      ['nl', 'vernietigd'],
      ['en', 'destroyed'],
    ])('shows the destroyed texts in the reader\'s language (%s)', async (language, word) => {
      const caseId = await aCancelledCase();
      await db.keyStore.destroy(`case-${caseId}`, { reason: 'erasure', reference: 'test', destroyedAt: new Date().toISOString() });

      const { body } = await app.as('coordinator', 'c.jansen').get(`/cases/${caseId}`).set('Accept-Language', language).expect(200);
      const request = await app.as('coordinator', 'c.jansen').get(`/cases/${caseId}/request`).expect(200);

      expect(body.recorded.riskReasons.at(-1).text).toBe(word);
      expect(body.recorded.cancellationReason).toBe(DESTROYED);
      expect(request.body.request.description).toBe(DESTROYED);
      expect(JSON.stringify([body, request.body])).not.toContain(CANARY);
      // The office holder's seal holds the case key's inside: the case's destruction reaches them, though their key lives on.
      expect(request.body.request.officeHolder).toEqual({ name: DESTROYED, office: DESTROYED });
    });
  });

  describe('when the key store cannot be read', () => {
    it.each([
      ['nl', 'sleutelopslag'],
      ['en', 'key store'],
    ])('answers 503 naming the key store (%s)', async (language, named) => {
      const caseId = await aCancelledCase();
      const folder = dataKeyFolderPath(db.keyDataDir);
      // Tests run as root, whom no file mode stops: a file where the folder was stops everyone.
      renameSync(folder, `${folder}.away`);
      writeFileSync(folder, 'not a folder');
      try {
        const { body, headers } = await app.as('coordinator', 'c.jansen').get(`/cases/${caseId}`).set('Accept-Language', language).expect(503);

        expect(body.message).toContain(named);
        expect(headers['retry-after']).toBeDefined();
      } finally {
        rmSync(folder);
        renameSync(`${folder}.away`, folder);
      }
    });
  });
});

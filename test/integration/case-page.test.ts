import { CasesModule } from '../../src/cases/cases.module';
import { caseEvent, type NewCaseEvent } from '../../src/domain/case.events';
import { evolve } from '../../src/domain/case.state';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { createApiApp, type ApiApp } from '../support/api-app';
import { COORDINATOR, aSupportRequest, intakeAssessed, requestReceived } from '../support/case-fixtures';
import { FakeTemporal } from '../support/fake-temporal';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('the case page (GET /cases/:id)', () => {
  let db: TestDatabase;
  let app: ApiApp;
  let temporal: FakeTemporal;
  let eventStore: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    temporal = new FakeTemporal();
    eventStore = new PostgresEventStore(db.dataSource);
    app = await createApiApp(db, { imports: [CasesModule], temporal });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  async function aRecordedCase(...later: NewCaseEvent[]): Promise<string> {
    const request = aSupportRequest();
    await eventStore.append({
      caseId: request.caseId, expectedVersion: 0, idempotencyKey: `case-page-${request.caseId}`,
      events: [requestReceived(request), intakeAssessed(), ...later],
    });
    return request.caseId;
  }

  describe('when the case has ended', () => {
    it('shows its last recorded state as the live one without asking the workflow, which would replay its whole history', async () => {
      const caseId = await aRecordedCase(caseEvent('RequestRejected', { reason: 'outside the brigade’s remit' }, COORDINATOR, '2026-11-01T10:00:00.000Z'));
      // Any question to the workflow fails loudly, so a page that still asks cannot pass.
      temporal.queryFailures.set(caseId, new Error('the workflow of an ended case was asked for its state'));

      const { body } = await app.as('coordinator', COORDINATOR.id).get(`/cases/${caseId}`).expect(200);

      expect(body.recorded).toMatchObject({ caseId, stage: 'Rejected', version: 3 });
      expect(body.live).toEqual(body.recorded);
    });
  });

  describe('when the case is still open', () => {
    it('asks the running workflow for its live state', async () => {
      const caseId = await aRecordedCase();
      const opened = evolve(null, { ...requestReceived(aSupportRequest({ caseId })), caseId, version: 1 });
      const live = { ...opened, stage: 'Matching' as const, version: 3 };
      temporal.running.set(caseId, live);

      const { body } = await app.as('coordinator', COORDINATOR.id).get(`/cases/${caseId}`).expect(200);

      expect(body.recorded).toMatchObject({ caseId, stage: 'Triage', version: 2 });
      expect(body.live).toMatchObject({ caseId, stage: 'Matching', version: 3 });
    });
  });
});

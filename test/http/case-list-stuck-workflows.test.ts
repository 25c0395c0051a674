import { CasesModule } from '../../src/cases/cases.module';
import { caseEvent } from '../../src/domain/case.events';
import { domainText } from '../../src/domain/domain-text';
import { safetyRegionOfMunicipality } from '../../src/domain/places/place-register';
import type { Actor } from '../../src/domain/case.vocabulary';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import type { StuckWorkflow, StuckWorkflows } from '../../src/temporal/stuck-workflows.port';
import { createApiApp, type ApiApp } from '../support/api-app';
import { aSupportRequest } from '../support/case-fixtures';
import { FakeCaseWorkflows } from '../support/fake-case-workflows';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const COORDINATOR: Actor = { role: 'coordinator', id: 'c.jansen' };
const SYSTEM: Actor = { role: 'system', id: 'test' };

describe('GET /cases and a case whose workflow is stuck', () => {
  let db: TestDatabase;
  let app: ApiApp;
  const stuck: StuckWorkflow[] = [];
  // What the API's last look at Temporal found; the finder itself is tested against a real server.
  const lastLook: StuckWorkflows = {
    all: () => stuck,
    attemptsOfCase: (caseId) => Math.max(0, ...stuck.filter((w) => w.caseId === caseId).map((w) => w.attempts)) || null,
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApiApp(db, { imports: [CasesModule], caseWorkflows: new FakeCaseWorkflows(), stuckWorkflows: lastLook });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  async function aRecordedCase(): Promise<string> {
    const request = aSupportRequest({ municipalityCode: 'GM0150', municipality: 'Deventer', safetyRegion: safetyRegionOfMunicipality('GM0150') });
    await new PostgresEventStore(db.dataSource, db.keyStore).append({
      caseId: request.caseId, expectedVersion: 0, idempotencyKey: `stuck-list-${request.caseId}`,
      events: [
        caseEvent('RequestReceived', { request }, COORDINATOR, new Date().toISOString()),
        caseEvent('IntakeAssessed', { riskLevel: 'MEDIUM', score: 3, reasons: [domainText('risk.threats_received')] }, SYSTEM, new Date().toISOString()),
      ],
    });
    return request.caseId;
  }

  it('marks the case with the attempt its failing workflow task is at, and every other case with null', async () => {
    const [stuckCase, movingCase] = [await aRecordedCase(), await aRecordedCase()];
    stuck.push(
      { workflowId: `case-${stuckCase}`, caseId: stuckCase, workflowType: 'supportCase', attempts: 8, failure: '[TMPRL1100] Nondeterminism error' },
      { workflowId: `case-${stuckCase}-esc-1`, caseId: stuckCase, workflowType: 'escalationLadder', attempts: 3, failure: null },
    );

    const { body } = await app.as('coordinator', 'c.jansen').get('/cases').query({ region: safetyRegionOfMunicipality('GM0150') }).expect(200);
    const attempts = Object.fromEntries(body.items.map((item: { caseId: string; stuckWorkflowAttempts: number | null }) => [item.caseId, item.stuckWorkflowAttempts]));

    expect(attempts).toEqual({ [stuckCase]: 8, [movingCase]: null });
  });
});

import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { cancelCase, triage } from '../../workflows/messages';
import { COORDINATOR, aSupportRequest } from '../support/case-fixtures';
import { eventually } from '../support/eventually';
import { WorkerStack } from '../support/worker-stack';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('when the worker process is killed in the middle of a case', () => {
  let db: TestDatabase;
  let stack: WorkerStack;

  beforeAll(async () => {
    db = await createTestDatabase();
    stack = await WorkerStack.start('crash', db.url, db.keyDataDir);
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
    await db?.drop();
  }, 60_000);

  it('finishes the case after a restart with every version recorded exactly once', async () => {
    const eventStore = new PostgresEventStore(db.dataSource, db.keyStore);
    const request = aSupportRequest();
    let worker = await stack.startWorker();
    const handle = await stack.client.workflow.start('supportCase', {
      workflowId: `case-${request.caseId}`, taskQueue: stack.taskQueue, args: [{ request, registeredBy: COORDINATOR }],
    });

    await eventually(async () => ((await eventStore.readStream(request.caseId)).length >= 1 ? true : undefined), 'RequestReceived');
    await worker.kill();
    const versionsAtKill = (await eventStore.readStream(request.caseId)).length;
    worker = await stack.startWorker();

    await handle.executeUpdate(triage, { args: [{ decision: 'accept', actor: COORDINATOR }] });
    await handle.executeUpdate(cancelCase, { args: [{ reason: 'request withdrawn', actor: COORDINATOR }] });
    await handle.result();

    // The ended case archives its workflow's history after the result, which is the stream's last append.
    const events = await eventually(async () => {
      const recorded = await eventStore.readStream(request.caseId);
      return recorded.at(-1)?.type === 'HistoryArchived' ? recorded : undefined;
    }, 'the archived history');
    expect(versionsAtKill).toBeGreaterThanOrEqual(1);
    expect(events.map((e) => e.version)).toEqual(events.map((_, index) => index + 1));
    expect(new Set(events.map((e) => e.idempotencyKey + e.type)).size).toBe(events.length);
    expect(events.slice(0, 3).map((e) => e.type)).toEqual(['RequestReceived', 'IntakeAssessed', 'RequestAccepted']);
    // Messages the case owed are recorded as they go out, also after its last step; the steps end with the cancellation.
    expect(events.filter((e) => !e.type.startsWith('Notification')).at(-2)?.type).toBe('CaseCancelled');
    expect(await eventStore.verify(request.caseId)).toMatchObject({ valid: true, eventCount: events.length });
  }, 120_000);
});

import { type WorkflowHandle } from '@temporalio/client';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { cancelCase, getCase, triage } from '../../workflows/messages';
import { COORDINATOR, aSupportRequest } from '../support/case-fixtures';
import { eventually } from '../support/eventually';
import { WorkerStack } from '../support/worker-stack';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const OPEN_CASES = 8;

describe('when the embedded Temporal dev server restarts on its SQLite file', () => {
  let db: TestDatabase;
  let stack: WorkerStack;

  beforeAll(async () => {
    db = await createTestDatabase();
    stack = await WorkerStack.start('temporal-restart', db.url, db.keyDataDir);
    await stack.startWorker();
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
    await db?.drop();
  }, 60_000);

  async function openCases(): Promise<string[]> {
    const ids: string[] = [];
    for await (const execution of stack.client.workflow.list({ query: `TaskQueue = '${stack.taskQueue}' AND ExecutionStatus = 'Running'` })) {
      if (execution.type === 'supportCase') ids.push(execution.workflowId);
    }
    return ids.sort();
  }

  async function stageOf(handle: WorkflowHandle): Promise<string | undefined> {
    return (await handle.query(getCase))?.stage;
  }

  it('keeps every open case through a clean stop and through a SIGKILL, and each one carries on', async () => {
    const eventStore = new PostgresEventStore(db.dataSource, db.keyStore);
    const requests = Array.from({ length: OPEN_CASES }, () => aSupportRequest());
    const handles = await Promise.all(requests.map((request) => stack.client.workflow.start('supportCase', {
      workflowId: `case-${request.caseId}`, taskQueue: stack.taskQueue, args: [{ request, registeredBy: COORDINATOR }],
    })));
    const workflowIds = handles.map((handle) => handle.workflowId).sort();
    for (const handle of handles) await eventually(async () => ((await stageOf(handle)) === 'Triage' ? true : undefined), 'triage');

    await stack.restartTemporal();
    expect(await eventually(async () => ((await openCases()).length === OPEN_CASES ? openCases() : undefined), 'the open cases after a clean stop'))
      .toEqual(workflowIds);
    for (const handle of handles) await handle.executeUpdate(triage, { args: [{ decision: 'accept', actor: COORDINATOR }] });

    // A crash gives the server no chance to flush anything: only what SQLite committed survives.
    await stack.restartTemporal({ kill: true });
    expect(await eventually(async () => ((await openCases()).length === OPEN_CASES ? openCases() : undefined), 'the open cases after a SIGKILL'))
      .toEqual(workflowIds);
    for (const handle of handles) {
      expect(await stageOf(handle)).toBe('Matching');
      await handle.executeUpdate(cancelCase, { args: [{ reason: 'request withdrawn', actor: COORDINATOR }] });
      await handle.result();
    }

    for (const request of requests) {
      const events = await eventStore.readStream(request.caseId);
      expect(events.map((e) => e.version)).toEqual(events.map((_, index) => index + 1));
      expect(events.slice(0, 3).map((e) => e.type)).toEqual(['RequestReceived', 'IntakeAssessed', 'RequestAccepted']);
      // The archive's receipts and the messages the cancellation owed may follow the case's own last step.
      const steps = events.filter((e) => e.type !== 'HistoryArchived' && !e.type.startsWith('Notification'));
      expect(steps.at(-1)?.type).toBe('CaseCancelled');
      expect(await eventStore.verify(request.caseId)).toMatchObject({ valid: true });
    }
  }, 180_000);
});

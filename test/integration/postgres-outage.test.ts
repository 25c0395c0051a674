import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { getCase, triage } from '../../workflows/messages';
import { COORDINATOR, aSupportRequest } from '../support/case-fixtures';
import { eventually } from '../support/eventually';
import { WorkerStack } from '../support/worker-stack';
import { createStoppableDatabase, type StoppableDatabase } from '../support/stoppable-database';

describe('when PostgreSQL goes down in the middle of a case', () => {
  let db: StoppableDatabase;
  let stack: WorkerStack;

  beforeAll(async () => {
    db = await createStoppableDatabase();
    stack = await WorkerStack.start('pg-outage', db.url, db.keyDataDir);
    await stack.startWorker();
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
    await db?.drop();
  }, 60_000);

  /** How often the journal's append has been tried so far, from the workflow's pending activities. */
  async function appendAttempts(workflowId: string): Promise<number> {
    const described = await stack.connection.workflowService.describeWorkflowExecution({ namespace: 'default', execution: { workflowId } });
    return (described.pendingActivities ?? []).find((activity) => activity.activityType?.name === 'recordCaseEvents')?.attempt ?? 0;
  }

  it('keeps retrying the append with backoff, and records the decision exactly once when the database is back', async () => {
    const eventStore = new PostgresEventStore(db.dataSource, db.keyStore);
    const request = aSupportRequest();
    const handle = await stack.client.workflow.start('supportCase', {
      workflowId: `case-${request.caseId}`, taskQueue: stack.taskQueue, args: [{ request, registeredBy: COORDINATOR }],
    });
    await eventually(async () => ((await handle.query(getCase))?.stage === 'Triage' ? true : undefined), 'triage');

    await db.stopServer();
    const outageStartedAt = Date.now();
    // The decision is taken while the database is away: the workflow accepts it and waits for its append.
    const decided = handle.executeUpdate(triage, { args: [{ decision: 'accept', actor: COORDINATOR }] });
    const attemptsWhileDown = await eventually(async () => {
      const attempts = await appendAttempts(handle.workflowId);
      return attempts >= 3 ? attempts : undefined;
    }, 'the append to be retried while PostgreSQL is down');
    await db.startServer();
    const afterOutage = await decided;
    console.log(`append attempts while PostgreSQL was down: ${attemptsWhileDown} in ${Date.now() - outageStartedAt} ms`);

    // Matching goes on offering the case meanwhile, so the stream may grow between these reads: the chain is verified
    // first, and the stream read afterwards holds at least what was verified.
    const verification = await eventStore.verify(request.caseId);
    const events = await eventStore.readStream(request.caseId);
    expect(afterOutage.stage).toBe('Matching');
    expect(events.map((e) => e.version)).toEqual(events.map((_, index) => index + 1));
    expect(events.filter((e) => e.type === 'RequestAccepted')).toHaveLength(1);
    expect(events.slice(0, 3).map((e) => e.type)).toEqual(['RequestReceived', 'IntakeAssessed', 'RequestAccepted']);
    expect(verification.valid).toBe(true);
    expect(verification.eventCount).toBeGreaterThanOrEqual(3);
    expect(verification.eventCount).toBeLessThanOrEqual(events.length);
  }, 120_000);
});

import { Client, Connection } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { findTemporalCli } from '../../src/temporal/temporal-binaries';
import type { TemporalDevServer } from '../../src/temporal/temporal-dev-server';
import { getCase, triage } from '../../workflows/messages';
import { startBrigadeProcess, type BrigadeProcess } from '../support/brigade-process';
import { COORDINATOR, aSupportRequest } from '../support/case-fixtures';
import { eventually } from '../support/eventually';
import { freePort } from '../support/free-port';
import { startDevServerPatiently } from '../support/patient-dev-server';
import { TEST_PAYLOAD_KEY_ENV, testDataConverter } from '../support/payload-keys';
import { createStoppableDatabase, type StoppableDatabase } from '../support/stoppable-database';

describe('when PostgreSQL goes down in the middle of a case', () => {
  let db: StoppableDatabase;
  let temporal: TemporalDevServer;
  let connection: Connection;
  let client: Client;
  let worker: BrigadeProcess | undefined;
  const taskQueue = `pg-outage-${randomUUID()}`;

  beforeAll(async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'brigade-pg-outage-'));
    db = await createStoppableDatabase();
    temporal = await startDevServerPatiently({ cliPath: findTemporalCli(), dataDir, port: await freePort(), uiPort: await freePort(), namespace: 'default' });
    connection = await Connection.connect({ address: temporal.address });
    // The worker process encrypts with the test key, so the test's client reads and writes with it too.
    client = new Client({ connection, dataConverter: testDataConverter() });
    worker = await startBrigadeProcess({
      NO_COLOR: '1', BRIGADE_ROLE: 'worker', DATABASE_URL: db.url, TEMPORAL_ADDRESS: temporal.address, BRIGADE_TASK_QUEUE: taskQueue,
      BRIGADE_DATA_DIR: dataDir, ...TEST_PAYLOAD_KEY_ENV,
    });
  }, 120_000);

  afterAll(async () => {
    await worker?.stop();
    await connection?.close();
    await temporal?.stop();
    await db?.drop();
  }, 60_000);

  /** How often the journal's append has been tried so far, from the workflow's pending activities. */
  async function appendAttempts(workflowId: string): Promise<number> {
    const described = await connection.workflowService.describeWorkflowExecution({ namespace: 'default', execution: { workflowId } });
    return (described.pendingActivities ?? []).find((activity) => activity.activityType?.name === 'recordCaseEvents')?.attempt ?? 0;
  }

  it('keeps retrying the append with backoff, and records the decision exactly once when the database is back', async () => {
    const eventStore = new PostgresEventStore(db.dataSource);
    const request = aSupportRequest();
    const handle = await client.workflow.start('supportCase', {
      workflowId: `case-${request.caseId}`, taskQueue, args: [{ request, registeredBy: COORDINATOR }],
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

    const events = await eventStore.readStream(request.caseId);
    expect(afterOutage.stage).toBe('Matching');
    expect(events.map((e) => e.version)).toEqual(events.map((_, index) => index + 1));
    expect(events.filter((e) => e.type === 'RequestAccepted')).toHaveLength(1);
    expect(events.slice(0, 3).map((e) => e.type)).toEqual(['RequestReceived', 'IntakeAssessed', 'RequestAccepted']);
    expect(await eventStore.verify(request.caseId)).toMatchObject({ valid: true, eventCount: events.length });
  }, 120_000);
});

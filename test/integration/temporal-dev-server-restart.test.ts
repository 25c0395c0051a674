import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { findTemporalCli } from '../../src/temporal/temporal-binaries';
import type { TemporalDevServer, TemporalDevServerOptions } from '../../src/temporal/temporal-dev-server';
import { cancelCase, getCase, triage } from '../../workflows/messages';
import { startBrigadeProcess, type BrigadeProcess } from '../support/brigade-process';
import { COORDINATOR, aSupportRequest } from '../support/case-fixtures';
import { eventually } from '../support/eventually';
import { freePort } from '../support/free-port';
import { startDevServerPatiently } from '../support/patient-dev-server';
import { TEST_PAYLOAD_KEY_ENV, testDataConverter } from '../support/payload-keys';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const OPEN_CASES = 8;

describe('when the embedded Temporal dev server restarts on its SQLite file', () => {
  let db: TestDatabase;
  let options: TemporalDevServerOptions;
  let temporal: TemporalDevServer;
  let connection: Connection;
  let client: Client;
  let worker: BrigadeProcess | undefined;
  const taskQueue = `restart-${randomUUID()}`;

  beforeAll(async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'brigade-temporal-restart-'));
    options = { cliPath: findTemporalCli(), dataDir, port: await freePort(), uiPort: await freePort(), namespace: 'default' };
    db = await createTestDatabase();
    temporal = await startDevServerPatiently(options);
    connection = await Connection.connect({ address: temporal.address });
    // The worker process encrypts with the test key, so the test's client reads and writes with it too.
    client = new Client({ connection, dataConverter: testDataConverter() });
    worker = await startBrigadeProcess({
      NO_COLOR: '1', BRIGADE_ROLE: 'worker', DATABASE_URL: db.url, TEMPORAL_ADDRESS: temporal.address, BRIGADE_TASK_QUEUE: taskQueue,
      BRIGADE_DATA_DIR: options.dataDir, ...TEST_PAYLOAD_KEY_ENV,
    });
  }, 120_000);

  afterAll(async () => {
    await worker?.stop();
    await connection?.close();
    await temporal?.stop();
    await db?.drop();
  }, 60_000);

  async function openCases(): Promise<string[]> {
    const ids: string[] = [];
    for await (const execution of client.workflow.list({ query: `TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Running'` })) {
      if (execution.type === 'supportCase') ids.push(execution.workflowId);
    }
    return ids.sort();
  }

  async function stageOf(handle: WorkflowHandle): Promise<string | undefined> {
    return (await handle.query(getCase))?.stage;
  }

  it('keeps every open case through a clean stop and through a SIGKILL, and each one carries on', async () => {
    const eventStore = new PostgresEventStore(db.dataSource);
    const requests = Array.from({ length: OPEN_CASES }, () => aSupportRequest());
    const handles = await Promise.all(requests.map((request) => client.workflow.start('supportCase', {
      workflowId: `case-${request.caseId}`, taskQueue, args: [{ request, registeredBy: COORDINATOR }],
    })));
    const workflowIds = handles.map((handle) => handle.workflowId).sort();
    for (const handle of handles) await eventually(async () => ((await stageOf(handle)) === 'Triage' ? true : undefined), 'triage');

    await temporal.stop();
    temporal = await startDevServerPatiently(options);
    expect(await eventually(async () => ((await openCases()).length === OPEN_CASES ? openCases() : undefined), 'the open cases after a clean stop'))
      .toEqual(workflowIds);
    for (const handle of handles) await handle.executeUpdate(triage, { args: [{ decision: 'accept', actor: COORDINATOR }] });

    // A crash gives the server no chance to flush anything: only what SQLite committed survives.
    process.kill(temporal.pid, 'SIGKILL');
    await temporal.stop();
    temporal = await startDevServerPatiently(options);
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
      expect(events.at(-1)?.type).toBe('CaseCancelled');
      expect(await eventStore.verify(request.caseId)).toMatchObject({ valid: true });
    }
  }, 180_000);
});

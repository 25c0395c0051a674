import { Client, Connection } from '@temporalio/client';
import { mkdtemp } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { findTemporalCli } from '../../src/temporal/temporal-binaries';
import { startTemporalDevServer, type TemporalDevServer } from '../../src/temporal/temporal-dev-server';
import { cancelCase, triage } from '../../workflows/messages';
import { startBrigadeProcess, type BrigadeProcess } from '../support/brigade-process';
import { COORDINATOR, aSupportRequest } from '../support/case-fixtures';
import { eventually } from '../support/eventually';
import { freePort } from '../support/free-port';
import { TEST_PAYLOAD_KEY_ENV, testDataConverter } from '../support/payload-keys';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('when the worker process is killed in the middle of a case', () => {
  let db: TestDatabase;
  let temporal: TemporalDevServer;
  let client: Client;
  let worker: BrigadeProcess | undefined;
  const taskQueue = `crash-${randomUUID()}`;

  beforeAll(async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'brigade-crash-'));
    [db, temporal] = await Promise.all([
      createTestDatabase(),
      startTemporalDevServer({
        cliPath: findTemporalCli(), dataDir, port: await freePort(), uiPort: await freePort(), namespace: 'default',
      }),
    ]);
    // The worker process encrypts with the test key, so the test's client reads and writes with it too.
    client = new Client({ connection: await Connection.connect({ address: temporal.address }), dataConverter: testDataConverter() });
  }, 120_000);

  afterAll(async () => {
    await worker?.stop();
    await client?.connection.close();
    await temporal?.stop();
    await db?.drop();
  }, 60_000);

  const startWorker = () => startBrigadeProcess({
    NO_COLOR: '1', BRIGADE_ROLE: 'worker', DATABASE_URL: db.url, TEMPORAL_ADDRESS: temporal.address, BRIGADE_TASK_QUEUE: taskQueue, ...TEST_PAYLOAD_KEY_ENV,
  });

  it('finishes the case after a restart with every version recorded exactly once', async () => {
    const eventStore = new PostgresEventStore(db.dataSource);
    const request = aSupportRequest();
    worker = await startWorker();
    const handle = await client.workflow.start('supportCase', {
      workflowId: `case-${request.caseId}`, taskQueue, args: [{ request, registeredBy: COORDINATOR }],
    });

    await eventually(async () => ((await eventStore.readStream(request.caseId)).length >= 1 ? true : undefined), 'RequestReceived');
    await worker.kill();
    const versionsAtKill = (await eventStore.readStream(request.caseId)).length;
    worker = await startWorker();

    await handle.executeUpdate(triage, { args: [{ decision: 'accept', actor: COORDINATOR }] });
    await handle.executeUpdate(cancelCase, { args: [{ reason: 'request withdrawn', actor: COORDINATOR }] });
    await handle.result();

    const events = await eventStore.readStream(request.caseId);
    expect(versionsAtKill).toBeGreaterThanOrEqual(1);
    expect(events.map((e) => e.version)).toEqual(events.map((_, index) => index + 1));
    expect(new Set(events.map((e) => e.idempotencyKey + e.type)).size).toBe(events.length);
    expect(events.slice(0, 3).map((e) => e.type)).toEqual(['RequestReceived', 'IntakeAssessed', 'RequestAccepted']);
    expect(events.at(-1)?.type).toBe('CaseCancelled');
    expect(await eventStore.verify(request.caseId)).toMatchObject({ valid: true, eventCount: events.length });
  }, 120_000);
});

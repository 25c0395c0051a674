import { Client, Connection } from '@temporalio/client';
import { mkdtemp } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { findTemporalCli } from '../../src/temporal/temporal-binaries';
import { startTemporalDevServer, type TemporalDevServer } from '../../src/temporal/temporal-dev-server';
import { closeCase, triage } from '../../workflows/messages';
import { startBrigadeProcess, type BrigadeProcess } from '../support/brigade-process';
import { COORDINATOR, aSupportRequest } from '../support/case-fixtures';
import { eventually } from '../support/eventually';
import { freePort } from '../support/free-port';
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
    client = new Client({ connection: await Connection.connect({ address: temporal.address }) });
  }, 120_000);

  afterAll(async () => {
    await worker?.stop();
    await client?.connection.close();
    await temporal?.stop();
    await db?.drop();
  }, 60_000);

  const startWorker = () => startBrigadeProcess({
    NO_COLOR: '1', BRIGADE_ROLE: 'worker', DATABASE_URL: db.url, TEMPORAL_ADDRESS: temporal.address, BRIGADE_TASK_QUEUE: taskQueue,
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
    await handle.executeUpdate(closeCase, { args: [{ actor: COORDINATOR }] });
    await handle.result();

    const events = await eventStore.readStream(request.caseId);
    expect(versionsAtKill).toBeGreaterThanOrEqual(1);
    expect(events.map((e) => `${e.version}:${e.type}`)).toEqual(['1:RequestReceived', '2:IntakeAssessed', '3:RequestAccepted', '4:CaseClosed']);
    expect(await eventStore.verify(request.caseId)).toMatchObject({ valid: true, eventCount: 4 });
  }, 120_000);
});

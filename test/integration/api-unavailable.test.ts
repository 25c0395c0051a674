import { Client, Connection } from '@temporalio/client';
import { mkdtemp } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Response } from 'supertest';
import { CasesModule } from '../../src/cases/cases.module';
import { refusalsNl } from '../../src/i18n/catalogue/refusals.nl';
import { UNAVAILABLE_REASONS } from '../../src/http/unavailable-dependency';
import { findTemporalCli } from '../../src/temporal/temporal-binaries';
import type { TemporalDevServer, TemporalDevServerOptions } from '../../src/temporal/temporal-dev-server';
import { createApiApp, type ApiApp } from '../support/api-app';
import { eventually } from '../support/eventually';
import { freePort } from '../support/free-port';
import { startDevServerPatiently } from '../support/patient-dev-server';
import { realTemporalClient } from '../support/real-temporal-client';
import { createStoppableDatabase, type StoppableDatabase } from '../support/stoppable-database';
import { bearer } from '../support/tokens';

const aRequest = {
  category: 'CITIZEN_MEETING', municipalityCode: 'GM0321', requesterRole: 'alderman',
  description: 'Informatieavond over tijdelijke opvang', eventDate: '2027-02-10T19:30:00Z', indicators: {},
};
// Short, so that the test waits seconds rather than the production default.
const TEMPORAL_CALL_TIMEOUT = '3s';
// Far longer than any bounded answer takes: a request still open by then is hanging.
const HANG = 60_000;

describe('the API while a dependency is down', () => {
  let db: StoppableDatabase;
  let options: TemporalDevServerOptions;
  let temporal: TemporalDevServer;
  let connection: Connection;
  let app: ApiApp;

  beforeAll(async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'brigade-unavailable-'));
    options = { cliPath: findTemporalCli(), dataDir, port: await freePort(), uiPort: await freePort(), namespace: 'default' };
    db = await createStoppableDatabase();
    temporal = await startDevServerPatiently(options);
    connection = await Connection.connect({ address: temporal.address });
    // No worker polls this app's task queue: every case it starts waits for a worker that never comes.
    app = await createApiApp(db, {
      imports: [CasesModule, realTemporalClient(new Client({ connection }))],
      env: { BRIGADE_TEMPORAL_CALL_TIMEOUT: TEMPORAL_CALL_TIMEOUT, BRIGADE_TASK_QUEUE: `no-worker-${Date.now()}` },
    });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await connection?.close();
    await temporal?.stop();
    await db?.drop();
  }, 60_000);

  const coordinator = () => ({
    get: (url: string) => app.api().get(url).set('Authorization', bearer('coordinator', 'c.jansen')).timeout(HANG),
    post: (url: string) => app.api().post(url).set('Authorization', bearer('coordinator', 'c.jansen')).timeout(HANG),
  });

  /** Sends a request and prints how long its answer took: a figure to read, not a threshold. */
  async function timed(what: string, send: () => Promise<Response>): Promise<Response> {
    const startedAt = Date.now();
    const response = await send();
    console.log(`${what}: ${response.status} after ${Date.now() - startedAt} ms`);
    return response;
  }

  function expectUnavailable(response: Response, reason: keyof typeof refusalsNl): void {
    expect(response.status).toBe(503);
    expect(response.body).toEqual({ statusCode: 503, code: 'unavailable', message: refusalsNl[reason], reason: { code: reason, params: {} }, fields: [] });
    expect(response.headers['retry-after']).toBe('5');
  }

  it('answers 503 naming the database while PostgreSQL is down, and serves again once it is back', async () => {
    await coordinator().get('/cases').expect(200);

    await db.stopServer();
    try {
      expectUnavailable(await timed('list while PostgreSQL is down', () => coordinator().get('/cases')), UNAVAILABLE_REASONS.database);
      expectUnavailable(await coordinator().get('/cases/6f1c2f0e-8a5b-4c3d-9e7f-0a1b2c3d4e5f'), UNAVAILABLE_REASONS.database);
    } finally {
      await db.startServer();
    }

    await eventually(async () => ((await coordinator().get('/cases')).status === 200 ? true : undefined), 'the list after PostgreSQL is back');
  }, 120_000);

  it('answers 503 naming Temporal while Temporal is down, and registers again once it is back', async () => {
    await temporal.stop();
    try {
      const response = await timed('registration while Temporal is down', () => coordinator().post('/cases').send(aRequest));
      expect(response.status).toBe(503);
      expect([UNAVAILABLE_REASONS.temporal, UNAVAILABLE_REASONS.temporalTimeout]).toContain(response.body.reason.code);
    } finally {
      temporal = await startDevServerPatiently(options);
    }

    await eventually(async () => ((await coordinator().post('/cases').send(aRequest)).status === 201 ? true : undefined), 'a registration after Temporal is back');
  }, 120_000);

  it('answers a decision for a case whose worker is down with 503 after the deadline instead of waiting for ever', async () => {
    const { caseId } = (await coordinator().post('/cases').send(aRequest).expect(201)).body as { caseId: string };

    const triaged = await timed('triage without a worker', () => coordinator().post(`/cases/${caseId}/triage`).send({ decision: 'accept' }));
    const read = await timed('case view without a worker', () => coordinator().get(`/cases/${caseId}`));

    expectUnavailable(triaged, UNAVAILABLE_REASONS.temporalTimeout);
    expectUnavailable(read, UNAVAILABLE_REASONS.temporalTimeout);
  }, 120_000);
});

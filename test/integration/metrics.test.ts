import { randomUUID } from 'node:crypto';
import { Registry, prometheusContentType } from 'prom-client';
import request from 'supertest';
import { loadBrigadeConfig } from '../../src/config/brigade-config';
import { caseEvent } from '../../src/domain/case.events';
import { VersionConflictError } from '../../src/event-store/event-store.errors';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { CaseGauges } from '../../src/metrics/case-gauges';
import { PostgresCaseReadModel } from '../../src/read-model/postgres-case-read-model';
import { EventAppendMetrics } from '../../src/metrics/event-append.metrics';
import { MeasuredEventStore } from '../../src/metrics/measured-event-store';
import { mayScrape } from '../../src/metrics/metrics-access';
import { startBrigadeProcess, type BrigadeProcess } from '../support/brigade-process';
import { COORDINATOR, aSupportRequest, requestReceived } from '../support/case-fixtures';
import { eventually } from '../support/eventually';
import { freePort } from '../support/free-port';
import { TEST_PAYLOAD_KEY_ENV } from '../support/payload-keys';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { TEST_TOKEN_ENV, bearer } from '../support/tokens';
import { WorkerStack } from '../support/worker-stack';
import { domainText } from '../../src/domain/domain-text';

const METRICS_TOKEN = `metrics-${randomUUID()}`;

/** One sample of a scrape: its labels and value. */
interface Sample {
  readonly labels: Record<string, string>;
  readonly value: number;
}

/** The samples of one metric (a histogram's `_count` is its own name) in a Prometheus text answer. */
function samplesOf(text: string, name: string): Sample[] {
  return text.split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .map((line) => {
      const labelText = line.startsWith(`${name}{`) ? line.slice(name.length + 1, line.lastIndexOf('}')) : '';
      const labels = Object.fromEntries([...labelText.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((match) => [match[1], match[2]]));
      return { labels, value: Number(line.slice(line.lastIndexOf(' ') + 1)) };
    });
}

/** Samples as plain rows, labels and value side by side, for comparing whole sets. */
const flat = (samples: readonly Sample[]): Array<Record<string, string | number>> => samples.map(({ labels, value }) => ({ ...labels, value }));
const sum = (samples: readonly Sample[]) => samples.reduce((total, sample) => total + sample.value, 0);
const valueWith = (samples: readonly Sample[], labels: Record<string, string>) =>
  sum(samples.filter((sample) => Object.entries(labels).every(([key, value]) => sample.labels[key] === value)));

const aRequest = (municipalityCode: string) => ({
  category: 'CITIZEN_MEETING', municipalityCode, safetyRegion: 'utrecht', requesterRole: 'alderman',
  description: 'Informatieavond over tijdelijke opvang', eventDate: '2027-03-10T19:30:00Z', indicators: { expectedAttendance: 80 },
});

// Brigade as it runs in production, from the build: an `all` process (API and worker) and a worker-only process on one
// task queue of a real Temporal dev server, both on one real PostgreSQL database, scraped as Prometheus would.
describe('/metrics on a running Brigade', () => {
  let db: TestDatabase;
  let stack: WorkerStack;
  let all: BrigadeProcess;
  let worker: BrigadeProcess;
  let apiUrl: string;
  let workerMetricsUrl: string;
  const coordinator = bearer('coordinator', 'c.metrics');

  beforeAll(async () => {
    db = await createTestDatabase();
    stack = await WorkerStack.start('metrics', db.url, db.keyDataDir);
    const [httpPort, workerMetricsPort] = [await freePort(), await freePort()];
    const shared = {
      NO_COLOR: '1', DATABASE_URL: db.url, TEMPORAL_ADDRESS: stack.temporal.address, BRIGADE_TASK_QUEUE: stack.taskQueue,
      BRIGADE_METRICS_TOKEN: METRICS_TOKEN, ...TEST_TOKEN_ENV, ...TEST_PAYLOAD_KEY_ENV,
    };
    [all, worker] = await Promise.all([
      startBrigadeProcess({ ...shared, BRIGADE_ROLE: 'all', PORT: String(httpPort) }),
      startBrigadeProcess({ ...shared, BRIGADE_ROLE: 'worker', BRIGADE_WORKER_METRICS_ADDRESS: `127.0.0.1:${workerMetricsPort}` }),
    ]);
    apiUrl = `http://127.0.0.1:${httpPort}`;
    workerMetricsUrl = `http://127.0.0.1:${workerMetricsPort}/metrics`;
  }, 180_000);

  afterAll(async () => {
    await Promise.all([all?.stop(), worker?.stop()]);
    await stack?.close();
    await db?.drop();
  }, 60_000);

  const scrapeApi = async () => {
    const response = await request(apiUrl).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(response.headers['content-type']).toBe(prometheusContentType);
    return response.text;
  };
  const scrapeWorker = async () => {
    const response = await fetch(workerMetricsUrl, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
    expect([response.status, response.headers.get('content-type')]).toEqual([200, prometheusContentType]);
    return response.text();
  };
  const stageOf = async (caseId: string) => (await db.sql<{ stage: string }>('SELECT stage FROM cases WHERE case_id = $1', [caseId]))[0]?.stage;
  const waitForStage = (caseId: string, stage: string) =>
    eventually(async () => ((await stageOf(caseId)) === stage ? true : undefined), `case ${caseId} in ${stage}`, 60_000);
  const register = async (municipalityCode: string) => {
    const response = await request(apiUrl).post('/cases').set('Authorization', coordinator).send(aRequest(municipalityCode)).expect(201);
    const caseId = response.body.caseId as string;
    await waitForStage(caseId, 'Triage');
    return caseId;
  };

  it('refuses a scrape without the metrics token, on the API port and on the worker port', async () => {
    const api = await request(apiUrl).get('/metrics').expect(401);
    expect(api.body).toMatchObject({ code: 'unauthenticated', message: expect.stringContaining('metrics-token'), reason: { code: 'metrics_token_needed' } });
    await request(apiUrl).get('/metrics').set('Authorization', coordinator).expect(401);
    expect((await fetch(workerMetricsUrl)).status).toBe(401);
  });

  it('counts cases by stage as the read model holds them, open escalations by rung, and the appends the workers made', async () => {
    const before = await scrapeApi();
    const triaged = await register('GM0321'); // Houten
    const rejected = await register('GM0355'); // Zeist
    const escalated = await register('GM0356'); // Nieuwegein
    await request(apiUrl).post(`/cases/${rejected}/triage`).set('Authorization', coordinator).send({ decision: 'reject', reason: 'outside the brigade\'s remit' }).expect(200);
    // The pool is empty: matching fails and escalates to the duty coordinator, and the case waits in Matching.
    await request(apiUrl).post(`/cases/${escalated}/triage`).set('Authorization', coordinator).send({ decision: 'accept' }).expect(200);
    await waitForStage(rejected, 'Rejected');
    await eventually(async () => ((await db.sql(`SELECT 1 FROM cases WHERE case_id = $1 AND jsonb_array_length(state->'openEscalations') = 1`, [escalated])).length ? true : undefined), 'the failed-match escalation');
    expect(await stageOf(triaged)).toBe('Triage');

    // Appends are recorded when the activity returns, a moment after the read model shows them; and the rejected case
    // goes on appending after it ended (the receipts of its archived histories), so the store is counted with each scrape.
    const countStore = async () => (await db.sql<{ batches: number; events: number }>(
      'SELECT (SELECT count(*)::int FROM case_event_batches) AS batches, (SELECT count(*)::int FROM case_events) AS events'))[0];
    const appendsOf = (text: string) => valueWith(samplesOf(text, 'brigade_event_append_duration_seconds_count'), { outcome: 'appended' });
    const [after, fromWorker, batches] = await eventually(async () => {
      const scrapes = await Promise.all([scrapeApi(), scrapeWorker()]);
      const stored = await countStore();
      return appendsOf(scrapes[0]) + appendsOf(scrapes[1]) === stored.batches ? [...scrapes, stored] as const : undefined;
    }, 'as many appends in the two processes\' histograms as batches in the store');

    const byStage = samplesOf(after, 'brigade_cases');
    const inDatabase = await db.sql<{ stage: string; count: number }>('SELECT stage, count(*)::int AS count FROM cases GROUP BY stage');
    for (const { stage, count } of inDatabase) expect({ stage, count: valueWith(byStage, { stage }) }).toEqual({ stage, count });
    expect({ Triage: valueWith(byStage, { stage: 'Triage' }), Rejected: valueWith(byStage, { stage: 'Rejected' }), Matching: valueWith(byStage, { stage: 'Matching' }), Closed: valueWith(byStage, { stage: 'Closed' }) })
      .toEqual({ Triage: 1, Rejected: 1, Matching: 1, Closed: 0 });
    expect(sum(samplesOf(before, 'brigade_cases'))).toBe(0);

    expect(samplesOf(after, 'brigade_open_escalations')).toEqual([{ labels: { level: '1', target: 'dutyCoordinator' }, value: 1 }]);
    expect(sum(samplesOf(after, 'brigade_cases_past_deadline'))).toBe(0);
    const written = sum(samplesOf(after, 'brigade_events_appended_total')) + sum(samplesOf(fromWorker, 'brigade_events_appended_total'));
    expect(written).toBe(batches.events);
    expect(valueWith(samplesOf(after, 'brigade_http_request_duration_seconds_count'), { method: 'POST', route: '/cases', status: '201' })).toBe(3);
    expect(valueWith(samplesOf(after, 'brigade_http_request_duration_seconds_count'), { method: 'POST', route: '/cases/:id/triage', status: '200' })).toBe(2);
  });

  it('reports an open case whose next deadline has passed, by the kind of deadline', async () => {
    const store = new PostgresEventStore(db.dataSource, db.keyStore);
    const request_ = aSupportRequest();
    const raisedAt = new Date(Date.now() - 3 * 3_600_000).toISOString();
    const ackDeadline = new Date(Date.now() - 3_600_000).toISOString();
    await store.append({
      caseId: request_.caseId, expectedVersion: 0, idempotencyKey: randomUUID(),
      events: [
        requestReceived(request_, raisedAt),
        caseEvent('EscalationRaised', {
          escalationId: 'esc-1', trigger: 'missedDeadline', subject: 'triage', reason: domainText('escalation.triage_overdue'), level: 1, target: 'dutyCoordinator', ackDeadline,
        }, COORDINATOR, raisedAt),
      ],
    });

    const text = await scrapeApi();
    expect(valueWith(samplesOf(text, 'brigade_cases_past_deadline'), { deadline: 'escalation' })).toBe(1);
    expect(valueWith(samplesOf(text, 'brigade_open_escalations'), { level: '1', target: 'dutyCoordinator' })).toBe(2);
  });

  it("includes the Temporal worker's own metrics, on the API port of the all-in-one process and on the worker's port", async () => {
    for (const text of [await scrapeApi(), await scrapeWorker()]) {
      const pollers = samplesOf(text, 'temporal_num_pollers');
      expect(pollers.length).toBeGreaterThan(0);
      expect(pollers.every((sample) => sample.labels.task_queue !== undefined)).toBe(true);
      expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    }
    const workerText = await scrapeWorker();
    // Case gauges come from the API processes only, so that one database is not counted once per worker.
    expect(samplesOf(workerText, 'brigade_cases')).toEqual([]);
    const activityTasks = sum(samplesOf(await scrapeApi(), 'temporal_activity_execution_latency_count'))
      + sum(samplesOf(workerText, 'temporal_activity_execution_latency_count'));
    expect(activityTasks).toBeGreaterThan(0);
  });
});

describe('the measured event store, on a real database', () => {
  let db: TestDatabase;
  beforeAll(async () => (db = await createTestDatabase()));
  afterAll(async () => db?.drop());

  it('times every append by outcome, and counts only the events and missed deadlines it really wrote', async () => {
    const registry = new Registry();
    const sut = new MeasuredEventStore(new PostgresEventStore(db.dataSource, db.keyStore), new EventAppendMetrics(registry));
    const supportRequest = aSupportRequest();
    const key = randomUUID();
    const first = {
      caseId: supportRequest.caseId, expectedVersion: 0, idempotencyKey: key,
      events: [requestReceived(supportRequest), caseEvent('OfferExpired', { offerId: 'offer-1', expertId: randomUUID() }, COORDINATOR, '2026-11-01T10:00:00.000Z')],
    };
    await sut.append(first);
    await sut.append(first);
    await expect(sut.append({ ...first, idempotencyKey: randomUUID(), events: [first.events[1]] })).rejects.toThrow(VersionConflictError);

    const text = await registry.metrics();
    const counts = samplesOf(text, 'brigade_event_append_duration_seconds_count');
    expect(flat(counts).sort((a, b) => String(a.outcome).localeCompare(String(b.outcome)))).toEqual([
      { events: '2-5', outcome: 'appended', value: 1 }, { events: '2-5', outcome: 'deduplicated', value: 1 }, { events: '1', outcome: 'failed', value: 1 },
    ]);
    expect(samplesOf(text, 'brigade_events_appended_total')).toEqual([
      { labels: { type: 'RequestReceived' }, value: 1 }, { labels: { type: 'OfferExpired' }, value: 1 },
    ]);
    expect(samplesOf(text, 'brigade_deadlines_missed_total')).toEqual([{ labels: { deadline: 'offer' }, value: 1 }]);
  });
});

describe('the case gauges while the database is away', () => {
  it('leave themselves out and count the failure, so the rest of the scrape still arrives', async () => {
    const db = await createTestDatabase();
    const registry = new Registry();
    new CaseGauges(registry, new PostgresCaseReadModel(db.dataSource)).onModuleInit();
    expect(samplesOf(await registry.metrics(), 'brigade_cases')).toHaveLength(10);
    await db.drop();

    const text = await registry.metrics();
    expect(samplesOf(text, 'brigade_cases')).toEqual([]);
    expect(flat(samplesOf(text, 'brigade_case_metrics_read_failures_total')).sort((a, b) => String(a.gauge).localeCompare(String(b.gauge))))
      .toEqual([
        { gauge: 'brigade_cases', value: 1 }, { gauge: 'brigade_cases_past_deadline', value: 1 }, { gauge: 'brigade_open_escalations', value: 1 },
      ]);
  });
});

describe('who may scrape /metrics', () => {
  it('is anyone without BRIGADE_METRICS_TOKEN, and only a bearer of that exact token with it', () => {
    expect(mayScrape(undefined, undefined)).toBe(true);
    expect(mayScrape(METRICS_TOKEN, `Bearer ${METRICS_TOKEN}`)).toBe(true);
    expect(mayScrape(METRICS_TOKEN, undefined)).toBe(false);
    expect(mayScrape(METRICS_TOKEN, METRICS_TOKEN)).toBe(false);
    expect(mayScrape(METRICS_TOKEN, `Bearer ${METRICS_TOKEN}x`)).toBe(false);
  });

  it.each([
    [{ BRIGADE_METRICS_TOKEN: 'short' }, /BRIGADE_METRICS_TOKEN must be at least 16 bytes/],
    [{ BRIGADE_WORKER_METRICS_ADDRESS: '9464' }, /BRIGADE_WORKER_METRICS_ADDRESS must be host:port/],
    [{ BRIGADE_WORKER_METRICS_ADDRESS: '0.0.0.0:http' }, /BRIGADE_WORKER_METRICS_ADDRESS must be a TCP port/],
    [{ BRIGADE_TRACING: 'jaeger' }, /BRIGADE_TRACING must be one of off, otlp, console, got "jaeger"/],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, /OTEL_EXPORTER_OTLP_ENDPOINT must be an http\(s\) URL/],
  ])('refuses the configuration %j with a message naming the variable', (env, message) => {
    expect(() => loadBrigadeConfig(env)).toThrow(message);
  });

  it('reads the worker metrics address, brackets and all, and the tracing endpoint under its traces path', () => {
    const sut = loadBrigadeConfig({ BRIGADE_WORKER_METRICS_ADDRESS: '[::]:9464', BRIGADE_TRACING: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' });
    expect(sut.metrics).toEqual({ token: undefined, workerAddress: { host: '::', port: 9464 } });
    expect(sut.tracing).toEqual({ mode: 'otlp', otlpTracesUrl: 'http://collector:4318/v1/traces', serviceName: 'brigade' });
  });
});

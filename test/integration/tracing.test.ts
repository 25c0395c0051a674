import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { loadBrigadeConfig } from '../../src/config/brigade-config';
import { startTracing } from '../../src/tracing/process-tracing';
import { tracingClientInterceptors, tracingWorkerOptions } from '../../src/tracing/temporal-tracing';
import { startBrigadeProcess, type BrigadeProcess } from '../support/brigade-process';
import { eventually } from '../support/eventually';
import { freePort } from '../support/free-port';
import { TEST_PAYLOAD_KEY_ENV } from '../support/payload-keys';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { TEST_TOKEN_ENV, bearer } from '../support/tokens';
import { WorkerStack } from '../support/worker-stack';

/** A span as the OTLP/HTTP JSON exporter sends it, with the instrumentation scope that made it. */
interface ReceivedSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
  readonly kind: number;
  readonly scope: string;
  readonly service: string;
  readonly attributes: Record<string, unknown>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: number | string;
  boolValue?: boolean;
}
interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}
interface OtlpExport {
  resourceSpans: Array<{
    resource: { attributes: OtlpAttribute[] };
    scopeSpans: Array<{
      scope: { name: string };
      spans: Array<{ traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number; attributes?: OtlpAttribute[] }>;
    }>;
  }>;
}

const SERVER_KIND = 2;

const flat = (attributes: readonly OtlpAttribute[] = []) =>
  Object.fromEntries(attributes.map(({ key, value }) => [key, value.stringValue ?? value.intValue ?? value.boolValue]));

/** A collector of its own: an OTLP/HTTP endpoint that keeps every span Brigade exports to it. */
async function startCollector(): Promise<{ server: Server; endpoint: string; spans: ReceivedSpan[] }> {
  const spans: ReceivedSpan[] = [];
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpExport;
      for (const { resource, scopeSpans } of body.resourceSpans) {
        const service = String(flat(resource.attributes)['service.name']);
        for (const { scope, spans: batch } of scopeSpans) {
          for (const span of batch) spans.push({ ...span, scope: scope.name, service, attributes: flat(span.attributes) });
        }
      }
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans };
}

describe('with tracing off (the default)', () => {
  it('starts no tracer and gives Temporal no interceptors, sinks or workflow modules', () => {
    const config = loadBrigadeConfig({});
    expect(config.tracing.mode).toBe('off');
    expect(startTracing(config.tracing, config.role)).toBeUndefined();
    expect(tracingClientInterceptors()).toBeUndefined();
    expect(tracingWorkerOptions()).toEqual({});
  });
});

// One request followed from the HTTP server into the workflow it starts, the activities the workflow runs and the SQL
// those run, in a Brigade process from the build with BRIGADE_TRACING=otlp, exporting to a collector of the test's own.
describe('with tracing on, one request through HTTP, Temporal and PostgreSQL', () => {
  let db: TestDatabase;
  let stack: WorkerStack;
  let brigade: BrigadeProcess;
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let apiUrl: string;

  beforeAll(async () => {
    [db, collector] = await Promise.all([createTestDatabase(), startCollector()]);
    stack = await WorkerStack.start('tracing', db.url, db.keyDataDir);
    const httpPort = await freePort();
    brigade = await startBrigadeProcess({
      NO_COLOR: '1', BRIGADE_ROLE: 'all', PORT: String(httpPort), DATABASE_URL: db.url, TEMPORAL_ADDRESS: stack.temporal.address,
      BRIGADE_TASK_QUEUE: stack.taskQueue, BRIGADE_TRACING: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint,
      OTEL_SERVICE_NAME: 'brigade-tracing-test', ...TEST_TOKEN_ENV, ...TEST_PAYLOAD_KEY_ENV,
    });
    apiUrl = `http://127.0.0.1:${httpPort}`;
  }, 180_000);

  afterAll(async () => {
    await brigade?.stop();
    await stack?.close();
    await db?.drop();
    await new Promise((resolve) => collector?.server.close(resolve));
  }, 60_000);

  it('links the HTTP request, the workflow, its activities and their SQL in one trace', async () => {
    const response = await request(apiUrl).post('/cases').set('Authorization', bearer('coordinator', 'c.tracing')).send({
      category: 'INCIDENT', municipalityCode: 'GM0281', requesterRole: 'mayor',
      description: 'Onrust na een incident bij de opvanglocatie', eventDate: '2027-04-02T18:00:00Z', indicators: { priorIncidents: 1 },
    }).expect(201);
    const caseId = response.body.caseId as string;
    // A workflow's own span ends when the workflow does: a rejection in triage ends it, so the whole trace is exported.
    const coordinator = bearer('coordinator', 'c.tracing');
    await eventually(async () => ((await db.sql('SELECT 1 FROM cases WHERE case_id = $1 AND stage = $2', [caseId, 'Triage'])).length ? true : undefined), 'the case in triage');
    await request(apiUrl).post(`/cases/${caseId}/triage`).set('Authorization', coordinator).send({ decision: 'reject', reason: 'not for the brigade' }).expect(200);

    const byId = (trace: readonly ReceivedSpan[]) => new Map(trace.map((span) => [span.spanId, span]));
    const ancestors = (span: ReceivedSpan, spans: Map<string, ReceivedSpan>): ReceivedSpan[] => {
      const parent = span.parentSpanId ? spans.get(span.parentSpanId) : undefined;
      return parent ? [parent, ...ancestors(parent, spans)] : [];
    };
    // An append is one call of the database's append function, which inserts the events.
    const isEventInsert = (span: ReceivedSpan) => span.name.startsWith('pg.query') && /INSERT INTO "?case_events"?|append_case_events\(/.test(String(span.attributes['db.statement']));
    // Batches arrive every few seconds; wait until an event insert of the request's trace leads back to the request.
    const { http, trace } = await eventually(async () => {
      const http = collector.spans.find((span) => span.kind === SERVER_KIND && span.attributes['http.method'] === 'POST' && span.attributes['http.target'] === '/cases');
      if (!http) return undefined;
      const trace = collector.spans.filter((span) => span.traceId === http.traceId);
      const spans = byId(trace);
      return trace.some((span) => isEventInsert(span) && ancestors(span, spans).at(-1) === http) ? { http, trace } : undefined;
    }, 'an event insert traced back to POST /cases', 60_000);

    const spans = byId(trace);
    const insert = trace.find((span) => isEventInsert(span) && ancestors(span, spans).at(-1) === http)!;
    // From the query up to the request, each span the child of the next: SQL in the activity, the activity scheduled by
    // the workflow, the workflow started by the client call the request handler made.
    expect(ancestors(insert, spans).map((span) => span.name)).toEqual([
      'RunActivity:recordCaseEvents', 'StartActivity:recordCaseEvents', 'RunWorkflow:supportCase', 'StartWorkflow:supportCase', 'POST',
    ]);
    expect(ancestors(insert, spans).map((span) => span.scope)).toEqual([
      '@temporalio/interceptor-activity', '@temporalio/interceptor-workflow', '@temporalio/interceptor-workflow', '@temporalio/interceptor-client',
      '@opentelemetry/instrumentation-http',
    ]);
    expect(new Set(trace.map((span) => span.service))).toEqual(new Set(['brigade-tracing-test']));
    // The audit replays with a bundle that has no tracing interceptors: the traced history must replay all the same.
    const verification = await request(apiUrl).get(`/cases/${caseId}/verify`).set('Authorization', bearer('auditor', 'a.tracing')).expect(200);
    expect(verification.body.replay.status).toBe('passed');
    // Statements are traced, their parameters (the case's events) never.
    const statements = trace.filter((span) => span.scope.includes('instrumentation-pg')).map((span) => JSON.stringify(span.attributes));
    expect(statements.join('\n')).not.toContain('Onrust na een incident');
    expect(statements.join('\n')).not.toContain(caseId);
  });

  it('leaves health checks and metric scrapes out of the traces', async () => {
    await request(apiUrl).get('/health').expect(200);
    await request(apiUrl).get('/metrics').expect(200);
    await request(apiUrl).get('/cases').set('Authorization', bearer('coordinator', 'c.tracing')).expect(200);
    // The list request went last, so once its span has arrived, spans of the probe and the scrape would have too.
    await eventually(async () => (collector.spans.some((span) => span.kind === SERVER_KIND && span.attributes['http.method'] === 'GET'
      && span.attributes['http.target'] === '/cases') ? true : undefined), 'the GET /cases span');
    const targets = collector.spans.filter((span) => span.kind === SERVER_KIND).map((span) => String(span.attributes['http.target']));
    expect(targets.filter((target) => target.startsWith('/health') || target.startsWith('/metrics'))).toEqual([]);
  });
});

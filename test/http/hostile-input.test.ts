import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject, ParameterObject, SchemaObject } from '@nestjs/swagger';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { AppModule } from '../../src/bootstrap/app.module';
import type { UserRole } from '../../src/domain/user-role';
import { loadBrigadeConfig } from '../../src/config/brigade-config';
import { RuntimeConnections } from '../../src/config/runtime-connections';
import { caseEvent } from '../../src/domain/case.events';
import { evolve } from '../../src/domain/case.state';
import type { Actor } from '../../src/domain/case.vocabulary';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { ExpertsService } from '../../src/experts/experts.service';
import { PARTNER_CONTACT_STORE, type PartnerContactStore } from '../../src/partner-contacts/partner-contact-store.port';
import { serveOpenApi } from '../../src/http/open-api';
import { aSupportRequest } from '../support/case-fixtures';
import { FakeCaseWorkflows } from '../support/fake-case-workflows';
import { withFakeTemporal } from '../support/fake-temporal-doors';
import { hostileInputsFor, validRequestFor, type HostileInput, type RouteTarget } from '../support/hostile/hostile-inputs';
import { resolveSchema } from '../support/hostile/schema-fields';
import { documentedOperations, routeHandlers, servedRoutes } from '../support/open-api-coverage';
import { sendRaw, type RawResponse } from '../support/raw-http';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { TEST_PAYLOAD_KEY_ENV } from '../support/payload-keys';
import { registerPoolExperts } from '../support/pool-experts';
import { TEST_TOKEN_ENV, bearer } from '../support/tokens';
import { domainText } from '../../src/domain/domain-text';

const LEAD = randomUUID();
/** The expert id the OpenAPI example of `POST /erasure-requests` gives. */
const ERASURE_EXAMPLE_EXPERT = '0b6f2c1e-7a4d-4e8b-9c2f-1d3e5a7b9c0d';
const SUBJECTS: Record<UserRole, string> = { coordinator: 'c.hostile', auditor: 'a.hostile', expert: LEAD };
const COORDINATOR: Actor = { role: 'coordinator', id: SUBJECTS.coordinator };
const SYSTEM: Actor = { role: 'system', id: 'test' };
const STACK_TRACE = /\n\s+at |node_modules|<html|<pre|<body/i;

/** What the app has recorded and sent: must not move when an input is refused. */
interface Footprint {
  readonly started: number;
  readonly sent: number;
  readonly tables: string;
}

/** Per route: how many inputs were tried, refused with a 4xx, and accepted as legitimate data. */
interface RouteFigures {
  tried: number;
  refused: number;
  accepted: number;
}

// Every route the app serves is attacked with inputs generated from its OpenAPI description (path, query, headers and
// body fields), so a new route or field is covered without touching this file. Temporal is the fake that records what
// it is sent: a refused input must leave it, and the database, exactly as they were.
const BROWSER_NAVIGATIONS = ['GET /auth/login', 'GET /auth/callback'];

describe('hostile input on every route', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let workflows: FakeCaseWorkflows;
  let baseUrl: string;
  let document: OpenAPIObject;
  let targets: Array<{ route: string; target: RouteTarget }>;
  const crashes: unknown[] = [];
  const recordCrash = (error: unknown) => crashes.push(error);

  beforeAll(async () => {
    db = await createTestDatabase();
    // The expert whose token attacks the expert routes is in the pool, so the guard lets the attack reach the route.
    await registerPoolExperts(db, { expertId: LEAD, name: 'Anouk de Vries' });
    // The expert the erasure request's documented example names, who left the pool: the valid request it is attacked from.
    await registerPoolExperts(db, { expertId: ERASURE_EXAMPLE_EXPERT, name: 'Example Leaver' });
    await db.sql('UPDATE experts SET active = false WHERE expert_id = $1', [ERASURE_EXAMPLE_EXPERT]);
    workflows = new FakeCaseWorkflows();
    const config = loadBrigadeConfig({ ...TEST_TOKEN_ENV, ...TEST_PAYLOAD_KEY_ENV, BRIGADE_ROLE: 'api', BRIGADE_DATA_DIR: db.keyDataDir });
    const moduleRef = await withFakeTemporal(Test.createTestingModule({
      imports: [AppModule.forRoot(config, new RuntimeConnections(db.url, 'unused:7233', undefined))],
    }), workflows).compile();
    app = moduleRef.createNestApplication({ logger: false });
    serveOpenApi(app);
    await app.listen(0, '127.0.0.1');
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    document = JSON.parse((await sendRaw(baseUrl, { method: 'GET', path: '/docs-json' })).text) as OpenAPIObject;
    const caseId = await aRunningCase();
    const { expertId } = await app.get(ExpertsService).create({
      name: 'Eva Hostile', email: `eva-${randomUUID()}@brigade.test`, categories: ['INCIDENT'], homeMunicipalityCode: 'GM0503', safetyRegion: 'haaglanden', capacity: 2,
    });
    const { contactId } = await app.get<PartnerContactStore>(PARTNER_CONTACT_STORE).create(randomUUID(), {
      partner: 'police', safetyRegion: 'haaglanden', name: 'Politie Eenheid Den Haag', email: 'meldpunt@politie.example', phone: null, language: 'nl',
    }, { role: 'system', id: 'hostile-setup' });
    // The way to and back from the identity provider answers a browser with a redirect or an HTML page, not the error
    // body; a bad `next` falls back to the screens' start, and sign-in.test.ts attacks the way back on its own.
    targets = routeTargets({ cases: caseId, experts: expertId, 'partner-contacts': contactId }).filter(({ route }) => !BROWSER_NAVIGATIONS.includes(route));
    process.on('unhandledRejection', recordCrash);
    process.on('uncaughtException', recordCrash);
  });
  afterAll(async () => {
    process.off('unhandledRejection', recordCrash);
    process.off('uncaughtException', recordCrash);
    await app?.close();
    await db?.drop();
  });

  /** A case recorded in the database with LEAD on its team, whose workflow the fake reports as running in preparation. */
  async function aRunningCase(): Promise<string> {
    const request = aSupportRequest();
    const team = [{ expertId: LEAD, name: 'Anouk de Vries', role: 'lead' as const }];
    const at = '2027-03-01T09:00:00.000Z';
    const events = [
      caseEvent('RequestReceived', { request }, COORDINATOR, at),
      caseEvent('IntakeAssessed', { riskLevel: 'MEDIUM', score: 3, reasons: [domainText('risk.threats_received')] }, SYSTEM, at),
      caseEvent('RequestAccepted', {}, COORDINATOR, at),
      caseEvent('TeamAssembled', { members: team }, SYSTEM, at),
    ];
    await new PostgresEventStore(db.dataSource, db.keyStore).append({ caseId: request.caseId, expectedVersion: 0, idempotencyKey: `hostile-${request.caseId}`, events });
    const state = events.reduce<ReturnType<typeof evolve> | null>((folded, event, index) => evolve(folded, { ...event, caseId: request.caseId, version: index + 1 }), null)!;
    workflows.running.set(request.caseId, state);
    return request.caseId;
  }

  /** Every served route, described from the OpenAPI document, with a token of the first role it allows. */
  function routeTargets(ids: Record<string, string>): Array<{ route: string; target: RouteTarget }> {
    const operations = new Map(documentedOperations(document).map(({ route, operation }) => [route, operation]));
    const roles = new Map(routeHandlers(app).map((handler) => [handler.operationId, handler.roles]));
    return servedRoutes(app).map((route) => {
      const operation = operations.get(route);
      if (!operation) throw new Error(`${route} is served but not documented; open-api.test.ts says so too`);
      const [method, template] = route.split(' ');
      const parameters = (operation.parameters ?? []) as ParameterObject[];
      const allowed = roles.get(operation.operationId!);
      const role = allowed === 'public' || allowed === undefined ? undefined : allowed[0];
      const bodySchema = (operation.requestBody as { content?: Record<string, { schema?: SchemaObject }> } | undefined)?.content?.['application/json']?.schema;
      const pathValues = Object.fromEntries(parameters.filter((p) => p.in === 'path').map((p) => [
        p.name,
        p.name === 'id' ? ids[template.split('/')[1]] ?? randomUUID() : String(p.example ?? (p.schema as SchemaObject | undefined)?.example),
      ]));
      return {
        route,
        target: {
          method, template, pathValues, parameters,
          body: bodySchema ? resolveSchema(document, bodySchema) : undefined,
          authorization: role && bearer(role, SUBJECTS[role]),
        },
      };
    });
  }

  async function footprint(): Promise<Footprint> {
    const [row] = await db.dataSource.query<Array<{ tables: string }>>(`
      SELECT concat_ws(' ',
        (SELECT count(*) FROM case_events),
        (SELECT md5(coalesce(string_agg(c::text, '|' ORDER BY c.case_id), '')) FROM cases c),
        (SELECT md5(coalesce(string_agg(e::text, '|' ORDER BY e.expert_id), '')) FROM experts e),
        (SELECT md5(coalesce(string_agg(p::text, '|' ORDER BY p.contact_id), '')) FROM partner_contacts p),
        (SELECT count(*) FROM partner_contact_changes)) AS tables`);
    return { started: workflows.started.length, sent: workflows.sent.length, tables: row.tables };
  }

  /** What is wrong with the answer to one input; empty when it is answered as it must be. */
  async function problemsWith(input: HostileInput, before: Footprint, response: RawResponse): Promise<string[]> {
    const problems: string[] = [];
    const after = await footprint();
    const changed = after.started !== before.started || after.sent !== before.sent || after.tables !== before.tables;
    if (response.status >= 500) problems.push(`answered ${response.status}: ${response.text.slice(0, 300)}`);
    if (response.status >= 400) {
      const bodyProblems = errorBodyProblems(response);
      problems.push(...bodyProblems);
      if (bodyProblems.length === 0 && response.status === 400 && input.field && !namesField(response, input.field)) {
        problems.push(`refused with 400, but without naming ${input.field}: ${response.text.slice(0, 200)}`);
      }
      if (changed) problems.push(`refused with ${response.status}, yet something was recorded or sent to Temporal`);
      return problems;
    }
    if (input.expectation === 'refused') return [`accepted with ${response.status}: ${response.text.slice(0, 200)}`];
    if (input.request.method === 'GET' && changed) problems.push('a read changed what is recorded');
    if (input.expectation === 'verbatim' && input.request.method !== 'GET') {
      const passedOn = JSON.stringify([workflows.started.slice(before.started), workflows.sent.slice(before.sent)]) + response.text;
      if (!passedOn.includes(JSON.stringify(input.verbatim).slice(1, -1))) problems.push('accepted, but the text was not passed on verbatim');
    }
    return problems;
  }

  it('accepts the valid request each body-taking route is attacked from, so each refusal is down to the hostile part', async () => {
    const refusedBaselines: string[] = [];
    for (const { route, target } of targets.filter(({ target: t }) => t.body)) {
      const response = await sendRaw(baseUrl, validRequestFor(document, target));
      if (response.status >= 300) refusedBaselines.push(`${route}: ${response.status} ${response.text.slice(0, 200)}`);
    }
    expect(refusedBaselines).toEqual([]);
  });

  it('answers every hostile input with a 4xx and the error body, records nothing, starts nothing, and stays up', async () => {
    const figures = new Map<string, RouteFigures>();
    const failures: string[] = [];
    for (const { route, target } of targets) {
      const counts: RouteFigures = { tried: 0, refused: 0, accepted: 0 };
      figures.set(route, counts);
      for (const input of hostileInputsFor(document, target)) {
        const before = await footprint();
        const response = await sendRaw(baseUrl, input.request).catch((error: unknown) => error as Error);
        counts.tried++;
        if (response instanceof Error) {
          failures.push(`${route} — ${input.label}: no answer (${response.message})`);
          continue;
        }
        if (response.status < 400) counts.accepted++;
        else counts.refused++;
        failures.push(...(await problemsWith(input, before, response)).map((problem) => `${route} — ${input.label}: ${problem}`));
      }
    }

    const total = [...figures.values()].reduce((sum, counts) => sum + counts.tried, 0);
    console.log([
      `hostile inputs tried: ${total} over ${figures.size} routes`,
      ...[...figures].map(([route, c]) => `  ${route.padEnd(56)} ${String(c.tried).padStart(4)} tried, ${String(c.refused).padStart(4)} refused (4xx), ${c.accepted} accepted as data`),
    ].join('\n'));
    expect(failures).toEqual([]);
    expect(crashes).toEqual([]);

    // The process is still up and serving: a read and a valid registration both work.
    const coordinator = bearer('coordinator', SUBJECTS.coordinator);
    expect((await sendRaw(baseUrl, { method: 'GET', path: '/cases', headers: { Authorization: coordinator } })).status).toBe(200);
    const registration = targets.find(({ route }) => route === 'POST /cases')!.target;
    expect((await sendRaw(baseUrl, validRequestFor(document, registration))).status).toBe(201);
  }, 300_000);
});

/** Whether a 400's error body names the field, or a field inside it. */
function namesField(response: RawResponse, field: string): boolean {
  const body = JSON.parse(response.text) as { fields: Array<{ field: string }> };
  return body.fields.some(({ field: named }) => named === field || named.startsWith(`${field}.`));
}

function errorBodyProblems(response: RawResponse): string[] {
  if (!String(response.headers['content-type']).startsWith('application/json')) {
    return [`answered ${response.status} with ${response.headers['content-type']}: ${response.text.slice(0, 200)}`];
  }
  if (STACK_TRACE.test(response.text)) return [`the answer shows internals: ${response.text.slice(0, 300)}`];
  const body = JSON.parse(response.text) as Record<string, unknown>;
  const reason = body.reason as Record<string, unknown> | undefined;
  const wellFormed = Object.keys(body).sort().join(',') === 'code,fields,message,reason,statusCode' && body.statusCode === response.status
    && typeof body.code === 'string' && typeof body.message === 'string' && body.message !== '' && Array.isArray(body.fields)
    && typeof reason?.code === 'string' && typeof reason.params === 'object';
  return wellFormed ? [] : [`the error body is not {statusCode, code, message, reason, fields}: ${response.text.slice(0, 300)}`];
}

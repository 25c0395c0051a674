import type { OpenAPIObject, ParameterObject, ReferenceObject, ResponseObject } from '@nestjs/swagger';
import { AuditModule } from '../../src/audit/audit.module';
import { CasesModule } from '../../src/cases/cases.module';
import { ExpertsModule } from '../../src/experts/experts.module';
import { HealthModule } from '../../src/health/health.module';
import { ExpertInboxModule } from '../../src/expert-inbox/expert-inbox.module';
import { OutboxModule } from '../../src/outbox/outbox.module';
import { NotificationSettingsModule } from '../../src/notification-settings/notification-settings.module';
import { PartnerDirectoryModule } from '../../src/partner-directory/partner-directory.module';
import { serveOpenApi } from '../../src/http/open-api';
import { createApiApp, type ApiApp } from '../support/api-app';
import { FakeCaseWorkflows } from '../support/fake-case-workflows';
import {
  documentedOperations, routeHandlers, servedRoutes, undocumentedInputs, undocumentedRoutes, type DocumentedOperation,
} from '../support/open-api-coverage';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const ERROR_BODY = '#/components/schemas/ErrorBody';

describe('the OpenAPI document', () => {
  let db: TestDatabase;
  let sut: ApiApp;
  let document: OpenAPIObject;
  let operations: DocumentedOperation[];

  beforeAll(async () => {
    db = await createTestDatabase();
    // The page's routes must be registered before init, which adds Nest's not-found handler, as in production.
    sut = await createApiApp(db, { imports: [CasesModule, ExpertsModule, HealthModule, AuditModule, ExpertInboxModule, OutboxModule, PartnerDirectoryModule, NotificationSettingsModule], caseWorkflows: new FakeCaseWorkflows(), beforeInit: serveOpenApi });
    document = (await sut.api().get('/docs-json').expect(200)).body as OpenAPIObject;
    operations = documentedOperations(document);
  });
  afterAll(async () => {
    await sut?.close();
    await db?.drop();
  });

  const byOperationId = () => new Map(operations.map((entry) => [entry.operation.operationId, entry]));
  const responsesOf = ({ operation }: DocumentedOperation) => operation.responses as Record<string, ResponseObject>;
  const refersToErrorBody = (response: ResponseObject | undefined) =>
    (response?.content?.['application/json']?.schema as ReferenceObject | undefined)?.$ref === ERROR_BODY;

  it('serves the OpenAPI page at /docs without a token', async () => {
    const response = await sut.api().get('/docs').expect(200);

    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.text).toContain('swagger-ui');
  });

  it('serves the document at /docs-json without a token', () => {
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.title).toBe('Brigade');
    expect(document.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('documents every route the app serves, and no other', () => {
    const served = servedRoutes(sut.app);

    expect(served).toEqual(expect.arrayContaining(['POST /cases', 'PATCH /experts/{id}', 'GET /health']));
    expect(undocumentedRoutes(sut.app, document)).toEqual([]);
    expect(operations.map(({ route }) => route).filter((route) => !served.includes(route))).toEqual([]);
  });

  it('asks for a bearer token and names the roles the guard lets in on every route but /health', () => {
    const operation = byOperationId();
    const problems = routeHandlers(sut.app).flatMap((handler) => {
      const documented = operation.get(handler.operationId);
      if (!documented) return [`${handler.operationId} is not documented`];
      const { route, operation: op } = documented;
      if (handler.roles === 'public') return op.security ? [`${route} is public but documents a token`] : [];
      if (!handler.roles) return [`${route} declares no roles`];
      return [
        ...(JSON.stringify(op.security) === JSON.stringify([{ bearer: [] }]) ? [] : [`${route} has security ${JSON.stringify(op.security)}`]),
        ...(op.description?.includes(`Roles: ${handler.roles.join(', ')}.`) ? [] : [`${route} has description ${op.description}`]),
      ];
    });

    expect(routeHandlers(sut.app).filter(({ roles }) => roles === 'public').map(({ operationId }) => operationId)).toEqual(['HealthController_check']);
    expect(problems).toEqual([]);
  });

  it('gives every route a summary, a described success answer, and the ErrorBody on each error it documents', () => {
    const problems = operations.flatMap((entry) => {
      const responses = responsesOf(entry);
      const statuses = Object.keys(responses);
      const errors = statuses.filter((status) => Number(status) >= 400);
      return [
        ...(entry.operation.summary ? [] : [`${entry.route} has no summary`]),
        ...(statuses.some((status) => status.startsWith('2')) ? [] : [`${entry.route} documents no success`]),
        ...statuses.filter((status) => !responses[status].description).map((status) => `${entry.route} ${status} has no description`),
        ...errors.filter((status) => !refersToErrorBody(responses[status])).map((status) => `${entry.route} ${status} is not an ErrorBody`),
      ];
    });

    expect(problems).toEqual([]);
  });

  it('documents 401 and 403 on every route that needs a token', () => {
    const guarded = operations.filter(({ operation }) => operation.security);
    const problems = guarded.flatMap((entry) => ['401', '403']
      .filter((status) => !refersToErrorBody(responsesOf(entry)[status]))
      .map((status) => `${entry.route} lacks ${status}`));

    expect(guarded).toHaveLength(operations.length - 1);
    expect(problems).toEqual([]);
  });

  it('documents 400 on every route that takes input, and 404 on every route with an id in its path', () => {
    const problems = operations.flatMap((entry) => {
      const parameters = (entry.operation.parameters ?? []) as ParameterObject[];
      const takesInput = parameters.length > 0 || entry.operation.requestBody !== undefined;
      const namesOne = parameters.some((parameter) => parameter.in === 'path' && parameter.name === 'id');
      return [
        ...(takesInput && !responsesOf(entry)['400'] ? [`${entry.route} lacks 400`] : []),
        ...(namesOne && !responsesOf(entry)['404'] ? [`${entry.route} lacks 404`] : []),
      ];
    });

    expect(problems).toEqual([]);
  });

  it('documents 409 on every step of a case and 202 on the facts sent as signals', () => {
    const steps = operations.filter(({ route }) => /^POST \/cases\/\{id\}\//.test(route));
    const signals = steps.filter(({ route }) => /\/(risk|concerns)$/.test(route)).map(({ route }) => route);

    expect(steps.filter((entry) => !responsesOf(entry)['409']).map(({ route }) => route)).toEqual([]);
    expect(steps.filter((entry) => responsesOf(entry)['202']).map(({ route }) => route)).toEqual(signals);
    expect(signals).toHaveLength(2);
  });

  it('documents exactly the body and query fields that validation accepts, and which of them are required', () => {
    const bodies = operations.filter(({ operation }) => operation.requestBody);

    expect(bodies.length).toBeGreaterThan(15);
    expect(undocumentedInputs(sut.app, document)).toEqual([]);
  });

  it('describes the fields of a request body with their rules', () => {
    const schemas = document.components?.schemas ?? {};

    expect(schemas.RegisterCaseDto).toMatchObject({
      required: expect.arrayContaining(['category', 'municipalityCode', 'indicators']),
      properties: { municipalityCode: { type: 'string', pattern: '^GM\\d{4}$' }, description: { maxLength: 5000 } },
    });
    expect(schemas.CaseCategory).toMatchObject({ enum: ['SHELTER_SUPPORT', 'CITIZEN_MEETING', 'THREAT_TO_OFFICIAL', 'INCIDENT'] });
    expect(schemas.AssignExpertDto).toMatchObject({ properties: { expertId: { format: 'uuid' } } });
    expect(schemas.CancelCaseDto).toMatchObject({ properties: { reason: { type: 'string', maxLength: 2000, pattern: '\\S' } } });
    expect(schemas.UpdateExpertDto).toMatchObject({ properties: { phone: { nullable: true }, languages: { type: 'array', items: { type: 'string' } } } });
  });

  it('documents the Idempotency-Key header of POST /cases and its 422 on reuse for another request', () => {
    const register = operations.find(({ route }) => route === 'POST /cases');
    const header = (register?.operation.parameters as ParameterObject[] | undefined)?.find(({ name }) => name === 'Idempotency-Key');

    expect(header).toMatchObject({ in: 'header', required: false });
    expect(Object.keys(register ? responsesOf(register) : {})).toEqual(expect.arrayContaining(['200', '201', '400', '401', '403', '422']));
  });
});

import { renameSync } from 'node:fs';
import { dataKeyFolderPath } from '../../src/key-store/folder-data-key-store';
import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AppModule } from '../../src/bootstrap/app.module';
import { AuthModule } from '../../src/auth/auth.module';
import type { UserRole } from '../../src/domain/user-role';
import { USER_ROLES } from '../../src/domain/user-role';
import { loadBrigadeConfig } from '../../src/config/brigade-config';
import { ConfigModule } from '../../src/config/config.module';
import { RuntimeConnections } from '../../src/config/runtime-connections';
import { PostgresExpertDirectory } from '../../src/expert-directory/postgres-expert-directory';
import { HttpRuntimeModule } from '../../src/http/http-runtime.module';
import { OPEN_API_PATH, serveOpenApi } from '../../src/http/open-api';
import { FakeCaseWorkflows } from '../support/fake-case-workflows';
import { withFakeTemporal } from '../support/fake-temporal-doors';
import { undocumentedInputs, undocumentedRoutes } from '../support/open-api-coverage';
import { TEST_PAYLOAD_KEY_ENV } from '../support/payload-keys';
import { registerPoolExperts } from '../support/pool-experts';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { TEST_TOKEN_ENV, bearer, expiredBearer, forgedBearer } from '../support/tokens';
import { refusalText } from '../support/catalogue-texts';
import { openTestSession, type TestSession } from '../support/web-sessions';
import { WEB_SESSION_STORE } from '../../src/auth/web-session-store.port';

/** A request carrying a session cookie and its CSRF token. */
function withSession(pending: request.Test, session: TestSession): request.Test {
  return pending.set('Cookie', session.cookie).set('X-CSRF-Token', session.csrfToken);
}

/**
 * Who may call each route of the whole API. A route that is added without a row here fails the first test, so every
 * new route gets a deliberate decision; "public" routes need no token at all.
 */
const ROUTE_ROLES: Readonly<Record<string, readonly UserRole[] | 'public'>> = {
  'GET /health': 'public',
  // Aggregates only; BRIGADE_METRICS_TOKEN closes it to scrapers without that token (metrics.test.ts).
  'GET /metrics': 'public',
  'POST /cases': ['coordinator'],
  'GET /cases': ['coordinator', 'auditor'],
  'GET /cases/:id': ['coordinator', 'auditor', 'expert'],
  'GET /cases/:id/request': ['coordinator', 'auditor', 'expert'],
  'GET /cases/:id/events': ['coordinator', 'auditor'],
  'GET /cases/:id/timeline': ['coordinator', 'auditor'],
  'GET /cases/:id/state': ['coordinator', 'auditor'],
  'GET /cases/:id/verify': ['auditor'],
  'GET /cases/:id/export': ['auditor'],
  'GET /cases/:id/inclusion-proofs': ['auditor'],
  'GET /checkpoints': ['auditor'],
  'GET /checkpoints/latest': ['auditor'],
  'GET /checkpoints/public-key': ['auditor'],
  'GET /checkpoints/consistency': ['auditor'],
  'POST /checkpoints': ['auditor'],
  'POST /cases/:id/triage': ['coordinator'],
  'POST /cases/:id/offers/:offerId/accept': ['expert'],
  'POST /cases/:id/offers/:offerId/decline': ['expert'],
  'POST /cases/:id/assignments': ['coordinator'],
  'POST /cases/:id/session': ['coordinator'],
  'POST /cases/:id/session/held': ['coordinator', 'expert'],
  // A coordinator completes a task that came back to them from a deactivated expert.
  'POST /cases/:id/tasks/:taskId/complete': ['coordinator', 'expert'],
  'POST /cases/:id/tasks/:taskId/reassign': ['coordinator'],
  'POST /cases/:id/lead': ['coordinator'],
  'POST /cases/:id/intervention': ['expert'],
  'POST /cases/:id/follow-ups/:followUpId': ['expert'],
  'POST /cases/:id/risk': ['coordinator', 'expert'],
  'POST /cases/:id/concerns': ['expert'],
  'POST /cases/:id/escalations/:escalationId/acknowledge': ['coordinator'],
  'POST /cases/:id/evaluation': ['coordinator'],
  'POST /cases/:id/close': ['coordinator'],
  'POST /cases/:id/cancel': ['coordinator'],
  'POST /experts': ['coordinator'],
  'GET /experts': ['coordinator'],
  'GET /experts/:id': ['coordinator'],
  'PATCH /experts/:id': ['coordinator'],
  'POST /experts/:id/deactivate': ['coordinator'],
  'GET /me/offers': ['expert'],
  'GET /me/tasks': ['expert'],
  'GET /me/cases': ['expert'],
  'GET /me': ['coordinator', 'expert', 'auditor'],
  'GET /me/notification-preferences': ['expert'],
  'PUT /me/notification-preferences': ['expert'],
  // Auditors read the contact points and their changes; only coordinators keep them.
  'GET /partner-contacts': ['coordinator', 'auditor'],
  'GET /partner-contacts/:id': ['coordinator', 'auditor'],
  'POST /partner-contacts': ['coordinator'],
  'PATCH /partner-contacts/:id': ['coordinator'],
  'DELETE /partner-contacts/:id': ['coordinator'],
  // The way to and back from the identity provider is open by nature; the session's own routes are not.
  'GET /auth/login': 'public',
  'GET /auth/callback': 'public',
  'GET /auth/session': ['coordinator', 'expert', 'auditor'],
  'POST /auth/logout': ['coordinator', 'expert', 'auditor'],
  'POST /codec/encode': ['coordinator'],
  'POST /codec/decode': ['coordinator'],
  // Messages name people's addresses: only the coordinators who run the brigade read them.
  'GET /outbox': ['coordinator'],
  'GET /outbox/:deliveryKey': ['coordinator'],
  // Destruction is decided by coordinators (four eyes); auditors read what was decided and destroyed.
  'GET /erasure-requests': ['coordinator', 'auditor'],
  'POST /erasure-requests': ['coordinator'],
  'POST /erasure-requests/:id/approve': ['coordinator'],
  'POST /erasure-requests/:id/reject': ['coordinator'],
  'GET /retention/lists': ['coordinator', 'auditor'],
  'POST /retention/lists/:id/approve': ['coordinator'],
  'POST /retention/lists/:id/reject': ['coordinator'],
  'GET /retention/destruction-report': ['coordinator', 'auditor'],
};

const SUBJECTS: Record<UserRole, string> = { coordinator: 'c.jansen', auditor: 'a.visser', expert: randomUUID() };

/** The routes the running app really serves, as "METHOD /path" with Express's parameter syntax. */
function servedRoutes(app: INestApplication): string[] {
  const router = app.getHttpAdapter().getInstance().router as { stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }> };
  return router.stack.flatMap((layer) => (layer.route
    ? Object.keys(layer.route.methods).filter((method) => method !== '_all').map((method) => `${method.toUpperCase()} ${layer.route!.path}`)
    : []));
}

/** A concrete URL for a route template: real-looking ids, so the request passes routing and reaches the guard. */
function urlOf(template: string): string {
  return template.replace(':id', randomUUID()).replace(/:(offerId|taskId|followUpId|escalationId)/, 'step-1')
    .replace(':deliveryKey', encodeURIComponent(`${randomUUID()}/1-offerMade-expert/email`));
}

describe('who may call which route', () => {
  let db: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    db = await createTestDatabase();
    // The guard asks the pool about every expert token, so the expert who tries each route is a member of it.
    await registerPoolExperts(db, SUBJECTS.expert);
    const config = loadBrigadeConfig({ ...TEST_TOKEN_ENV, ...TEST_PAYLOAD_KEY_ENV, BRIGADE_ROLE: 'api', BRIGADE_DATA_DIR: db.keyDataDir });
    // The guard answers before any handler runs, so no Temporal server is needed to test it.
    const moduleRef = await withFakeTemporal(Test.createTestingModule({
      imports: [AppModule.forRoot(config, new RuntimeConnections(db.url, 'unused:7233', undefined))],
    }), new FakeCaseWorkflows()).compile();
    app = moduleRef.createNestApplication({ logger: false });
    serveOpenApi(app);
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const send = (route: string, authorization?: string) => {
    const [method, template] = route.split(' ');
    const pending = request(app.getHttpServer())[method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete'](urlOf(template));
    return authorization ? pending.set('Authorization', authorization) : pending;
  };
  const declared = Object.entries(ROUTE_ROLES);
  const closed = declared.filter((entry): entry is [string, readonly UserRole[]] => entry[1] !== 'public');

  it('has a declared set of roles for every route the app serves, and no row for a route it does not serve', () => {
    // The OpenAPI page and its assets are served by Swagger UI, public by design; the test below reads them without a token.
    const apiRoutes = servedRoutes(app).filter((route) => !route.split(' ')[1].startsWith(`/${OPEN_API_PATH}`));
    expect(apiRoutes.sort()).toEqual(Object.keys(ROUTE_ROLES).sort());
  });

  describe.each(closed)('%s', (route, allowed) => {
    it('refuses a request without a token or session with 401', async () => {
      const response = await send(route).expect(401);
      expect(response.body).toMatchObject({ statusCode: 401, code: 'unauthenticated', message: refusalText('session_missing'), reason: { code: 'session_missing' } });
    });

    it('refuses a token with a bad signature with 401', async () => {
      const response = await send(route, forgedBearer(allowed[0], SUBJECTS[allowed[0]])).expect(401);
      expect(response.body.reason).toMatchObject({ code: 'token_invalid', params: { detail: expect.stringContaining('invalid signature') } });
    });

    it('refuses an expired token with 401', async () => {
      const response = await send(route, expiredBearer(allowed[0], SUBJECTS[allowed[0]])).expect(401);
      expect(response.body.reason.code).toBe('token_expired');
    });

    const refused = USER_ROLES.filter((role) => !allowed.includes(role));
    if (refused.length > 0) {
      it.each(refused)('refuses the role %s with 403', async (role) => {
        const response = await send(route, bearer(role, SUBJECTS[role])).expect(403);
        expect(response.body).toMatchObject({ statusCode: 403, code: 'forbidden', reason: { code: 'role_not_allowed', params: { role, route } } });
      });
    }

    it.each([...allowed])('lets the role %s past the guard', async (role) => {
      const response = await send(route, bearer(role, SUBJECTS[role]));
      expect([401, 403]).not.toContain(response.status);
    });

    describe('with a session of the screens instead of a token', () => {
      const mutating = !route.startsWith('GET ');

      if (refused.length > 0) {
        it.each(refused)('refuses the role %s with 403', async (role) => {
          const session = await openTestSession(app, role, SUBJECTS[role]);
          const response = await withSession(send(route), session).expect(403);
          expect(response.body.reason).toMatchObject({ code: 'role_not_allowed', params: { role, route } });
        });
      }

      it.each([...allowed])('lets the role %s past the guard', async (role) => {
        const response = await withSession(send(route), await openTestSession(app, role, SUBJECTS[role]));
        expect([401, 403]).not.toContain(response.status);
      });

      it('refuses a session that has been idle too long with 401', async () => {
        const session = await openTestSession(app, allowed[0], SUBJECTS[allowed[0]], new Date(Date.now() - 31 * 60_000));
        const response = await withSession(send(route), session).expect(401);
        expect(response.body.reason.code).toBe('session_idle');
      });

      if (mutating) {
        it('refuses a change without the CSRF token with 403', async () => {
          const session = await openTestSession(app, allowed[0], SUBJECTS[allowed[0]]);
          const response = await send(route).set('Cookie', session.cookie).expect(403);
          expect(response.body.reason.code).toBe('csrf_token_missing');
        });

        it("refuses a change with another session's CSRF token with 403", async () => {
          const session = await openTestSession(app, allowed[0], SUBJECTS[allowed[0]]);
          const other = await openTestSession(app, allowed[0], SUBJECTS[allowed[0]]);
          const response = await send(route).set('Cookie', session.cookie).set('X-CSRF-Token', other.csrfToken).expect(403);
          expect(response.body.reason.code).toBe('csrf_token_invalid');
        });
      }
    });
  });

  it('documents every route of the whole app, with its inputs, on the public OpenAPI page', async () => {
    await request(app.getHttpServer()).get('/docs').expect(200);
    const document = (await request(app.getHttpServer()).get('/docs-json').expect(200)).body;

    expect(undocumentedRoutes(app, document)).toEqual([]);
    expect(undocumentedInputs(app, document)).toEqual([]);
    for (const [route, roles] of closed) {
      const [method, template] = route.split(' ');
      const operation = document.paths[template.replace(/:(\w+)/g, '{$1}')][method.toLowerCase()];
      expect({ route, description: operation.description, errors: Object.keys(operation.responses).filter((s) => s === '401' || s === '403') })
        .toEqual({ route, description: expect.stringContaining(`Roles: ${roles.join(', ')}.`), errors: ['401', '403'] });
    }
  });

  it('lets anyone reach the public routes without a token', async () => {
    for (const [route] of declared.filter(([, roles]) => roles === 'public')) {
      const response = await send(route);
      expect([401, 403]).not.toContain(response.status);
    }
  });

  it('says in the health answer which dependency does not answer (here Temporal, which this app has no connection to)', async () => {
    const response = await send('GET /health').expect(503);
    expect(response.body).toEqual({
      statusCode: 503, code: 'unavailable', message: refusalText('dependencies_down', { down: 'temporal' }),
      reason: { code: 'dependencies_down', params: { down: 'temporal', detail: 'temporal does not answer; database is up, temporal is down, keyStore is up' } }, fields: [],
    });
  });

  it('names the key store in the health answer when its folder is gone', async () => {
    // Found by the attack pass: /health answered ok while no sealed field could be opened or sealed.
    const folder = dataKeyFolderPath(db.keyDataDir);
    renameSync(folder, `${folder}.away`);
    try {
      const response = await send('GET /health').expect(503);
      expect(response.body.reason).toEqual({
        code: 'dependencies_down', params: { down: 'temporal, keyStore', detail: 'temporal and keyStore do not answer; database is up, temporal is down, keyStore is down' },
      });
    } finally {
      renameSync(`${folder}.away`, folder);
    }
  });

  it.each([
    ['a malformed header', 'Token abc'],
    ['a token that is no JWT', 'Bearer not-a-jwt'],
    ['a token without a role', `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"x"}').toString('base64url')}.`],
  ])('refuses %s with 401', async (_case, authorization) => {
    await send('GET /cases', authorization).expect(401);
  });
});

describe('a route that declares no roles', () => {
  @Controller('undeclared')
  class UndeclaredController {
    @Get()
    read(): string {
      return 'should never be seen';
    }
  }

  @Module({ controllers: [UndeclaredController] })
  class UndeclaredModule {}

  it('is closed to every role: the guard denies by default', async () => {
    const config = loadBrigadeConfig(TEST_TOKEN_ENV);
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(config, new RuntimeConnections('unused', 'unused', undefined)), AuthModule, HttpRuntimeModule, UndeclaredModule],
    })
      // No database here: the pool counts every expert as active, so only the missing roles decide.
      .overrideProvider(PostgresExpertDirectory).useValue({ isActive: async () => true })
      .overrideProvider(WEB_SESSION_STORE).useValue({})
      .compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    try {
      for (const role of USER_ROLES) {
        const response = await request(app.getHttpServer()).get('/undeclared').set('Authorization', bearer(role, SUBJECTS[role])).expect(403);
        expect(response.body.reason).toEqual({ code: 'route_without_roles', params: { route: 'GET /undeclared' } });
      }
    } finally {
      await app.close();
    }
  });
});

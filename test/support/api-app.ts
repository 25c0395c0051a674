import type { INestApplication } from '@nestjs/common';
import { STUCK_WORKFLOWS, type StuckWorkflows } from '../../src/temporal/stuck-workflows.port';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import request from 'supertest';
import { AuthModule } from '../../src/auth/auth.module';
import type { UserRole } from '../../src/domain/user-role';
import { loadBrigadeConfig } from '../../src/config/brigade-config';
import { ConfigModule } from '../../src/config/config.module';
import { RuntimeConnections } from '../../src/config/runtime-connections';
import { brigadeDataSourceOptions } from '../../src/database/data-source-options';
import { BrigadeExpressAdapter } from '../../src/bootstrap/brigade-http-server';
import { refuseUnknownHosts } from '../../src/http/host-allow-list';
import { HttpRuntimeModule } from '../../src/http/http-runtime.module';
import { CASE_WORKFLOWS, type CaseWorkflows } from '../../src/cases/case-workflows.port';
import { fakeTemporalDoorsModule } from './fake-temporal-doors';
import { TEST_LOG_KEY_ENV } from './log-keys';
import { TEST_PAYLOAD_KEY_ENV } from './payload-keys';
import type { TestDatabase } from './test-database';
import { TEST_TOKEN_ENV, bearer } from './tokens';
import { withBearer, type BearerRequests } from './with-bearer';

/** A Nest HTTP app under test, wired like the real one: token guard, validation, error body. */
export interface ApiApp {
  readonly app: INestApplication;
  /** A supertest agent on the app. */
  api(): ReturnType<typeof request>;
  /** Requests to the app with a valid token for this role and subject. */
  as(role: UserRole, subject: string): BearerRequests;
  close(): Promise<void>;
}

/**
 * Options for `createApiApp`: the feature modules under test, and the fake door to the case workflows when they run without
 * Temporal (then the audit's and the health check's doors are fakes too); `realTemporalClient` among the imports instead
 * provides the real ones.
 */
export interface ApiAppOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly imports: any[];
  readonly caseWorkflows?: CaseWorkflows;
  /** What the case list learns of stuck workflows; none unless a test says otherwise (only with `caseWorkflows`). */
  readonly stuckWorkflows?: StuckWorkflows;
  readonly env?: Record<string, string>;
  /** Runs before `init`, for what must be registered ahead of Nest's not-found handler, such as `serveOpenApi`. */
  readonly beforeInit?: (app: INestApplication) => void;
}

/** Starts the given modules as an HTTP app on a test database, with the same guard, pipe and filter as production. */
export async function createApiApp(db: TestDatabase, options: ApiAppOptions): Promise<ApiApp> {
  // The test database's key folder, so that what the test appends directly and what the app seals share their keys.
  const config = loadBrigadeConfig({ BRIGADE_DATA_DIR: db.keyDataDir, ...TEST_TOKEN_ENV, ...TEST_PAYLOAD_KEY_ENV, ...TEST_LOG_KEY_ENV, ...options.env });
  const builder = Test.createTestingModule({
    imports: [
      TypeOrmModule.forRoot(brigadeDataSourceOptions(db.url, { logging: false })),
      ConfigModule.forRoot(config, new RuntimeConnections(db.url, 'unused:7233', undefined)),
      ...(options.caseWorkflows ? [fakeTemporalDoorsModule()] : []),
      AuthModule,
      HttpRuntimeModule,
      ...options.imports,
    ],
  });
  if (options.caseWorkflows) builder.overrideProvider(CASE_WORKFLOWS).useValue(options.caseWorkflows);
  if (options.stuckWorkflows) builder.overrideProvider(STUCK_WORKFLOWS).useValue(options.stuckWorkflows);
  const moduleRef = await builder.compile();
  // The same server and Host check as startBrigade, so timeouts and Host refusals are tested as they run.
  const app = moduleRef.createNestApplication(new BrigadeExpressAdapter(config.http), { logger: process.env.BRIGADE_TEST_APP_LOG ? ['error'] : false });
  refuseUnknownHosts(app, config.http.allowedHosts);
  options.beforeInit?.(app);
  await app.init();
  return {
    app,
    api: () => request(app.getHttpServer()),
    as: (role, subject) => withBearer(app.getHttpServer(), bearer(role, subject)),
    close: () => app.close(),
  };
}

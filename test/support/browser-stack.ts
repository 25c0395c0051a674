import { mkdtemp } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { UserRole } from '../../src/domain/user-role';
import { findTemporalCli } from '../../src/temporal/temporal-binaries';
import type { TemporalDevServer } from '../../src/temporal/temporal-dev-server';
import { startBrigadeProcess, type BrigadeProcess } from './brigade-process';
import { freePort } from './free-port';
import { startDevServerPatiently } from './patient-dev-server';
import { TEST_PAYLOAD_KEY_ENV } from './payload-keys';
import { createTestDatabase, type Sql, type TestDatabase } from './test-database';
import { TEST_TOKEN_ENV, bearer } from './tokens';
import { withBearer, type BearerRequests } from './with-bearer';

/**
 * The whole system a browser talks to: the test file's own PostgreSQL database, a Temporal dev server of its own, and
 * Brigade from the build (API, screens and worker in one process, as `npm start` runs it) on a free port.
 */
export class BrowserStack {
  private constructor(
    private readonly database: TestDatabase,
    private readonly temporal: TemporalDevServer,
    private readonly brigade: BrigadeProcess,
    /** Where the browser and the test's API calls go, e.g. `http://127.0.0.1:41234`. */
    readonly baseUrl: string,
  ) {}

  /**
   * Starts the database, the dev server and Brigade; `name` labels the data folder, `env` adds to or overrides Brigade's
   * environment (a short session timeout, say).
   */
  static async start(name: string, env: Readonly<Record<string, string>> = {}): Promise<BrowserStack> {
    const database = await createTestDatabase();
    const dataDir = await mkdtemp(path.join(os.tmpdir(), `brigade-${name}-`));
    const temporal = await startDevServerPatiently({
      cliPath: findTemporalCli(), dataDir, port: await freePort(), uiPort: await freePort(), namespace: 'default',
    });
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const brigade = await startBrigadeProcess({
      NO_COLOR: '1', BRIGADE_ROLE: 'all', PORT: String(port), BRIGADE_DATA_DIR: dataDir,
      DATABASE_URL: database.url, TEMPORAL_ADDRESS: temporal.address, ...TEST_TOKEN_ENV, ...TEST_PAYLOAD_KEY_ENV,
      // The origin the browser opens: the provider's redirects and the session cookie must stay on it.
      BRIGADE_PUBLIC_URL: baseUrl,
      ...env,
    });
    return new BrowserStack(database, temporal, brigade, baseUrl);
  }

  /** API requests as a role and subject, for the steps a test sets up without the browser. */
  as(role: UserRole, subject: string): BearerRequests {
    return withBearer(this.baseUrl, bearer(role, subject));
  }

  /** SQL on the stack's database as its owner, for a test that reaches behind the API (ending a session, say). */
  get sql(): Sql {
    return this.database.sql;
  }

  /** What Brigade printed so far, for a failing test's message. */
  output(): string {
    return this.brigade.output();
  }

  /** Stops Brigade, then the dev server, then drops the database. */
  async close(): Promise<void> {
    const code = await this.brigade.stop();
    await this.temporal.stop();
    await this.database.drop();
    if (code !== 0) throw new Error(`Brigade exited with code ${code}:\n${this.brigade.output().slice(-4_000)}`);
  }
}

import { mkdtemp } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { freePort } from './free-port';

/** Starts one embedded PostgreSQL for the whole run, unless DATABASE_URL points at a server already. */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.BRIGADE_TEST_ADMIN_URL = process.env.DATABASE_URL;
    return;
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'brigade-test-pg-'));
  const database = await startEmbeddedPostgres({ dataDir, port: await freePort(), databaseName: 'postgres' });
  process.env.BRIGADE_TEST_ADMIN_URL = database.url;
  (globalThis as { brigadeTestDatabase?: typeof database }).brigadeTestDatabase = database;
}

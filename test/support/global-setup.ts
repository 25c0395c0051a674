import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { APP_ROLE, OWNER_ROLE } from '../../src/database/database-roles';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { provisionBrigadeRoles, urlAs } from '../../src/database/provision-roles';
import { freePort } from './free-port';

/**
 * Starts one embedded PostgreSQL for the whole run, unless DATABASE_URL points at a server already (as a superuser).
 * Either way the tests get the superuser (to create databases), the owner (to migrate) and the application's login.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    const adminUrl = process.env.DATABASE_URL;
    const passwords = { owner: randomBytes(18).toString('base64url'), app: randomBytes(18).toString('base64url') };
    const database = decodeURIComponent(new URL(adminUrl).pathname.slice(1)) || 'postgres';
    await provisionBrigadeRoles(adminUrl, database, passwords);
    setTestUrls(adminUrl, urlAs(adminUrl, OWNER_ROLE, passwords.owner), urlAs(adminUrl, APP_ROLE, passwords.app));
    return;
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'brigade-test-pg-'));
  const database = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  setTestUrls(database.superuserUrl, database.migrationUrl, database.url);
  (globalThis as { brigadeTestDatabase?: typeof database }).brigadeTestDatabase = database;
}

function setTestUrls(admin: string, owner: string, app: string): void {
  process.env.BRIGADE_TEST_ADMIN_URL = admin;
  process.env.BRIGADE_TEST_OWNER_URL = owner;
  process.env.BRIGADE_TEST_APP_URL = app;
}

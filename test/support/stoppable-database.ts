import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { brigadeDataSourceOptions } from '../../src/database/data-source-options';
import { runBrigadeMigrations } from '../../src/database/run-migrations';
import { FolderDataKeyStore } from '../../src/key-store/folder-data-key-store';
import { freePort } from './free-port';
import { ownerAccess, type TestDatabase } from './test-database';

const EMBEDDED_POSTGRES = path.resolve(__dirname, '..', '..', 'dist', 'src', 'database', 'embedded-postgres.js');

// embedded-postgres is an ES module that Jest cannot load, so Brigade's own starter runs in a Node process of its own,
// which prints the URL once the server is up and stops it (a fast shutdown) on SIGTERM.
const SERVER_SCRIPT = `
const { startEmbeddedPostgres } = require(process.env.EMBEDDED_POSTGRES);
startEmbeddedPostgres({ dataDir: process.env.PG_DATA_DIR, port: Number(process.env.PG_PORT) }).then((database) => {
  process.removeAllListeners('SIGTERM');
  process.on('SIGTERM', () => database.stop().then(() => process.exit(0), () => process.exit(1)));
  process.stdout.write(JSON.stringify({ url: database.url, ownerUrl: database.migrationUrl }) + '\\n');
}, (error) => {
  process.stderr.write(String(error) + '\\n');
  process.exit(1);
});
`;

/** A migrated database on a PostgreSQL server of its own, which the test can stop and start again on the same port. */
export interface StoppableDatabase extends TestDatabase {
  /** Shuts the server down (open sessions are cut off) and waits until it has exited. */
  stopServer(): Promise<void>;
  /** Starts the server again on its data folder and port. */
  startServer(): Promise<void>;
}

/** Starts Brigade's embedded PostgreSQL on a fresh data folder and a free port, and migrates its database. */
export async function createStoppableDatabase(): Promise<StoppableDatabase> {
  if (!existsSync(EMBEDDED_POSTGRES)) throw new Error(`${EMBEDDED_POSTGRES} is missing: run \`npm run build\` first (npm test does)`);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'brigade-stoppable-pg-'));
  const port = await freePort();
  let server: ServerProcess | undefined = await startServerProcess(dataDir, port);
  const { url, ownerUrl } = server;
  const dataSource = await runBrigadeMigrations(ownerUrl, { logging: false })
    .then(() => new DataSource(brigadeDataSourceOptions(url, { logging: false })).initialize()).catch(async (error: unknown) => {
    await server?.stop();
    throw error;
  });
  const keyDataDir = await mkdtemp(path.join(os.tmpdir(), 'brigade-keys-'));
  return {
    url,
    ownerUrl,
    dataSource,
    keyDataDir,
    keyStore: FolderDataKeyStore.open(keyDataDir),
    ...ownerAccess(ownerUrl),
    stopServer: async () => {
      await server?.stop();
      server = undefined;
    },
    startServer: async () => {
      server ??= await startServerProcess(dataDir, port);
    },
    drop: async () => {
      await dataSource.destroy().catch(() => undefined);
      await server?.stop();
      await rm(dataDir, { recursive: true, force: true });
      await rm(keyDataDir, { recursive: true, force: true });
    },
  };
}

interface ServerProcess {
  readonly url: string;
  readonly ownerUrl: string;
  stop(): Promise<void>;
}

async function startServerProcess(dataDir: string, port: number): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['-e', SERVER_SCRIPT], {
    env: { ...process.env, EMBEDDED_POSTGRES, PG_DATA_DIR: dataDir, PG_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const { url, ownerUrl } = await new Promise<{ url: string; ownerUrl: string }>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const line = output.split('\n').find((candidate) => candidate.startsWith('{"url"'));
      if (line) resolve(JSON.parse(line) as { url: string; ownerUrl: string });
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => reject(new Error(`PostgreSQL on port ${port} exited with code ${code} before serving:\n${output}`)));
  });
  return {
    url,
    ownerUrl,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { findTemporalCli } from '../../src/temporal/temporal-binaries';
import { startTemporalDevServer } from '../../src/temporal/temporal-dev-server';
import type { BenchSettings } from './bench-settings';
import { freePort } from './free-port';

/** The PostgreSQL database and Temporal frontend one bench run uses, and how to put them away. */
export interface BenchServers {
  /** A database of the run's own, created empty on the server. */
  readonly databaseUrl: string;
  readonly temporalAddress: string;
  /** A scratch folder for the embedded services and Brigade's processes. */
  readonly dataDir: string;
  readonly described: { readonly postgres: string; readonly temporal: string };
  stop(): Promise<void>;
}

/**
 * Starts an embedded PostgreSQL and a Temporal dev server (SQLite file) the way Brigade's embedded default does,
 * unless DATABASE_URL or TEMPORAL_ADDRESS name servers to use; either way the run gets a fresh database of its own.
 */
export async function startBenchServers(settings: BenchSettings): Promise<BenchServers> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'brigade-bench-'));
  const stops: Array<() => Promise<unknown>> = [() => rm(dataDir, { recursive: true, force: true })];
  const stop = async () => {
    for (const stopOne of stops.reverse()) await stopOne().catch((error: unknown) => console.error(`bench clean-up: ${String(error)}`));
  };
  try {
    let serverUrl = settings.databaseUrl;
    if (!serverUrl) {
      const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), databaseName: 'postgres' });
      stops.push(() => embedded.stop());
      // The application's login may not create databases; the bench's own database is made, and used, by the cluster's superuser.
      serverUrl = embedded.superuserUrl;
    }
    const name = `brigade_bench_${randomBytes(5).toString('hex')}`;
    await asAdmin(serverUrl, `CREATE DATABASE ${name}`);
    const adminUrl = serverUrl;
    stops.push(() => asAdmin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    const databaseUrl = new URL(serverUrl);
    databaseUrl.pathname = `/${name}`;

    let temporalAddress = settings.temporalAddress;
    if (!temporalAddress) {
      const server = await startTemporalDevServer({
        cliPath: findTemporalCli(settings.temporalCliPath), dataDir, port: await freePort(), uiPort: await freePort(), namespace: 'default',
      });
      stops.push(() => server.stop());
      temporalAddress = server.address;
    }
    return {
      databaseUrl: databaseUrl.toString(),
      temporalAddress,
      dataDir,
      described: {
        postgres: settings.databaseUrl ? 'DATABASE_URL' : 'embedded PostgreSQL (embedded-postgres)',
        temporal: settings.temporalAddress ? 'TEMPORAL_ADDRESS' : 'Temporal dev server (SQLite file)',
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function asAdmin(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

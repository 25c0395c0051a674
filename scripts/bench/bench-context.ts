import { Client, Connection } from '@temporalio/client';
import { randomBytes, randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { issueToken } from '../../src/auth/token-issuer';
import { loadTokenKeys } from '../../src/auth/token-keys';
import type { UserRole } from '../../src/domain/user-role';
import { loadBrigadeConfig, type BrigadeConfig } from '../../src/config/brigade-config';
import { AesGcmPayloadCodec } from '../../src/crypto/aes-gcm-payload-codec';
import { brigadeDataConverter } from '../../src/crypto/brigade-data-converter';
import { brigadeDataSourceOptions } from '../../src/database/data-source-options';
import { runBrigadeMigrations } from '../../src/database/run-migrations';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { dataKeyStoreFor } from '../../src/key-store/data-key-store.factory';
import type { BenchServers } from './bench-servers';
import { freePort } from './free-port';
import { startNodeChild, waitUntilReady, type NodeChild } from './node-child';
import { isPolling } from './task-queue-pollers';

const NAMESPACE = 'default';
// The compiled bench lives in <build>/scripts/bench; Brigade's own entry point is <build>/src/main.js.
const BUILD_ROOT = path.resolve(__dirname, '..', '..');

/** Everything a benchmark needs: Brigade's API and worker processes, its store in-process, and bare clients for the baselines. */
export interface BenchContext {
  readonly servers: BenchServers;
  /** Brigade's configuration for in-process command code (`audit verify --all`), pointed at the bench database. */
  readonly config: BrigadeConfig;
  readonly dataSource: DataSource;
  readonly eventStore: PostgresEventStore;
  /** A bare `pg` pool of the same size as Brigade's, for the baselines. */
  readonly pool: Pool;
  /** A Temporal client that encrypts like Brigade's, for starting real case workflows directly. */
  readonly brigadeClient: Client;
  /** A Temporal client with the SDK's defaults, for the control workflows. */
  readonly bareClient: Client;
  readonly apiUrl: string;
  /** The task queue of the Brigade worker the API's cases run on. */
  readonly taskQueue: string;
  /** The task queue of the control worker. */
  readonly controlQueue: string;
  /** The SMTP server inside the Brigade worker on `taskQueue` (the embedded mail transport), where its cases' e-mail goes. */
  readonly embeddedSmtp: { readonly host: string; readonly port: number };
  /** An Authorization header value for a person in a role. */
  bearer(role: UserRole, subject: string): string;
  /** Starts another Brigade worker process on a task queue of its own. */
  startBrigadeWorker(taskQueue: string): Promise<NodeChild>;
  /** Starts another control worker process on a task queue of its own. */
  startControlWorker(taskQueue: string): Promise<NodeChild>;
  close(): Promise<void>;
}

/** Migrates the bench database, starts Brigade's API and worker and a control worker, and connects the clients. */
export async function openBenchContext(servers: BenchServers): Promise<BenchContext> {
  const payloadKeys = `bench:${randomBytes(32).toString('base64')}`;
  const processEnv: Record<string, string> = {
    NO_COLOR: '1',
    DATABASE_URL: servers.databaseUrl,
    TEMPORAL_ADDRESS: servers.temporalAddress,
    TEMPORAL_NAMESPACE: NAMESPACE,
    BRIGADE_DATA_DIR: path.join(servers.dataDir, 'brigade'),
    BRIGADE_JWT_SECRET: randomBytes(32).toString('base64url'),
    BRIGADE_PAYLOAD_KEYS: payloadKeys,
    BRIGADE_PAYLOAD_KEY_ID: 'bench',
    // One JSON line per request would measure the pipe to this process, not Brigade.
    BRIGADE_LOG_LEVEL: 'warn',
    // The embedded default, whatever relay or Notify key the shell that started the bench names: every worker keeps its
    // cases' mail in its own SMTP server, on a free port unless given one (the children inherit the shell's environment).
    BRIGADE_MAIL_TRANSPORT: 'embedded',
    BRIGADE_SMS_TRANSPORT: 'gateway',
    BRIGADE_EMBEDDED_SMTP_PORT: '0',
  };
  const config = loadBrigadeConfig(processEnv);
  const closers: Array<() => Promise<unknown>> = [];
  const close = async () => {
    for (const closeOne of closers.reverse()) await closeOne().catch((error: unknown) => console.error(`bench clean-up: ${String(error)}`));
  };
  try {
    // Migrated here first, so that the API and the workers starting next find the schema in place; the bench runs as one login.
    await runBrigadeMigrations(servers.databaseUrl, { logging: false });
    const dataSource = await new DataSource(brigadeDataSourceOptions(servers.databaseUrl, { logging: false })).initialize();
    closers.push(() => dataSource.destroy());
    const pool = new Pool({ connectionString: servers.databaseUrl, max: 20 });
    closers.push(() => pool.end());

    const connection = await Connection.connect({ address: servers.temporalAddress });
    closers.push(() => connection.close());
    const codec = new AesGcmPayloadCodec({ ...config.payloadKeys!, source: 'the bench' });
    const brigadeClient = new Client({ connection, namespace: NAMESPACE, dataConverter: brigadeDataConverter(codec) });
    const bareClient = new Client({ connection, namespace: NAMESPACE });

    const startWorker = async (script: string, args: string[], env: Record<string, string>, taskQueue: string) => {
      const child = startNodeChild(script, args, env);
      closers.push(() => child.stop());
      await waitUntilReady(child, `the worker for ${taskQueue}`, () => isPolling(connection, NAMESPACE, taskQueue, child.pid));
      return child;
    };
    const startBrigadeWorker = (queue: string, env: Record<string, string> = {}) =>
      startWorker(path.join(BUILD_ROOT, 'src', 'main.js'), [], { ...processEnv, BRIGADE_ROLE: 'worker', BRIGADE_TASK_QUEUE: queue, ...env }, queue);
    const startControlWorker = (queue: string) => startWorker(path.join(__dirname, 'control-worker.js'), [servers.temporalAddress, queue], {}, queue);

    const taskQueue = `bench-cases-${randomUUID()}`;
    const controlQueue = `bench-control-${randomUUID()}`;
    const port = await freePort();
    // Role `api` runs no worker, so it starts no SMTP server: the worker below is the only one on the cases' queue.
    const api = startNodeChild(path.join(BUILD_ROOT, 'src', 'main.js'), [], {
      ...processEnv, BRIGADE_ROLE: 'api', PORT: String(port), BRIGADE_TASK_QUEUE: taskQueue,
    });
    closers.push(() => api.stop());
    const apiUrl = `http://127.0.0.1:${port}`;
    await waitUntilReady(api, 'the Brigade API', async () => (await fetch(`${apiUrl}/health`)).status === 200);
    // A known port, so that the notifications baseline can send to the very server Brigade's worker sends to.
    const embeddedSmtp = { host: '127.0.0.1', port: await freePort() };
    await startBrigadeWorker(taskQueue, { BRIGADE_EMBEDDED_SMTP_PORT: String(embeddedSmtp.port) });
    await startControlWorker(controlQueue);

    const tokenKeys = loadTokenKeys(config);
    return {
      servers, config, dataSource, eventStore: new PostgresEventStore(dataSource, dataKeyStoreFor(config.keyStore)), pool, brigadeClient, bareClient, apiUrl, taskQueue, controlQueue,
      embeddedSmtp,
      bearer: (role, subject) => `Bearer ${issueToken(tokenKeys, { role, subject }).token}`,
      startBrigadeWorker,
      startControlWorker,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

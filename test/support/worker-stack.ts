import { Client, Connection } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { findTemporalCli } from '../../src/temporal/temporal-binaries';
import type { TemporalDevServer, TemporalDevServerOptions } from '../../src/temporal/temporal-dev-server';
import { startBrigadeProcess, type BrigadeProcess } from './brigade-process';
import { freePort } from './free-port';
import { startDevServerPatiently } from './patient-dev-server';
import { TEST_PAYLOAD_KEY_ENV, testDataConverter } from './payload-keys';

/**
 * A Temporal dev server of the test's own, a client that encrypts with the test key, and Brigade worker processes from
 * the build on one task queue: for tests that kill or restart these parts and watch the cases carry on.
 */
export class WorkerStack {
  private readonly workers: BrigadeProcess[] = [];

  private constructor(
    private readonly options: TemporalDevServerOptions,
    private server: TemporalDevServer,
    readonly connection: Connection,
    readonly client: Client,
    readonly taskQueue: string,
    private readonly databaseUrl: string,
    private readonly workerDataDir: string,
  ) {}

  /**
   * Starts the dev server on a fresh data folder and connects to it; `name` labels the folder and the task queue. The
   * workers keep their data (the data keys among it) in `workerDataDir`: the test database's, so that the test reads
   * what they sealed.
   */
  static async start(name: string, databaseUrl: string, workerDataDir: string): Promise<WorkerStack> {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), `brigade-${name}-`));
    const options = { cliPath: findTemporalCli(), dataDir, port: await freePort(), uiPort: await freePort(), namespace: 'default' };
    const server = await startDevServerPatiently(options);
    const connection = await Connection.connect({ address: server.address });
    // The worker processes encrypt with the test key, so the test's client reads and writes with it too.
    const client = new Client({ connection, dataConverter: testDataConverter() });
    return new WorkerStack(options, server, connection, client, `${name}-${randomUUID()}`, databaseUrl, workerDataDir);
  }

  /** The dev server as it runs now; a restart replaces it. */
  get temporal(): TemporalDevServer {
    return this.server;
  }

  /** Starts one more worker process on the task queue. */
  async startWorker(): Promise<BrigadeProcess> {
    const worker = await startBrigadeProcess({
      NO_COLOR: '1', BRIGADE_ROLE: 'worker', DATABASE_URL: this.databaseUrl, TEMPORAL_ADDRESS: this.server.address,
      BRIGADE_TASK_QUEUE: this.taskQueue, BRIGADE_DATA_DIR: this.workerDataDir, ...TEST_PAYLOAD_KEY_ENV,
    });
    this.workers.push(worker);
    return worker;
  }

  /** Stops the dev server (killing it first, to give it no chance to flush, when `kill` is set) and starts it again on its SQLite file. */
  async restartTemporal({ kill = false } = {}): Promise<void> {
    if (kill) process.kill(this.server.pid, 'SIGKILL');
    await this.server.stop();
    this.server = await startDevServerPatiently(this.options);
  }

  /** Stops the workers still running, then the connection and the dev server. */
  async close(): Promise<void> {
    for (const worker of this.workers) if (worker.child.exitCode === null && worker.child.signalCode === null) await worker.stop();
    await this.connection.close();
    await this.server.stop();
  }
}

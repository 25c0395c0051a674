import { Connection } from '@temporalio/client';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { BRIGADE_SEARCH_ATTRIBUTES } from './search-attributes';

/** A Temporal dev server that Brigade started and will stop. */
export interface TemporalDevServer {
  readonly address: string;
  readonly uiUrl: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/** Options for `temporal server start-dev`. */
export interface TemporalDevServerOptions {
  readonly cliPath: string;
  readonly dataDir: string;
  readonly port: number;
  readonly uiPort: number;
  readonly namespace: string;
  /** Where the web UI sends payloads to be decoded (Brigade's codec endpoint), if anywhere. */
  readonly uiCodecEndpoint?: string;
  readonly log?: (line: string) => void;
  readonly startTimeoutMs?: number;
}

/** Starts the Temporal dev server with its state in `<dataDir>/temporal/temporal.sqlite`, and waits until it serves. */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<TemporalDevServer> {
  const stateDir = path.join(options.dataDir, 'temporal');
  await mkdir(stateDir, { recursive: true });
  const args = [
    'server', 'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(options.port),
    '--ui-port', String(options.uiPort),
    // A SQLite file instead of the default in-memory store, so open cases survive a restart.
    '--db-filename', path.join(stateDir, 'temporal.sqlite'),
    '--namespace', options.namespace,
    '--log-level', 'warn',
    ...(options.uiCodecEndpoint ? ['--ui-codec-endpoint', options.uiCodecEndpoint] : []),
    ...Object.entries(BRIGADE_SEARCH_ATTRIBUTES).flatMap(([name, type]) => ['--search-attribute', `${name}=${type}`]),
  ];
  const child = spawn(options.cliPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = options.log ?? (() => undefined);
  child.stdout?.on('data', (chunk: Buffer) => log(chunk.toString('utf8').trimEnd()));
  child.stderr?.on('data', (chunk: Buffer) => log(chunk.toString('utf8').trimEnd()));

  const address = `127.0.0.1:${options.port}`;
  try {
    await waitUntilServing(child, address, options.startTimeoutMs ?? 60_000);
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  return {
    address,
    uiUrl: `http://127.0.0.1:${options.uiPort}`,
    pid: child.pid ?? -1,
    stop: () => stopProcess(child),
  };
}

async function waitUntilServing(child: ChildProcess, address: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null = null;
  child.once('exit', (code) => (exitCode = code ?? -1));
  for (;;) {
    if (exitCode !== null) {
      throw new Error(`the Temporal dev server exited with code ${exitCode} before serving on ${address} (is the port taken?)`);
    }
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`the Temporal dev server did not serve on ${address} within ${timeoutMs} ms: ${String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

// SIGTERM lets the server flush its SQLite file; SIGKILL only if it hangs.
async function stopProcess(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

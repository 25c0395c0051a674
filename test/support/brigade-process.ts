import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

const MAIN = path.resolve(__dirname, '..', '..', 'dist', 'src', 'main.js');

/** A Brigade process started from the build output, as a user would run it. */
export interface BrigadeProcess {
  readonly child: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** SIGTERM, then wait for a clean exit; resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: the process gets no chance to clean up. */
  kill(): Promise<void>;
}

// The dev server picks free ports for its internal services on its own; now and then one of them is taken by another
// test's server in the moment between, and it exits before serving. Brigade then stops what it started, so a new try is clean.
const DEV_SERVER_PORT_CLASH = /the Temporal dev server exited with code \d+ before serving/;
const START_ATTEMPTS = 3;

/** Starts `node dist/src/main.js` with the given environment and waits until it says it has started. */
export async function startBrigadeProcess(env: Record<string, string>, timeoutMs = 90_000): Promise<BrigadeProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(env, timeoutMs);
    } catch (error) {
      if (attempt >= START_ATTEMPTS || !DEV_SERVER_PORT_CLASH.test(String(error))) throw error;
      console.warn(`Brigade's dev server could not start (attempt ${attempt} of ${START_ATTEMPTS}); starting Brigade again`);
    }
  }
}

async function startOnce(env: Record<string, string>, timeoutMs: number): Promise<BrigadeProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first (npm test does)`);
  const inherited = { ...process.env };
  // The process under test must find its dependencies only where this test says.
  for (const name of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'BRIGADE_ROLE', 'PORT', 'BRIGADE_DATA_DIR']) delete inherited[name];
  // Several Brigade processes run at once in the tests (workers side by side, suites in parallel): each worker's embedded
  // SMTP server takes a free port rather than all fighting over 2525.
  const child = spawn(process.execPath, [MAIN], { env: { ...inherited, BRIGADE_EMBEDDED_SMTP_PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Brigade did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const check = () => {
      if (/Brigade \((all|api|worker)\) started/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Brigade exited with code ${code} before starting:\n${output}`));
    });
  });

  return {
    child,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

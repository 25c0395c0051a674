import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** A Node.js process the bench started, whose memory it can read and which it stops at the end. */
export interface NodeChild {
  readonly pid: number;
  /** The last part of what the process printed, for a failure message. */
  output(): string;
  /** Whether the process has exited. */
  exited(): boolean;
  /** The resident set size now, in MB (Linux /proc). */
  rssMb(): number;
  /** SIGTERM, then SIGKILL if it has not exited within the grace time. */
  stop(): Promise<void>;
}

const KEPT_OUTPUT = 20_000;

/** Starts `node <script> <args>` with the given environment on top of this process's own. */
export function startNodeChild(script: string, args: readonly string[], env: Readonly<Record<string, string>>): NodeChild {
  const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-KEPT_OUTPUT));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.pid === undefined) throw new Error(`could not start ${script}`);
  const pid = child.pid;
  return {
    pid,
    output: () => output,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    rssMb: () => {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]);
      return kb / 1024;
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

/** Polls `ready` until it holds, failing early with the child's output if the child exits first. */
export async function waitUntilReady(child: NodeChild, what: string, ready: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exited()) throw new Error(`${what} exited before it was ready:\n${child.output()}`);
    if (await ready().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} was not ready within ${timeoutMs} ms:\n${child.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { OnApplicationShutdown } from '@nestjs/common';
import type { AuditTask, AuditTaskResults, AuditWorkerData, AuditWorkerReply } from './audit-worker.protocol';

/** Where a worker's code is: the compiled entry beside this file, or, under a TypeScript runner, a launcher of the source. */
export interface AuditWorkerEntry {
  readonly filename: string;
  /** Whether `filename` is the worker's code itself rather than a path to it. */
  readonly eval?: boolean;
  /** Passed to the worker as its `workerData`, beside the pool's own settings. */
  readonly workerData?: Record<string, unknown>;
}

/** What the workers need beyond their code. */
export interface AuditWorkerOptions {
  /** The database the workers read ranges of the store from; only `audit verify --all` gives one. */
  readonly databaseUrl?: string;
  /** How many threads; by default one per core, or none on a machine of one core. */
  readonly threads?: number;
  readonly entry?: AuditWorkerEntry | null;
}

// More threads than this only queue on the database and its connections.
const MOST_THREADS = 4;

interface Pending {
  readonly resolve: (value: never) => void;
  readonly reject: (error: Error) => void;
}

interface Thread {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
}

/**
 * A few worker threads that take the audit's CPU-bound work off the main thread: checking ranges of the store, and
 * recomputing the hashes of a long chain. Threads start on first use, not when the pool is made, and idle threads do not
 * keep the process alive. `available` is false where there is one core or no compiled worker code (as under jest); the
 * audit then does the same work on its own thread.
 */
export class AuditWorkers implements OnApplicationShutdown {
  private threads: Thread[] | null = null;
  private nextId = 0;
  private readonly entry: AuditWorkerEntry | null;
  private readonly size: number;

  constructor(private readonly options: AuditWorkerOptions = {}) {
    this.entry = options.entry === undefined ? compiledEntry() : options.entry;
    this.size = Math.max(0, Math.min(options.threads ?? availableParallelism(), MOST_THREADS));
  }

  /** Whether tasks run on worker threads; when not, the caller does the work itself. */
  get available(): boolean {
    return this.entry !== null && this.size >= 2;
  }

  /** How many threads share the work. */
  get threadCount(): number {
    return this.available ? this.size : 0;
  }

  /** Runs one task on the thread with the fewest tasks waiting. */
  run<K extends AuditTask['kind']>(task: Extract<AuditTask, { kind: K }>): Promise<AuditTaskResults[K]> {
    const threads = this.started();
    const thread = threads.reduce((least, candidate) => (candidate.pending.size < least.pending.size ? candidate : least));
    const id = this.nextId++;
    return new Promise<AuditTaskResults[K]>((resolve, reject) => {
      thread.pending.set(id, { resolve: resolve as (value: never) => void, reject });
      if (thread.pending.size === 1) thread.worker.ref();
      thread.worker.postMessage({ id, task });
    });
  }

  /** Stops the threads; tasks still running fail. */
  async close(): Promise<void> {
    const threads = this.threads ?? [];
    this.threads = null;
    await Promise.all(threads.map(({ worker }) => worker.terminate()));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  private started(): Thread[] {
    if (!this.available) throw new Error('no worker threads are available to the audit here');
    this.threads ??= Array.from({ length: this.size }, () => this.startThread());
    return this.threads;
  }

  private startThread(): Thread {
    const { filename, eval: isCode, workerData } = this.entry!;
    const data: AuditWorkerData = { databaseUrl: this.options.databaseUrl ?? null };
    const worker = new Worker(filename, { eval: isCode ?? false, workerData: { ...workerData, ...data } });
    const thread: Thread = { worker, pending: new Map() };
    const failAll = (error: Error) => {
      for (const { reject } of thread.pending.values()) reject(error);
      thread.pending.clear();
    };
    worker.on('message', ({ id, result, error }: AuditWorkerReply) => {
      const pending = thread.pending.get(id);
      thread.pending.delete(id);
      // An idle thread must not hold the process open: a CLI ends when its work does.
      if (thread.pending.size === 0) worker.unref();
      if (error !== undefined) pending?.reject(new Error(error));
      else pending?.resolve(result as never);
    });
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`an audit worker thread stopped (exit code ${code})`)));
    worker.unref();
    return thread;
  }
}

// The compiled worker beside this file; absent when the source runs as TypeScript, as under jest.
function compiledEntry(): AuditWorkerEntry | null {
  const filename = path.join(__dirname, 'audit.worker.js');
  return existsSync(filename) ? { filename } : null;
}

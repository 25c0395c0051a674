import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
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
  /** How many threads; by default one per core that was idle over the last minute, and one more, or none. */
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
 * keep the process alive. `available` is false where no core is idle or there is no compiled worker code (as under
 * jest); the audit then does the same work on its own thread.
 */
export class AuditWorkers implements OnApplicationShutdown {
  private threads: Thread[] = [];
  private nextId = 0;
  private readonly entry: AuditWorkerEntry | null;

  constructor(private readonly options: AuditWorkerOptions = {}) {
    this.entry = options.entry === undefined ? compiledEntry() : options.entry;
  }

  /** Whether tasks run on worker threads now; when not, the caller does the work itself. */
  get available(): boolean {
    return this.threadCount > 0;
  }

  /** How many threads share the work now: decided afresh each time, as a long-running process sees its machine's load change. */
  get threadCount(): number {
    const wanted = Math.min(this.options.threads ?? threadsForIdleCores(), MOST_THREADS);
    return this.entry !== null && wanted >= 2 ? wanted : 0;
  }

  /** Runs one task on the thread with the fewest tasks waiting. */
  run<K extends AuditTask['kind']>(task: Extract<AuditTask, { kind: K }>): Promise<AuditTaskResults[K]> {
    const threads = this.started(this.threadCount);
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
    const threads = this.threads;
    this.threads = [];
    await Promise.all(threads.map(({ worker }) => worker.terminate()));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  // The first `count` threads, started where they are not yet.
  private started(count: number): Thread[] {
    if (count === 0) throw new Error('no worker threads are available to the audit here');
    while (this.threads.length < count) this.threads.push(this.startThread());
    return this.threads.slice(0, count);
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
    worker.on('exit', (code) => {
      // A stopped thread takes no more work; the next task starts another in its place.
      this.threads = this.threads.filter((other) => other !== thread);
      failAll(new Error(`an audit worker thread stopped (exit code ${code})`));
    });
    worker.unref();
    return thread;
  }
}

// Threads on cores that other processes keep busy only take turns with this one, and each costs its start-up and the
// copying of its work: with no core idle, one thread (this one) does the audit fastest.
function threadsForIdleCores(): number {
  const idleCores = Math.floor(availableParallelism() - loadavg()[0]);
  return idleCores >= 1 ? Math.min(availableParallelism(), idleCores + 1) : 0;
}

// The compiled worker beside this file; absent when the source runs as TypeScript, as under jest.
function compiledEntry(): AuditWorkerEntry | null {
  const filename = path.join(__dirname, 'audit.worker.js');
  return existsSync(filename) ? { filename } : null;
}

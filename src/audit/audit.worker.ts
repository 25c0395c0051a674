import { parentPort, workerData } from 'node:worker_threads';
import { chainHash } from '../event-store/hash-chain';
import type { AuditTask, AuditTaskResults, AuditWorkerData, AuditWorkerReply, AuditWorkerRequest, ChainLink } from './audit-worker.protocol';
import { poolRows, readBatch, type RowQuery } from './postgres-store-scan';
import { checkRecordBatch } from './record-batch-check';

// An audit worker thread: answers the tasks `AuditWorkers` posts, one reply per task, in whatever order they finish.
const { databaseUrl } = workerData as AuditWorkerData;
let rowQuery: RowQuery | undefined;

parentPort!.on('message', ({ id, task }: AuditWorkerRequest) => {
  perform(task).then(
    (result) => {
      // The leaves of a checked range move to the main thread rather than being copied.
      const transfer = task.kind === 'range' ? transferablesOf(result as AuditTaskResults['range']) : [];
      parentPort!.postMessage({ id, result } satisfies AuditWorkerReply, transfer);
    },
    (error: unknown) => parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies AuditWorkerReply),
  );
});

async function perform(task: AuditTask): Promise<AuditTaskResults[AuditTask['kind']]> {
  switch (task.kind) {
    case 'range':
      return checkRecordBatch(await readBatch(rows(), task.after, task.upTo), task.bounds);
    case 'hashes':
      return firstMismatchingHash(task.links);
    default: {
      const unknown: never = task;
      throw new Error(`unknown audit task ${JSON.stringify(unknown)}`);
    }
  }
}

function firstMismatchingHash(links: readonly ChainLink[]): number {
  for (let position = 0; position < links.length; position++) {
    if (chainHash(links[position].prevHash, links[position]) !== links[position].hash) return position;
  }
  return -1;
}

// The database is reached on the first range, over connections of this thread's own.
function rows(): RowQuery {
  if (databaseUrl === null) throw new Error('this audit worker was started without a database');
  rowQuery ??= poolRows(databaseUrl);
  return rowQuery;
}

function transferablesOf({ filledIndices, leafHashes }: AuditTaskResults['range']): ArrayBuffer[] {
  return [filledIndices.buffer as ArrayBuffer, leafHashes.buffer as ArrayBuffer];
}

import type { AuditWorkers } from './audit-workers';
import type { CheckedBatch } from './record-batch-check';
import type { BatchChecks } from './store-audit';

// Ranges asked for ahead of the one awaited, per thread: a thread reads its next range while it checks this one.
const RANGES_AHEAD_PER_THREAD = 2;

/**
 * Reads and checks the planned ranges on the worker threads, each thread reading its ranges from the database itself,
 * and answers them in case id order, so that findings come in the order a check on one thread gives them.
 */
export function checksInWorkers(workers: AuditWorkers): BatchChecks {
  return async function* ({ ends }, bounds) {
    const ahead = workers.threadCount * RANGES_AHEAD_PER_THREAD;
    const inFlight: Array<Promise<CheckedBatch>> = [];
    let asked = 0;
    const askNext = () => {
      const range = asked++;
      const batch = workers.run({ kind: 'range', after: range === 0 ? null : ends[range - 1], upTo: ends[range], bounds });
      // Awaited in order below; a failure meanwhile must not count as unhandled.
      batch.catch(() => undefined);
      inFlight.push(batch);
    };
    while (asked < ends.length && inFlight.length < ahead) askNext();
    while (inFlight.length > 0) {
      const batch = await inFlight.shift()!;
      if (asked < ends.length) askNext();
      yield batch;
    }
  };
}

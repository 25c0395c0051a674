import type { ChainVerification, StoredCaseEvent } from '../event-store/event-store.port';
import type { AuditWorkers } from './audit-workers';
import { verifyChainAgainstProjection } from '../event-store/hash-chain';
import type { RecordedProjection } from './projection-check';

// Below this many events a thread each, posting them costs about what hashing them here does.
const LEAST_EVENTS_PER_THREAD = 1_000;

/**
 * `verifyChainAgainstProjection` with the events' hashes recomputed on the worker threads, a slice each, when the chain is long
 * enough to be worth it; the links, versions and the read model's tail are checked here. Same findings either way.
 */
export async function verifyStoredChainOn(
  workers: AuditWorkers, caseId: string, events: readonly StoredCaseEvent[], projection: Pick<RecordedProjection, 'version' | 'lastHash'> | null,
): Promise<ChainVerification> {
  const threads = workers.threadCount;
  if (threads === 0 || events.length < threads * LEAST_EVENTS_PER_THREAD) return verifyChainAgainstProjection(caseId, events, projection);
  const slice = Math.ceil(events.length / threads);
  const starts = Array.from({ length: threads }, (_, thread) => thread * slice).filter((start) => start < events.length);
  const firstInSlices = await Promise.all(starts.map(async (start) => {
    const position = await workers.run({ kind: 'hashes', links: events.slice(start, start + slice) });
    return position < 0 ? -1 : start + position;
  }));
  // Slices in order, so the first slice with a mismatch holds the chain's first one; a later one cannot matter, as the
  // chain is reported broken at its first problem of any kind.
  const firstMismatch = firstInSlices.find((index) => index >= 0) ?? -1;
  return verifyChainAgainstProjection(caseId, events, projection, (_, index) => index !== firstMismatch);
}

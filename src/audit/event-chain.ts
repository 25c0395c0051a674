import type { ChainVerification, StoredCaseEvent } from '../event-store/event-store.port';
import { findChainBreak } from '../event-store/hash-chain';
import type { RecordedProjection } from './projection-check';

/**
 * Recomputes a case's hash chain from its events alone, without a database: the check `EventStore.verify` makes,
 * minus the projection's memory of where the stream ended, which the caller compares separately when it has one.
 */
export function verifyEventChain(caseId: string, events: readonly StoredCaseEvent[]): ChainVerification {
  const lastHash = events.at(-1)?.hash ?? null;
  const result = { caseId, eventCount: events.length, lastHash };
  // The hash covers each event's case id, but a chain copied whole from another case would still link up.
  const stranger = events.find((event) => event.caseId !== caseId);
  if (stranger) {
    return { ...result, valid: false, firstInvalidVersion: stranger.version, problem: `version ${stranger.version} belongs to case ${stranger.caseId}` };
  }
  const broken = findChainBreak(events);
  if (broken) return { ...result, valid: false, firstInvalidVersion: broken.version, problem: broken.problem };
  return { ...result, valid: true, firstInvalidVersion: null, problem: null };
}

/**
 * Recomputes a stored case's hash chain and compares its end with where the read model says the stream ended: the
 * check `EventStore.verify` makes, over events and a row the caller read in one snapshot. `hashMatches` is for hashes
 * recomputed elsewhere, as `findChainBreak` takes it.
 */
export function verifyStoredChain(
  caseId: string, events: readonly StoredCaseEvent[], projection: Pick<RecordedProjection, 'version' | 'lastHash'> | null,
  hashMatches?: (event: StoredCaseEvent, index: number) => boolean,
): ChainVerification {
  const broken = findChainBreak(events, hashMatches);
  const lastHash = events.at(-1)?.hash ?? null;
  const result = { caseId, eventCount: events.length, lastHash };
  if (broken) return { ...result, valid: false, firstInvalidVersion: broken.version, problem: broken.problem };
  // A chain that verifies can still have lost its tail; the projection remembers where the stream ended.
  if (projection && (projection.version !== events.length || projection.lastHash !== lastHash)) {
    return {
      ...result, valid: false, firstInvalidVersion: Math.min(projection.version, events.length + 1),
      problem: `the stream ends at version ${events.length} but was recorded up to version ${projection.version}`,
    };
  }
  return { ...result, valid: true, firstInvalidVersion: null, problem: null };
}

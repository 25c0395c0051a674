import type { ChainVerification, StoredCaseEvent } from '../event-store/event-store.port';
import { findChainBreak } from '../event-store/hash-chain';

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

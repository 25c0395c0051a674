import { caseEvent, type NewCaseEvent } from '../../src/domain/case.events';
import { SYSTEM_ACTOR, type CaseCategory } from '../../src/domain/case.vocabulary';
import type { EventStore } from '../../src/event-store/event-store.port';
import type { SupportRequest } from '../../src/domain/support-request';
import { COORDINATOR, aSupportRequest, intakeAssessed, requestReceived } from './case-fixtures';

/** How an ended case ended, and when. */
export interface EndedCaseSpec {
  readonly category?: CaseCategory;
  readonly outcome: 'closed' | 'cancelled' | 'rejected';
  readonly endedAt: string;
  /** Replaces the request's office holder, for values sealed under a person's key. */
  readonly officeHolder?: unknown;
}

/**
 * Records an ended case straight into the event store, as its workflow and the archiver would have left it years ago:
 * received, assessed, ended, and its case workflow's history archived. Answers the case id.
 */
export async function recordEndedCase(eventStore: EventStore, spec: EndedCaseSpec): Promise<string> {
  const request = aSupportRequest({ category: spec.category ?? 'SHELTER_SUPPORT', ...(spec.officeHolder ? { officeHolder: spec.officeHolder as SupportRequest['officeHolder'] } : {}) });
  const at = (offsetMs: number) => new Date(Date.parse(spec.endedAt) - offsetMs).toISOString();
  const ending: NewCaseEvent = spec.outcome === 'closed' ? caseEvent('CaseClosed', {}, COORDINATOR, spec.endedAt)
    : spec.outcome === 'cancelled' ? caseEvent('CaseCancelled', { reason: 'called off' }, COORDINATOR, spec.endedAt)
      : caseEvent('RequestRejected', { reason: 'outside the mandate' }, COORDINATOR, spec.endedAt);
  const archived = caseEvent('HistoryArchived', {
    workflowId: `case-${request.caseId}`, runId: 'run-1', workflowType: 'supportCase', closeStatus: 'COMPLETED', sha256: 'ab'.repeat(32), byteLength: 1, eventCount: 1,
  }, SYSTEM_ACTOR, at(-1000));
  await eventStore.append({
    caseId: request.caseId, expectedVersion: 0, idempotencyKey: `ended-${request.caseId}`,
    events: [requestReceived(request, at(60_000)), intakeAssessed(at(59_000)), ending, archived],
  });
  return request.caseId;
}

import { caseEvent } from '../../src/domain/case.events';
import { SYSTEM_ACTOR } from '../../src/domain/case.vocabulary';
import type { EventStore } from '../../src/event-store/event-store.port';
import { COORDINATOR, aSupportRequest, intakeAssessed, requestReceived } from './case-fixtures';

/**
 * Records a cancelled and archived case in which one expert was offered it, by name, and declined it as a signed-in
 * actor carrying that name: every place an expert's name is stored. Answers the case id.
 */
export async function recordCaseWithExpert(eventStore: EventStore, expertId: string, expertName: string): Promise<string> {
  const request = aSupportRequest();
  const offerId = 'offer-1-1';
  await eventStore.append({
    caseId: request.caseId, expectedVersion: 0, idempotencyKey: `expert-case-${request.caseId}`,
    events: [
      requestReceived(request, '2026-11-01T09:00:00.000Z'), intakeAssessed('2026-11-01T09:00:01.000Z'),
      caseEvent('RequestAccepted', {}, COORDINATOR, '2026-11-01T10:00:00.000Z'),
      caseEvent('ExpertOffered', { offerId, expertId, expertName, round: 1, expiresAt: '2026-11-02T10:00:00.000Z' }, SYSTEM_ACTOR, '2026-11-01T10:00:01.000Z'),
      caseEvent('OfferDeclined', { offerId, expertId }, { role: 'expert', id: expertId, name: expertName, via: 'provider' }, '2026-11-01T11:00:00.000Z'),
      caseEvent('CaseCancelled', { reason: 'called off' }, COORDINATOR, '2026-11-01T12:00:00.000Z'),
      caseEvent('HistoryArchived', {
        workflowId: `case-${request.caseId}`, runId: 'run-1', workflowType: 'supportCase', closeStatus: 'COMPLETED', sha256: 'ab'.repeat(32), byteLength: 1, eventCount: 1,
      }, SYSTEM_ACTOR, '2026-11-01T12:00:02.000Z'),
    ],
  });
  return request.caseId;
}

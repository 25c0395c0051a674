import { caseEvent, type CaseEvent, type NewCaseEvent } from '../../../src/domain/case.events';
import { InvalidCaseHistoryError, evolve, foldCase, type CaseState } from '../../../src/domain/case.state';
import { COORDINATOR, aSupportRequest, intakeAssessed, requestReceived } from '../../support/case-fixtures';

const request = aSupportRequest();

/** Given past events (numbered 1..n for the case), when one more arrives, then the folded state. */
function given(...events: NewCaseEvent[]) {
  const stream: CaseEvent[] = events.map((event, index) => ({ ...event, caseId: request.caseId, version: index + 1 }));
  return {
    when: (next: NewCaseEvent) => evolve(foldCase(stream), { ...next, caseId: request.caseId, version: stream.length + 1 }),
    state: (): CaseState | null => foldCase(stream),
  };
}

describe('evolve', () => {
  describe('given no events', () => {
    it('has no state', () => {
      expect(given().state()).toBeNull();
    });

    it('opens the case in Intake when the request is received', () => {
      const sut = given().when(requestReceived(request, '2026-11-01T09:00:00.000Z'));
      expect(sut).toMatchObject({
        caseId: request.caseId, stage: 'Intake', version: 1, category: 'SHELTER_SUPPORT', municipality: 'Zoetermeer',
        safetyRegion: 'haaglanden', eventDate: request.eventDate, riskLevel: null, receivedAt: '2026-11-01T09:00:00.000Z',
      });
    });

    it('refuses a history that starts with anything else', () => {
      expect(() => given().when(intakeAssessed())).toThrow(InvalidCaseHistoryError);
    });
  });

  describe('given a received request', () => {
    it('moves to Triage with the assessed risk', () => {
      const sut = given(requestReceived(request)).when(intakeAssessed('2026-11-01T09:05:00.000Z'));
      expect(sut).toMatchObject({ stage: 'Triage', version: 2, riskLevel: 'MEDIUM', riskReasons: ['test'], updatedAt: '2026-11-01T09:05:00.000Z' });
    });

    it('refuses the request a second time', () => {
      expect(() => given(requestReceived(request)).when(requestReceived(request))).toThrow(/received its request twice/);
    });
  });

  describe('given a case in triage', () => {
    const inTriage = () => given(requestReceived(request), intakeAssessed());

    it('moves to Accepted when the coordinator accepts', () => {
      expect(inTriage().when(caseEvent('RequestAccepted', {}, COORDINATOR, '2026-11-02T10:00:00.000Z'))).toMatchObject({ stage: 'Accepted', version: 3 });
    });

    it('moves to Rejected and keeps the reason when the coordinator rejects', () => {
      const sut = inTriage().when(caseEvent('RequestRejected', { reason: 'outside mandate' }, COORDINATOR, '2026-11-02T10:00:00.000Z'));
      expect(sut).toMatchObject({ stage: 'Rejected', rejectionReason: 'outside mandate' });
    });
  });

  describe('given an accepted case', () => {
    it('records when it was closed', () => {
      const sut = given(requestReceived(request), intakeAssessed(), caseEvent('RequestAccepted', {}, COORDINATOR, '2026-11-02T10:00:00.000Z'))
        .when(caseEvent('CaseClosed', { summary: 'done' }, COORDINATOR, '2026-11-20T16:00:00.000Z'));
      expect(sut).toMatchObject({ stage: 'Closed', version: 4, closedAt: '2026-11-20T16:00:00.000Z' });
    });
  });

  it('refuses an event type it does not know', () => {
    const unknown = { ...intakeAssessed(), type: 'ExpertTeleported' } as unknown as NewCaseEvent;
    expect(() => given(requestReceived(request)).when(unknown)).toThrow(/unknown case event/);
  });
});

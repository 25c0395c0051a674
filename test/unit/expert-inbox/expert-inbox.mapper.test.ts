import { caseEvent, type NewCaseEvent } from '../../../src/domain/case.events';
import { foldCase, type CaseState } from '../../../src/domain/case.state';
import { SYSTEM_ACTOR } from '../../../src/domain/case.vocabulary';
import { toInboxCases, toInboxOffers, toInboxTasks } from '../../../src/expert-inbox/expert-inbox.mapper';
import { aSupportRequest, intakeAssessed, requestReceived } from '../../support/case-fixtures';
import { domainText } from '../../../src/domain/domain-text';

const ANOUK = { expertId: 'expert-anouk', name: 'Anouk de Vries' };
const BRAM = { expertId: 'expert-bram', name: 'Bram Jansen' };

const offered = (offerId: string, expert: { expertId: string; name: string }, expiresAt: string) =>
  caseEvent('ExpertOffered', { offerId, expertId: expert.expertId, expertName: expert.name, round: 1, expiresAt }, SYSTEM_ACTOR, '2026-11-01T10:00:00.000Z');
const offerAccepted = (offerId: string, expert: { expertId: string }) =>
  caseEvent('OfferAccepted', { offerId, expertId: expert.expertId }, { role: 'expert', id: expert.expertId }, '2026-11-01T11:00:00.000Z');
const teamAssembled = () => caseEvent('TeamAssembled', {
  members: [{ ...ANOUK, role: 'lead' }, { ...BRAM, role: 'support' }],
}, SYSTEM_ACTOR, '2026-11-01T12:00:00.000Z');
const taskAssigned = (taskId: string, assignee: { expertId: string }, dueAt: string) =>
  caseEvent('TaskAssigned', { taskId, templateId: 'risk-analysis', title: domainText('task.risk_analysis'), assigneeId: assignee.expertId, dueAt }, SYSTEM_ACTOR, '2026-11-02T09:00:00.000Z');
const taskCompleted = (taskId: string) => caseEvent('TaskCompleted', { taskId, outcome: 'done' }, SYSTEM_ACTOR, '2026-11-03T09:00:00.000Z');
const taskWithdrawn = (taskId: string) => caseEvent('TaskWithdrawn', { taskId, reason: domainText('reason.session_held_without_task') }, SYSTEM_ACTOR, '2026-11-03T09:00:00.000Z');
const cancelled = () => caseEvent('CaseCancelled', { reason: 'the meeting was called off' }, SYSTEM_ACTOR, '2026-11-04T09:00:00.000Z');

/** Folds a case from a fresh request followed by the given events; `caseId` and `eventDate` can be chosen. */
function aCase(request: { caseId?: string; eventDate?: string }, ...events: NewCaseEvent[]): CaseState {
  const supportRequest = aSupportRequest(request);
  const stream = [requestReceived(supportRequest), intakeAssessed(), ...events]
    .map((event, index) => ({ ...event, caseId: supportRequest.caseId, version: index + 1 }));
  const state = foldCase(stream);
  if (!state) throw new Error('a case with events folds to a state');
  return state;
}

describe('the expert inbox mapping', () => {
  describe('offers', () => {
    it("lists only the expert's own open offers, with the case they are for", () => {
      const state = aCase({}, offered('offer-1', ANOUK, '2026-11-01T14:00:00.000Z'), offered('offer-2', BRAM, '2026-11-01T13:00:00.000Z'));

      const sut = toInboxOffers([state], ANOUK.expertId);

      expect(sut).toStrictEqual([{
        offerId: 'offer-1', caseId: state.caseId, category: 'SHELTER_SUPPORT', municipality: 'Zoetermeer', safetyRegion: 'haaglanden',
        riskLevel: 'MEDIUM', eventDate: '2027-01-20T19:00:00.000Z', round: 1, expiresAt: '2026-11-01T14:00:00.000Z',
      }]);
    });

    it('puts the offer that lapses first on top, comparing instants rather than text', () => {
      const later = aCase({}, offered('offer-later', ANOUK, '2026-11-01T09:30:00.000Z'));
      // 10:00 at +01:00 is 09:00 UTC: sooner, although it sorts later as text.
      const sooner = aCase({}, offered('offer-sooner', ANOUK, '2026-11-01T10:00:00+01:00'));

      const sut = toInboxOffers([later, sooner], ANOUK.expertId);

      expect(sut.map((offer) => offer.offerId)).toStrictEqual(['offer-sooner', 'offer-later']);
    });

    it('orders offers that lapse at the same instant by case id, so the list does not shuffle', () => {
      const second = aCase({ caseId: 'bbbbbbbb-0000-4000-8000-000000000000' }, offered('offer-b', ANOUK, '2026-11-01T14:00:00.000Z'));
      const first = aCase({ caseId: 'aaaaaaaa-0000-4000-8000-000000000000' }, offered('offer-a', ANOUK, '2026-11-01T14:00:00.000Z'));

      expect(toInboxOffers([second, first], ANOUK.expertId).map((offer) => offer.offerId)).toStrictEqual(['offer-a', 'offer-b']);
    });
  });

  describe('tasks', () => {
    it("lists the expert's open tasks soonest due first, leaving out completed, withdrawn and other experts' tasks", () => {
      const state = aCase(
        {},
        offered('offer-1', ANOUK, '2026-11-01T14:00:00.000Z'), offerAccepted('offer-1', ANOUK), teamAssembled(),
        taskAssigned('task-late', ANOUK, '2026-11-09T21:00:00.000Z'),
        taskAssigned('task-early', ANOUK, '2026-11-08T21:00:00.000Z'),
        taskAssigned('task-done', ANOUK, '2026-11-07T21:00:00.000Z'), taskCompleted('task-done'),
        taskAssigned('task-dropped', ANOUK, '2026-11-07T21:00:00.000Z'), taskWithdrawn('task-dropped'),
        taskAssigned('task-bram', BRAM, '2026-11-06T21:00:00.000Z'),
      );

      const sut = toInboxTasks([state], ANOUK.expertId, 'nl');

      expect(sut.map((task) => task.taskId)).toStrictEqual(['task-early', 'task-late']);
      expect(sut[0]).toStrictEqual({
        taskId: 'task-early', caseId: state.caseId, title: { code: 'task.risk_analysis', text: 'Risicoanalyse' }, templateId: 'risk-analysis', dueAt: '2026-11-08T21:00:00.000Z',
        stage: 'Preparation', category: 'SHELTER_SUPPORT', municipality: 'Zoetermeer', eventDate: '2027-01-20T19:00:00.000Z',
      });
    });
  });

  describe('cases', () => {
    const onTeam = (...events: NewCaseEvent[]) => [teamAssembled(), ...events];

    it("gives each case the expert's role in it and its next deadline, and leaves out cases the expert is not on", () => {
      const mine = aCase({}, ...onTeam(taskAssigned('task-1', BRAM, '2026-11-08T21:00:00.000Z')));
      const notMine = aCase({}, offered('offer-1', ANOUK, '2026-11-01T14:00:00.000Z'));

      expect(toInboxCases([mine, notMine], BRAM.expertId)).toStrictEqual([{
        caseId: mine.caseId, role: 'support', stage: 'Preparation', category: 'SHELTER_SUPPORT', municipality: 'Zoetermeer',
        safetyRegion: 'haaglanden', riskLevel: 'MEDIUM', eventDate: '2027-01-20T19:00:00.000Z',
        nextDeadline: { at: '2026-11-08T21:00:00.000Z', kind: 'task', id: 'task-1' },
      }]);
    });

    it('puts the nearest deadline first and cases with nothing due last, those by their event date', () => {
      const later = aCase({}, ...onTeam(taskAssigned('task-later', ANOUK, '2026-11-09T21:00:00.000Z')));
      const idleLateEvent = aCase({ eventDate: '2027-06-01T19:00:00.000Z' }, ...onTeam());
      const sooner = aCase({}, ...onTeam(taskAssigned('task-sooner', BRAM, '2026-11-05T21:00:00.000Z')));
      const idleEarlyEvent = aCase({ eventDate: '2027-02-01T19:00:00.000Z' }, ...onTeam());
      const ended = aCase({ eventDate: '2026-12-01T19:00:00.000Z' }, ...onTeam(cancelled()));

      const sut = toInboxCases([later, idleLateEvent, sooner, ended, idleEarlyEvent], ANOUK.expertId);

      expect(sut.map((c) => c.caseId)).toStrictEqual([sooner, later, ended, idleEarlyEvent, idleLateEvent].map((c) => c.caseId));
      expect(sut.map((c) => c.nextDeadline?.id ?? null)).toStrictEqual(['task-sooner', 'task-later', null, null, null]);
    });
  });
});

import { caseEvent, type CaseEvent, type NewCaseEvent } from '../../../src/domain/case.events';
import { foldCase, type CaseState } from '../../../src/domain/case.state';
import { SYSTEM_ACTOR } from '../../../src/domain/case.vocabulary';
import { departureOf } from '../../../src/domain/expert-departure';
import { COORDINATOR, aSupportRequest, intakeAssessed, requestReceived } from '../../support/case-fixtures';
import { literalText } from '../../../src/domain/domain-text';

const ANOUK = 'expert-anouk';
const BRAM = 'expert-bram';
const NOW = '2026-11-08T09:00:00.000Z';

const offered = (offerId: string, expertId: string, round = 1) =>
  caseEvent('ExpertOffered', { offerId, expertId, expertName: expertId, round, expiresAt: '2026-11-08T13:00:00.000Z' }, SYSTEM_ACTOR, NOW);
const joined = (offerId: string, expertId: string) => caseEvent('OfferAccepted', { offerId, expertId }, { role: 'expert', id: expertId }, NOW);
const task = (taskId: string, assigneeId: string, dueAt: string) =>
  caseEvent('TaskAssigned', { taskId, templateId: taskId, title: literalText(taskId), assigneeId, dueAt }, SYSTEM_ACTOR, NOW);

function stateOf(...events: NewCaseEvent[]): CaseState {
  const request = aSupportRequest();
  const stream = [requestReceived(request), intakeAssessed(), caseEvent('RequestAccepted', {}, COORDINATOR, NOW), ...events];
  return foldCase(stream.map((event, index) => ({ ...event, caseId: request.caseId, version: index + 1 }) as CaseEvent))!;
}

const typesAndData = (events: NewCaseEvent[]) => events.map((event) => [event.type, event.data]);

describe('departureOf', () => {
  describe('given an open offer to the expert during matching', () => {
    it('withdraws it because the expert was deactivated, and needs nobody', () => {
      const sut = departureOf(stateOf(offered('offer-1-1', ANOUK), offered('offer-1-2', BRAM)), ANOUK, NOW);
      expect(typesAndData(sut.events)).toEqual([['OfferWithdrawn', { offerId: 'offer-1-1', expertId: ANOUK, reason: { code: 'reason.expert_deactivated' } }]]);
      expect(sut).toMatchObject({ leadLeft: false, urgentTaskIds: [] });
    });
  });

  describe('given the lone lead of a team still being matched', () => {
    it('takes them off the team without asking for a new lead, as whoever joins next leads', () => {
      const sut = departureOf(stateOf(offered('offer-1-1', ANOUK), joined('offer-1-1', ANOUK)), ANOUK, NOW);
      expect(typesAndData(sut.events)).toEqual([['TeamMemberRemoved', { expertId: ANOUK, reason: { code: 'reason.expert_deactivated' } }]]);
      expect(sut.leadLeft).toBe(false);
    });
  });

  describe('given the lead of an assembled team with open tasks, one due within a day and one later', () => {
    const state = () => stateOf(
      offered('offer-1-1', ANOUK), joined('offer-1-1', ANOUK), offered('offer-2-1', BRAM, 2), joined('offer-2-1', BRAM),
      caseEvent('TeamAssembled', { members: [{ expertId: ANOUK, name: ANOUK, role: 'lead' }, { expertId: BRAM, name: BRAM, role: 'support' }] }, SYSTEM_ACTOR, NOW),
      task('task-1', ANOUK, '2026-11-08T20:00:00.000Z'), task('task-2', ANOUK, '2026-11-12T20:00:00.000Z'), task('task-3', BRAM, '2026-11-08T20:00:00.000Z'),
    );

    it('returns both tasks to the coordinator, takes the lead off the team and asks for a new lead', () => {
      const sut = departureOf(state(), ANOUK, NOW);
      expect(sut.events.map((event) => event.type)).toEqual(['TaskReturned', 'TaskReturned', 'TeamMemberRemoved']);
      expect(sut.leadLeft).toBe(true);
    });

    it('names only the task due within the escalation window as urgent', () => {
      expect(departureOf(state(), ANOUK, NOW).urgentTaskIds).toEqual(['task-1']);
    });
  });

  describe('given an expert who takes no part in the case', () => {
    it('records nothing', () => {
      const sut = departureOf(stateOf(offered('offer-1-1', ANOUK)), 'expert-carla', NOW);
      expect(sut).toEqual({ events: [], leadLeft: false, teamEmptied: false, urgentTaskIds: [] });
    });
  });
});

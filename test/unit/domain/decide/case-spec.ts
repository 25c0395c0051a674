import type { CaseCommand, DecisionContext } from '../../../../src/domain/case-command';
import { decide } from '../../../../src/domain/case-decider';
import type { CaseRefusalCode, CaseInputProblem } from '../../../../src/domain/case-refusal-codes';
import { caseEvent, type CaseEvent, type NewCaseEvent } from '../../../../src/domain/case.events';
import { foldCase } from '../../../../src/domain/case.state';
import { SYSTEM_ACTOR, type Actor } from '../../../../src/domain/case.vocabulary';
import { literalText } from '../../../../src/domain/domain-text';
import { COORDINATOR, aSupportRequest, intakeAssessed, requestReceived } from '../../../support/case-fixtures';

/** Given past events, when a command, then the events it records or the refusal it meets (emmett's specification style). */
export function given(events: readonly NewCaseEvent[], context: DecisionContext = {}) {
  const state = events.length === 0 ? null : foldCase(events.map((event, index) => ({ ...event, caseId: 'case-spec', version: index + 1 }) as CaseEvent));
  return {
    when(command: CaseCommand, actor: Actor = COORDINATOR, now = NOW) {
      const sut = decide(state, command, actor, now, context);
      return {
        /** Expects exactly these events, compared by type and data. */
        then(expected: readonly NewCaseEvent[]) {
          if (sut.outcome === 'refused') throw new Error(`refused: ${JSON.stringify(sut.refusal.detail)}`);
          expect(sut.events.map(typeAndData)).toEqual(expected.map(typeAndData));
        },
        /** Expects a refusal with this code (and, when given, these params). */
        thenRefused(code: CaseRefusalCode, params?: Record<string, unknown>) {
          if (sut.outcome === 'accepted') throw new Error(`accepted: ${JSON.stringify(sut.events.map((e) => e.type))}`);
          expect(sut.refusal.detail.code).toBe(code);
          if (params) expect(sut.refusal.detail.params).toEqual(params);
        },
        /** Expects the field to be refused with this problem. */
        thenInvalid(field: string, problem: CaseInputProblem) {
          if (sut.outcome === 'accepted') throw new Error(`accepted: ${JSON.stringify(sut.events.map((e) => e.type))}`);
          expect(sut.refusal.kind).toBe('invalidInput');
          expect('fields' in sut.refusal.detail && sut.refusal.detail.fields[0]).toMatchObject({ field, issues: [{ code: problem }] });
        },
      };
    },
  };
}

function typeAndData(event: NewCaseEvent) {
  return { type: event.type, data: event.data };
}

/** The time decisions are taken at in these specifications. */
export const NOW = '2026-11-10T09:00:00.000Z';
export { COORDINATOR };
/** An expert who leads the team in these specifications. */
export const LEAD: Actor = { role: 'expert', id: 'expert-lead' };
/** An expert who supports the team in these specifications. */
export const SUPPORT: Actor = { role: 'expert', id: 'expert-support' };
/** An expert who is not on the team. */
export const OUTSIDER: Actor = { role: 'expert', id: 'expert-outsider' };

const at = '2026-11-01T10:00:00.000Z';
/** Past events, building a case up to each stage. */
export const past = {
  received: () => [requestReceived(aSupportRequest({ caseId: 'case-spec', eventDate: '2026-12-01T19:00:00.000Z' }))],
  inTriage: () => [...past.received(), intakeAssessed()],
  accepted: () => [...past.inTriage(), caseEvent('RequestAccepted', {}, COORDINATOR, at)],
  offered: (offerId: string, expert: Actor) => caseEvent('ExpertOffered', { offerId, expertId: expert.id, expertName: expert.id, round: 1, expiresAt: '2026-11-02T10:00:00.000Z' }, SYSTEM_ACTOR, at),
  joined: (offerId: string, expert: Actor) => caseEvent('OfferAccepted', { offerId, expertId: expert.id }, expert, at),
  /** Matching with the lead on the team and an offer open to the support expert. */
  matching: () => [...past.accepted(), past.offered('offer-1-1', LEAD), past.offered('offer-1-2', SUPPORT), past.joined('offer-1-1', LEAD)],
  teamAssembled: () => [...past.matching(), past.joined('offer-1-2', SUPPORT), caseEvent('TeamAssembled', { members: [
    { expertId: LEAD.id, name: LEAD.id, role: 'lead' }, { expertId: SUPPORT.id, name: SUPPORT.id, role: 'support' },
  ] }, SYSTEM_ACTOR, at)],
  task: (taskId: string, assignee: Actor) => caseEvent('TaskAssigned', { taskId, templateId: taskId, title: literalText(taskId), assigneeId: assignee.id, dueAt: '2026-11-20T10:00:00.000Z' }, SYSTEM_ACTOR, at),
  /** Preparation with a session scheduled and an open task for each member. */
  preparation: () => [...past.teamAssembled(), caseEvent('PreparatorySessionScheduled', { scheduledAt: '2026-11-25T10:00:00.000Z' }, SYSTEM_ACTOR, at), past.task('task-1', LEAD), past.task('task-2', SUPPORT)],
  intervention: () => [...past.preparation(), caseEvent('PreparatorySessionHeld', { outcomes: 'Went well' }, LEAD, at)],
  followUp: () => [...past.intervention(), caseEvent('InterventionReported', { outcome: 'calm', notes: 'Calm' }, LEAD, at),
    caseEvent('FollowUpScheduled', { followUpId: 'day-7', dueAt: '2026-12-08T19:00:00.000Z' }, SYSTEM_ACTOR, at)],
  evaluation: () => [...past.followUp(), caseEvent('FollowUpCompleted', { followUpId: 'day-7', ongoingRisk: false, notes: 'Quiet' }, LEAD, at)],
  escalation: (escalationId: string) => caseEvent('EscalationRaised', { escalationId, trigger: 'missedDeadline', subject: escalationId, reason: literalText('late'), level: 1, target: 'dutyCoordinator', ackDeadline: '2026-11-02T10:00:00.000Z' }, SYSTEM_ACTOR, at),
  cancelled: () => [...past.inTriage(), caseEvent('CaseCancelled', { reason: 'No longer needed' }, COORDINATOR, at)],
};

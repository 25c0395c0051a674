import { caseEvent, type CaseEvent, type NewCaseEvent } from '../../../src/domain/case.events';
import { foldCase, type CaseState } from '../../../src/domain/case.state';
import { SYSTEM_ACTOR } from '../../../src/domain/case.vocabulary';
import type { EscalationTrigger } from '../../../src/domain/escalation-policy';
import { settledEscalations } from '../../../src/domain/escalation-causes';
import { COORDINATOR, aSupportRequest, intakeAssessed, requestReceived } from '../../support/case-fixtures';
import { literalText } from '../../../src/domain/domain-text';
import { SYSTEM_REASONS } from '../../../src/domain/system-reasons';

const ANOUK = 'expert-anouk';
const BRAM = 'expert-bram';
const NOW = '2026-11-08T09:00:00.000Z';
const LATER = '2026-11-09T09:00:00.000Z';

let escalations = 0;
const raised = (trigger: EscalationTrigger, subject: string) => caseEvent('EscalationRaised', {
  escalationId: `esc-${++escalations}`, trigger, subject, reason: literalText(subject), level: 1, target: 'dutyCoordinator', ackDeadline: LATER,
}, SYSTEM_ACTOR, NOW);
const assigned = (expertId: string) => caseEvent('ExpertAssignedManually', { expertId, expertName: expertId, warnings: [] }, COORDINATOR, NOW);
const assembled = () => caseEvent('TeamAssembled', { members: [{ expertId: ANOUK, name: ANOUK, role: 'lead' }, { expertId: BRAM, name: BRAM, role: 'support' }] }, SYSTEM_ACTOR, NOW);
const task = (taskId: string, assigneeId: string) =>
  caseEvent('TaskAssigned', { taskId, templateId: taskId, title: literalText(taskId), assigneeId, dueAt: LATER }, SYSTEM_ACTOR, NOW);

function stateOf(...events: NewCaseEvent[]): CaseState {
  const request = aSupportRequest();
  const stream = [requestReceived(request), intakeAssessed(), caseEvent('RequestAccepted', {}, COORDINATOR, NOW), ...events];
  return foldCase(stream.map((event, index) => ({ ...event, caseId: request.caseId, version: index + 1 }) as CaseEvent))!;
}

const resolutions = (state: CaseState) => settledEscalations(state).map((settled) => settled.resolution);

describe('settledEscalations', () => {
  describe('given a failed match', () => {
    it('keeps it open while the team is still being filled by hand', () => {
      expect(resolutions(stateOf(raised('failedMatch', 'matching'), assigned(ANOUK)))).toEqual([]);
    });

    it('settles it, and the unanswered offer round, once the team is assembled', () => {
      expect(resolutions(stateOf(raised('missedDeadline', 'offer-round'), raised('failedMatch', 'matching'), assigned(ANOUK), assigned(BRAM), assembled())))
        .toEqual(['teamAssembled', 'teamAssembled']);
    });
  });

  describe('given a team whose lead or only member left', () => {
    it('settles the call for a new lead once one is appointed', () => {
      const leaderless = [assembled(), raised('expertDeactivated', 'lead'), caseEvent('TeamMemberRemoved', { expertId: ANOUK, reason: SYSTEM_REASONS.expertDeactivated }, SYSTEM_ACTOR, NOW)];
      expect(resolutions(stateOf(...leaderless))).toEqual([]);
      expect(resolutions(stateOf(...leaderless, caseEvent('LeadAppointed', { expertId: BRAM }, COORDINATOR, NOW)))).toEqual(['leadAppointed']);
    });

    it('settles the call for a member once someone is assigned by hand', () => {
      const emptied = [assembled(), caseEvent('TeamMemberRemoved', { expertId: ANOUK, reason: SYSTEM_REASONS.expertDeactivated }, SYSTEM_ACTOR, NOW),
        caseEvent('TeamMemberRemoved', { expertId: BRAM, reason: SYSTEM_REASONS.expertDeactivated }, SYSTEM_ACTOR, NOW), raised('expertDeactivated', 'team')];
      expect(resolutions(stateOf(...emptied))).toEqual([]);
      expect(resolutions(stateOf(...emptied, assigned('expert-carla')))).toEqual(['memberAssigned']);
    });
  });

  describe('given overdue work', () => {
    it('settles an overdue task once it is completed or withdrawn, and not before', () => {
      const overdue = [assembled(), task('task-1', ANOUK), task('task-2', BRAM), raised('missedDeadline', 'task:task-1'), raised('missedDeadline', 'task:task-2')];
      expect(resolutions(stateOf(...overdue))).toEqual([]);
      expect(resolutions(stateOf(...overdue, caseEvent('TaskCompleted', { taskId: 'task-1', outcome: 'done' }, { role: 'expert', id: ANOUK }, NOW),
        caseEvent('TaskWithdrawn', { taskId: 'task-2', reason: SYSTEM_REASONS.sessionHeldWithoutTask }, SYSTEM_ACTOR, NOW)))).toEqual(['taskCompleted', 'taskWithdrawn']);
    });

    it('settles returned tasks once none is left with the coordinator', () => {
      const returned = [assembled(), task('task-1', ANOUK), caseEvent('TaskReturned', { taskId: 'task-1', expertId: ANOUK, reason: SYSTEM_REASONS.expertDeactivated }, SYSTEM_ACTOR, NOW),
        raised('expertDeactivated', `returned:${ANOUK}`)];
      expect(resolutions(stateOf(...returned))).toEqual([]);
      expect(resolutions(stateOf(...returned, caseEvent('TaskReassigned', { taskId: 'task-1', assigneeId: BRAM }, COORDINATOR, NOW)))).toEqual(['returnedTasksTakenOver']);
    });
  });

  it('leaves escalations about a judgement to the coordinator', () => {
    expect(resolutions(stateOf(assembled(), raised('riskRaised', 'risk:HIGH'), raised('expertConcern', 'concern:7'), raised('incidentReported', 'intervention-incident'))))
      .toEqual([]);
  });
});

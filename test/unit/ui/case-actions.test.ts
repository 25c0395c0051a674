import type { CaseState } from '../../../src/domain/case.state';
import { coordinatorActions, progressLine, STAGE_LINE, withheldActions } from '../../../src/ui/client/case-actions';
import { domainText } from '../../../src/domain/domain-text';

function aState(overrides: Partial<CaseState>): CaseState {
  return {
    caseId: 'c1', stage: 'Triage', version: 2, category: 'INCIDENT', municipalityCode: 'GM0664', municipality: 'Goes', safetyRegion: 'zeeland', requesterRole: 'mayor',
    eventDate: null, riskLevel: 'MEDIUM', riskReasons: [], triageDueAt: null, rejectionReason: null, team: [], openOffers: [], askedExpertIds: [], tasks: [],
    session: null, intervention: null, openEscalations: [], escalationCount: 0, failedNotifications: 0, followUps: [], evaluation: null, cancellationReason: null,
    receivedAt: '2026-11-30T10:00:00.000Z', updatedAt: '2026-11-30T10:00:00.000Z', closedAt: null, ...overrides,
  };
}

describe('what a coordinator may do right now', () => {
  it.each([
    ['Intake', {}, ['triage', 'changeRisk', 'cancel']],
    ['Triage', {}, ['triage', 'changeRisk', 'cancel']],
    ['Matching', {}, ['assign', 'changeRisk', 'cancel']],
    ['Preparation', {}, ['scheduleSession', 'changeRisk', 'cancel']],
    ['Preparation', { session: { scheduledAt: '2026-12-01T10:00:00.000Z', heldAt: null, outcomes: null } }, ['scheduleSession', 'holdSession', 'changeRisk', 'cancel']],
    ['Preparation', { team: [{ expertId: 'e2', name: 'Bram', role: 'support' as const }] }, ['appointLead', 'scheduleSession', 'changeRisk', 'cancel']],
    ['Preparation', {
      tasks: [{ taskId: 'task-1', templateId: 'risk-analysis', title: domainText('task.risk_analysis'), assigneeId: null, dueAt: '2026-12-01T10:00:00.000Z', status: 'open' as const, outcome: null }],
    }, ['returnedTasks', 'scheduleSession', 'changeRisk', 'cancel']],
    ['FollowUp', { team: [{ expertId: 'e2', name: 'Bram', role: 'support' as const }] }, ['appointLead', 'changeRisk', 'cancel']],
    ['Intervention', {}, ['changeRisk', 'cancel']],
    ['FollowUp', {}, ['changeRisk', 'cancel']],
    ['Evaluation', {}, ['evaluate', 'changeRisk', 'cancel']],
    ['Evaluation', { evaluation: 'Goed verlopen' }, ['close', 'changeRisk', 'cancel']],
    ['Closed', {}, []],
    ['Rejected', {}, []],
    ['Cancelled', {}, []],
  ] as const)('in %s (%j): %j', (stage, overrides, expected) => {
    expect(coordinatorActions(aState({ stage, ...overrides }))).toEqual(expected);
  });
});

describe('what the case holds back for now', () => {
  const escalation = {
    escalationId: 'esc-1', trigger: 'expertConcern' as const, subject: 'concern:9', reason: domainText('escalation.expert_concern', { concern: 'x' }),
    level: 1, target: 'dutyCoordinator' as const, raisedAt: '2026-11-30T10:00:00.000Z', ackDeadline: '2026-11-30T12:00:00.000Z',
  };

  it('does not offer the closure of an evaluated case while an escalation is open, and says why', () => {
    const state = aState({ stage: 'Evaluation', evaluation: 'Goed verlopen', openEscalations: [escalation] });

    expect(coordinatorActions(state)).toEqual(['changeRisk', 'cancel']);
    expect(withheldActions(state)).toEqual([{ action: 'close', reason: { code: 'escalations_open', params: {} } }]);
  });

  it('holds nothing back once the escalations are dealt with', () => {
    expect(withheldActions(aState({ stage: 'Evaluation', evaluation: 'Goed verlopen' }))).toEqual([]);
  });
});

describe('the stage line', () => {
  it('runs from intake to closed without the endings that stop a case', () => {
    expect(STAGE_LINE).toEqual(['Intake', 'Triage', 'Matching', 'Preparation', 'Intervention', 'FollowUp', 'Evaluation', 'Closed']);
  });

  it('marks the stages before the current one done and the rest to do', () => {
    expect(progressLine('Preparation', null).map((step) => step.status))
      .toEqual(['done', 'done', 'done', 'current', 'todo', 'todo', 'todo', 'todo']);
  });

  it('marks a closed case as being at its last stage', () => {
    expect(progressLine('Closed', null).map((step) => step.status)).toEqual([...Array(7).fill('done'), 'current']);
  });

  it('marks where a cancelled case stopped', () => {
    expect(progressLine('Cancelled', 'Matching').map((step) => step.status))
      .toEqual(['done', 'done', 'stopped', 'todo', 'todo', 'todo', 'todo', 'todo']);
  });
});

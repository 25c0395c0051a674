import { upcastCaseEvent } from '../../../src/domain/case-event-upcaster';
import { CASE_EVENT_SCHEMA_VERSIONS, type CaseEvent } from '../../../src/domain/case.events';
import { foldCase } from '../../../src/domain/case.state';
import { upcastCaseState } from '../../../src/domain/case-state-upcaster';
import { SYSTEM_ACTOR } from '../../../src/domain/case.vocabulary';
import { domainText, literalText } from '../../../src/domain/domain-text';
import { sentenceText } from '../../../src/domain/legacy-sentences';
import { aSupportRequest, requestReceived } from '../../support/case-fixtures';

const CASE_ID = 'c0ffee00-0000-4000-8000-0000000000aa';
const AT = '2026-11-01T09:00:00.000Z';

/** An event as a release before coded texts stored it: schema version 1, English sentences in its data. */
function storedV1(type: CaseEvent['type'], data: Record<string, unknown>, version = 2): CaseEvent {
  return { type, schemaVersion: 1, data, actor: SYSTEM_ACTOR, occurredAt: AT, caseId: CASE_ID, version } as CaseEvent;
}

describe('upcastCaseEvent', () => {
  describe('given an IntakeAssessed of schema version 1 with English reasons', () => {
    const stored = storedV1('IntakeAssessed', {
      riskLevel: 'HIGH', score: 7, reasons: ['threats have been received', '4 prior incidents', '2 prior incident(s)', '250 people expected'],
    });

    it('reads each reason as its code with its parameters, at the current schema version', () => {
      const sut = upcastCaseEvent(stored);

      expect(sut.schemaVersion).toBe(CASE_EVENT_SCHEMA_VERSIONS.IntakeAssessed);
      expect(sut.data).toEqual({
        riskLevel: 'HIGH', score: 7, reasons: [
          { code: 'risk.threats_received' }, { code: 'risk.prior_incidents', params: { count: 4 } },
          { code: 'risk.prior_incidents', params: { count: 2 } }, { code: 'risk.expected_attendance', params: { count: 250 } },
        ],
      });
    });

    it('leaves the stored event as it was, since its bytes are hashed', () => {
      const before = JSON.stringify(stored);
      upcastCaseEvent(stored);
      expect(JSON.stringify(stored)).toBe(before);
    });
  });

  it.each([
    ['TaskAssigned', 'title', 'Threat assessment with police', domainText('task.threat_assessment')],
    ['OfferWithdrawn', 'reason', 'expert deactivated', domainText('reason.expert_deactivated')],
    ['OfferWithdrawn', 'reason', 'conflict of interest: lives and works in the requesting municipality',
      domainText('reason.conflict_of_interest', { conflict: domainText('conflict.lives_in_municipality') })],
    ['TaskWithdrawn', 'reason', 'the case was cancelled', domainText('reason.case_cancelled')],
    ['TaskReturned', 'reason', 'expert deactivated', domainText('reason.expert_deactivated')],
    ['TeamMemberRemoved', 'reason', 'expert deactivated', domainText('reason.expert_deactivated')],
    ['RiskLevelChanged', 'reason', 'an incident occurred during the intervention', domainText('risk.incident_during_intervention')],
    ['EscalationRaised', 'reason', 'the preparatory session cannot take place before the event', domainText('escalation.session_after_event')],
    ['EscalationRaised', 'reason', 'no eligible expert left in the pool; 2 place(s) open', domainText('escalation.pool_exhausted', { places: 2 })],
    ['EscalationRaised', 'reason', 'task "Risk analysis" is overdue', domainText('escalation.task_overdue', { task: domainText('task.risk_analysis') })],
    ['EscalationRaised', 'reason', 'risk raised from MEDIUM to HIGH: a letter at home', domainText('escalation.risk_raised', {
      from: domainText('riskLevel.MEDIUM'), to: domainText('riskLevel.HIGH'), reason: literalText('a letter at home'),
    })],
    ['EscalationRaised', 'reason', 'an expert raised a concern: one exit\nand no guards',
      domainText('escalation.expert_concern', { concern: literalText('one exit\nand no guards') })],
    ['EscalationRaised', 'reason', 'tasks task-1, task-3 came back from a deactivated expert and fall due within 24 hours',
      domainText('escalation.returned_tasks_due', { tasks: 'task-1, task-3', hours: 24 })],
  ] as const)('reads the %s %s %j of schema version 1 as its code', (type, field, sentence, expected) => {
    expect(upcastCaseEvent(storedV1(type, { [field]: sentence })).data).toEqual({ [field]: expected });
  });

  it('keeps a sentence no code knows as a literal text, so nothing is lost', () => {
    const sut = upcastCaseEvent(storedV1('RiskLevelChanged', { from: 'LOW', to: 'HIGH', reason: 'een dreigbrief bij de burgemeester' }));
    expect(sut.data).toEqual({ from: 'LOW', to: 'HIGH', reason: literalText('een dreigbrief bij de burgemeester') });
  });

  it('leaves an event of the current schema version as it is', () => {
    const current = { ...storedV1('TaskWithdrawn', { taskId: 't', reason: domainText('reason.team_complete') }), schemaVersion: 2 } as CaseEvent;
    expect(upcastCaseEvent(current)).toBe(current);
  });

  it('leaves an event type whose data never held sentences as it is', () => {
    const accepted = storedV1('RequestAccepted', { note: 'the mayor called' });
    expect(upcastCaseEvent(accepted)).toBe(accepted);
  });
});

describe('folding a stream recorded before texts were coded', () => {
  it('gives a state with coded risk reasons, task titles and escalation reasons', () => {
    const received = { ...requestReceived(aSupportRequest({ caseId: CASE_ID }), AT), caseId: CASE_ID, version: 1 } as CaseEvent;
    const sut = foldCase([
      received,
      storedV1('IntakeAssessed', { riskLevel: 'MEDIUM', score: 3, reasons: ['the situation has local media attention'] }, 2),
      storedV1('TaskAssigned', { taskId: 'task-1', templateId: 'risk-analysis', title: 'Risk analysis', assigneeId: 'e1', dueAt: AT }, 3),
      storedV1('EscalationRaised', {
        escalationId: 'esc-1', trigger: 'missedDeadline', subject: 'triage', reason: 'the request was not triaged before its deadline',
        level: 1, target: 'dutyCoordinator', ackDeadline: AT,
      }, 4),
    ])!;

    expect(sut.riskReasons).toEqual([domainText('risk.local_media')]);
    expect(sut.tasks[0].title).toEqual(domainText('task.risk_analysis'));
    expect(sut.openEscalations[0].reason).toEqual(domainText('escalation.triage_overdue'));
  });
});

describe('upcastCaseState', () => {
  it('codes the sentences of a read-model row folded before texts were coded, and keeps coded texts', () => {
    const received = { ...requestReceived(aSupportRequest({ caseId: CASE_ID }), AT), caseId: CASE_ID, version: 1 } as CaseEvent;
    const state = foldCase([received])!;
    const old = {
      ...state,
      riskReasons: ['threats have been received', domainText('risk.online_agitation'), 'a letter at home'],
      tasks: [{ taskId: 'task-1', templateId: 'security-plan', title: 'Personal security plan', assigneeId: 'e1', dueAt: AT, status: 'open', outcome: null }],
    } as unknown as typeof state;

    const sut = upcastCaseState(old);

    expect(sut.riskReasons).toEqual([domainText('risk.threats_received'), domainText('risk.online_agitation'), literalText('a letter at home')]);
    expect(sut.tasks[0].title).toEqual(domainText('task.security_plan'));
  });
});

describe('sentenceText', () => {
  it('codes the conflicts matching still words in English', () => {
    expect(sentenceText('declared a conflict of interest')).toEqual(domainText('conflict.declared'));
  });
});

describe('upcastCaseState of a partial state', () => {
  it('leaves absent lists absent', () => {
    expect(upcastCaseState({ caseId: CASE_ID } as unknown as ReturnType<typeof foldCase> & object)).toEqual({ caseId: CASE_ID });
  });
});

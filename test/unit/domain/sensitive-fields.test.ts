import {
  CASE_EVENT_TYPES, caseEvent, type CaseEvent, type CaseEventPayloads, type CaseEventType, type NewCaseEvent,
} from '../../../src/domain/case.events';
import { foldCase, type CaseState } from '../../../src/domain/case.state';
import { SYSTEM_ACTOR, type Actor } from '../../../src/domain/case.vocabulary';
import {
  REDACTED, maySeeSensitiveFields, redactCaseEvent, redactCaseState, redactSupportRequest,
} from '../../../src/domain/sensitive-fields';
import type { SupportRequest } from '../../../src/domain/support-request';
import { COORDINATOR, aSupportRequest } from '../../support/case-fixtures';
import { domainText, literalText } from '../../../src/domain/domain-text';
import { ESCALATION_REASONS } from '../../../src/domain/escalation-reasons';
import { SYSTEM_REASONS } from '../../../src/domain/system-reasons';

// Every text a person could have typed starts with SECRET; everything else must come through redaction unchanged.
const SECRET = 'secret';
const secret = (what: string) => `${SECRET}: ${what}`;
const LEAD = { expertId: 'expert-lead', name: 'Anouk de Vries' };
const OFFERED = 'expert-offered';
const asLead: Actor = { role: 'expert', id: LEAD.expertId };

const aSensitiveRequest = (overrides: Partial<SupportRequest> = {}) => aSupportRequest({
  description: secret('the alderman was followed home'),
  officeHolder: { name: secret('J. de Boer'), office: secret('wethouder wonen'), details: secret('two young children') },
  ...overrides,
});

/** One payload of every event type, each field written as the people or the workflow would fill it. */
const SAMPLE: { readonly [T in CaseEventType]: CaseEventPayloads[T] } = {
  RequestReceived: { request: aSensitiveRequest() },
  IntakeAssessed: { riskLevel: 'HIGH', score: 7, reasons: [domainText('risk.threats_received'), domainText('risk.expected_attendance', { count: 200 })] },
  RequestAccepted: { note: secret('the mayor called us first') },
  RequestRejected: { reason: secret('the police handle this one') },
  ExpertOffered: { offerId: 'offer-1-1', expertId: OFFERED, expertName: 'Bram Jansen', round: 1, expiresAt: '2027-03-01T13:00:00.000Z' },
  OfferAccepted: { offerId: 'offer-1-1', expertId: LEAD.expertId },
  OfferDeclined: { offerId: 'offer-1-2', expertId: OFFERED, reason: secret('I know the alderman personally') },
  OfferExpired: { offerId: 'offer-1-3', expertId: OFFERED },
  OfferWithdrawn: { offerId: 'offer-1-4', expertId: OFFERED, reason: SYSTEM_REASONS.teamComplete },
  ExpertAssignedManually: { expertId: LEAD.expertId, expertName: LEAD.name, note: secret('knows the family') },
  TeamAssembled: { members: [{ ...LEAD, role: 'lead' }] },
  PreparatorySessionScheduled: { scheduledAt: '2027-03-05T09:00:00.000Z', note: secret('at the town hall, back entrance') },
  TaskAssigned: { taskId: 'task-1', templateId: 'risk-analysis', title: domainText('task.risk_analysis'), assigneeId: LEAD.expertId, dueAt: '2027-03-04T17:00:00.000Z' },
  TaskCompleted: { taskId: 'task-1', outcome: secret('the threats come from a neighbour') },
  TaskWithdrawn: { taskId: 'task-2', reason: SYSTEM_REASONS.sessionHeldWithoutTask },
  TaskReturned: { taskId: 'task-1', expertId: '5b1d2a4e-0000-4000-8000-000000000001', reason: SYSTEM_REASONS.expertDeactivated },
  TaskReassigned: { taskId: 'task-1', assigneeId: '5b1d2a4e-0000-4000-8000-000000000002' },
  TeamMemberRemoved: { expertId: '5b1d2a4e-0000-4000-8000-000000000001', reason: SYSTEM_REASONS.expertDeactivated },
  LeadAppointed: { expertId: '5b1d2a4e-0000-4000-8000-000000000002' },
  PreparatorySessionHeld: { outcomes: secret('the alderman will not speak') },
  InterventionReported: { outcome: 'incident', notes: secret('a brick through the window') },
  RiskLevelChanged: { from: 'HIGH', to: 'CRITICAL', reason: literalText(secret('a second letter arrived at home')) },
  ConcernRaised: { expertId: LEAD.expertId, concern: secret('the venue has one exit') },
  EscalationRaised: {
    escalationId: 'esc-1', trigger: 'expertConcern', subject: 'concern:20', reason: ESCALATION_REASONS.expertConcern(secret('the venue has one exit')),
    level: 1, target: 'dutyCoordinator', ackDeadline: '2027-03-05T10:00:00.000Z',
  },
  EscalationLevelIncreased: { escalationId: 'esc-1', level: 2, target: 'programmeLead', ackDeadline: '2027-03-05T12:00:00.000Z' },
  EscalationAcknowledged: { escalationId: 'esc-1', level: 2 },
  EscalationResolved: { escalationId: 'esc-1', outcome: 'acknowledged' },
  FollowUpScheduled: { followUpId: 'day-7', dueAt: '2027-03-14T19:00:00.000Z' },
  FollowUpCompleted: { followUpId: 'day-7', ongoingRisk: true, notes: secret('the family has moved') },
  CaseEvaluated: { summary: secret('the alderman stepped down') },
  CaseCancelled: { reason: secret('the alderman withdrew the request') },
  CaseClosed: { summary: secret('handed over to the police') },
  HistoryArchived: {
    workflowId: 'case-5b1d2a4e-0000-4000-8000-00000000000a', runId: 'run-1', workflowType: 'supportCase', closeStatus: 'COMPLETED',
    sha256: 'ab'.repeat(32), byteLength: 4096, eventCount: 120,
  },
  NotificationSent: {
    notificationId: 'v4-offerMade-expert-e1', kind: 'offerMade', channel: 'email', recipient: { kind: 'expert', id: 'e1' }, transport: 'smtp', reference: '<n1@brigade>',
  },
  NotificationFailed: {
    notificationId: 'v4-offerMade-expert-e1', kind: 'offerMade', channel: 'sms', recipient: { kind: 'expert', id: 'e1' }, code: 'notify_400',
  },
  CaseDataDestroyed: { listId: 'list-1', rule: 'closed', approvedBy: ['c.jansen', 'c.devries'], destroyedKeyIds: ['case-5b1d2a4e'] },
  PersonalDataErased: {
    requestId: 'req-1', subject: { kind: 'officeHolder' }, requestedBy: 'c.jansen', approvedBy: 'c.devries', reason: 'data_subject_request',
    fields: ['request.officeHolder.name'],
  },
};

const sample = <T extends CaseEventType>(type: T, at = '2027-03-01T09:00:00.000Z'): NewCaseEvent =>
  caseEvent(type, SAMPLE[type], type === 'RequestReceived' ? COORDINATOR : SYSTEM_ACTOR, at);

/** The value with every secret text replaced, which is what redaction should produce and nothing else. */
function withSecretsRedacted(value: unknown): unknown {
  if (typeof value === 'string') return value.startsWith(SECRET) ? REDACTED : value;
  if (Array.isArray(value)) return value.map(withSecretsRedacted);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withSecretsRedacted(inner)]));
  return value;
}

describe('redactCaseEvent', () => {
  it.each(CASE_EVENT_TYPES)('replaces exactly the text people wrote in a %s event, and keeps its envelope', (type) => {
    const event = sample(type);

    const sut = redactCaseEvent(event);

    expect(sut).toEqual(withSecretsRedacted(event));
    expect(JSON.stringify(sut)).not.toContain(SECRET);
  });

  it('leaves the event it was given as it was', () => {
    const event = sample('RequestReceived');
    const before = JSON.stringify(event);

    redactCaseEvent(event);

    expect(JSON.stringify(event)).toBe(before);
  });

  it('keeps an optional free-text field absent when the event has none', () => {
    const sut = redactCaseEvent(caseEvent('OfferDeclined', { offerId: 'offer-1-2', expertId: OFFERED }, SYSTEM_ACTOR, '2027-03-01T09:00:00.000Z'));

    expect(sut.data).toEqual({ offerId: 'offer-1-2', expertId: OFFERED });
  });
});

describe('redactSupportRequest', () => {
  it('replaces the description and every field of the office holder, and nothing else', () => {
    const request = aSensitiveRequest();

    const sut = redactSupportRequest(request);

    expect(sut).toEqual({ ...request, description: REDACTED, officeHolder: { name: REDACTED, office: REDACTED, details: REDACTED } });
  });

  it('adds no office holder or details to a request that names none', () => {
    expect(redactSupportRequest(aSensitiveRequest({ officeHolder: undefined })).officeHolder).toBeUndefined();
    expect(redactSupportRequest(aSensitiveRequest({ officeHolder: { name: 'x', office: 'y' } })).officeHolder).toEqual({ name: REDACTED, office: REDACTED });
  });
});

describe('redactCaseState', () => {
  const caseId = 'c0ffee00-0000-4000-8000-000000000001';
  const stream = (events: NewCaseEvent[]): CaseEvent[] => events.map((event, index) => ({ ...event, caseId, version: index + 1 }) as CaseEvent);

  describe('given a case whose people wrote in every field that reaches the state', () => {
    const state = foldCase(stream([
      sample('RequestReceived'), sample('IntakeAssessed'), sample('RequestAccepted'), sample('ExpertOffered'), sample('OfferAccepted'),
      sample('TeamAssembled'), sample('PreparatorySessionScheduled'), sample('TaskAssigned'), sample('TaskCompleted'), sample('RiskLevelChanged'),
      sample('EscalationRaised'), sample('PreparatorySessionHeld'), sample('InterventionReported'), sample('CaseEvaluated'),
      sample('RequestRejected'), sample('CaseCancelled'),
    ]))!;

    it('holds that text before redaction, so the test below can fail', () => {
      expect(JSON.stringify(state)).toContain(SECRET);
    });

    it('replaces all of it, while the rest of the state, the coded risk reasons included, stays as it was', () => {
      const sut = redactCaseState(state);

      expect(JSON.stringify(sut)).not.toContain(SECRET);
      expect(sut).toEqual(withSecretsRedacted(state));
      expect(sut.riskReasons).toEqual([
        domainText('risk.threats_received'), domainText('risk.expected_attendance', { count: 200 }), literalText(REDACTED),
      ]);
    });
  });

  describe('given a case read from a read-model row folded before texts were coded', () => {
    it('replaces a whole risk reason that is still a sentence, since it cannot tell whose words it holds', () => {
      const state = foldCase(stream([sample('RequestReceived'), sample('IntakeAssessed')]))!;
      const old = { ...state, riskReasons: ['a letter at home'] } as unknown as CaseState;

      expect(redactCaseState(old).riskReasons).toEqual([REDACTED]);
    });
  });

  it('keeps what is empty or null as it is, since nothing is hidden there', () => {
    const state = foldCase(stream([sample('RequestReceived'), sample('IntakeAssessed')]))!;
    const sut = redactCaseState({ ...state, riskReasons: [] });

    expect(sut).toEqual({ ...state, riskReasons: [] });
  });
});

describe('maySeeSensitiveFields', () => {
  const state = { team: [{ ...LEAD, role: 'lead' as const }] };

  it.each([
    ['a coordinator', { role: 'coordinator', id: 'c.jansen' }, true],
    ['an auditor, who verifies the complete events', { role: 'auditor', id: 'a.visser' }, true],
    ['an expert on the team', asLead, true],
    ['an expert who is only offered the case', { role: 'expert', id: OFFERED }, false],
    ['the system', SYSTEM_ACTOR, false],
  ] as Array<[string, Actor, boolean]>)('answers for %s', (_who, reader, expected) => {
    expect(maySeeSensitiveFields(reader, state)).toBe(expected);
  });
});

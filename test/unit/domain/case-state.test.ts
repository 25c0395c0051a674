import { randomUUID } from 'node:crypto';
import {
  CASE_EVENT_TYPES, caseEvent, type CaseEvent, type CaseEventType, type NewCaseEvent, type TeamMember,
} from '../../../src/domain/case.events';
import { InvalidCaseHistoryError, evolve, foldCase, type CaseState } from '../../../src/domain/case.state';
import { SYSTEM_ACTOR, type Actor, type RiskLevel } from '../../../src/domain/case.vocabulary';
import { domainText, literalText } from '../../../src/domain/domain-text';
import { ESCALATION_REASONS } from '../../../src/domain/escalation-reasons';
import { SYSTEM_REASONS } from '../../../src/domain/system-reasons';
import type { SupportRequest } from '../../../src/domain/support-request';
import { COORDINATOR, aSupportRequest, requestReceived } from '../../support/case-fixtures';

const ANOUK = { expertId: 'expert-anouk', name: 'Anouk de Vries' };
const BRAM = { expertId: 'expert-bram', name: 'Bram Jansen' };
const CARLA = { expertId: 'expert-carla', name: 'Carla Bakker' };
const asExpert = (expert: { expertId: string }): Actor => ({ role: 'expert', id: expert.expertId });

// Event builders: one per event type, with plausible defaults, so that each scenario states only what it is about.
const received = (overrides: Partial<SupportRequest> = {}) => requestReceived(aSupportRequest(overrides), '2026-11-01T09:00:00.000Z');
const THREATS = domainText('risk.threats_received');
const AGITATION = domainText('risk.online_agitation');
const assessed = (riskLevel: RiskLevel = 'HIGH', reasons = [THREATS, AGITATION]) =>
  caseEvent('IntakeAssessed', { riskLevel, score: 6, reasons }, SYSTEM_ACTOR, '2026-11-01T09:00:01.000Z');
const accepted = (at = '2026-11-01T10:00:00.000Z') => caseEvent('RequestAccepted', {}, COORDINATOR, at);
const rejected = (reason: string, at = '2026-11-01T10:00:00.000Z') => caseEvent('RequestRejected', { reason }, COORDINATOR, at);
const offered = (offerId: string, expert: { expertId: string; name: string }, round = 1, at = '2026-11-01T10:00:01.000Z') =>
  caseEvent('ExpertOffered', { offerId, expertId: expert.expertId, expertName: expert.name, round, expiresAt: '2026-11-01T14:00:01.000Z' }, SYSTEM_ACTOR, at);
const offerAccepted = (offerId: string, expert: { expertId: string }, at = '2026-11-01T11:00:00.000Z') =>
  caseEvent('OfferAccepted', { offerId, expertId: expert.expertId }, asExpert(expert), at);
const offerDeclined = (offerId: string, expert: { expertId: string }) =>
  caseEvent('OfferDeclined', { offerId, expertId: expert.expertId, reason: 'on holiday' }, asExpert(expert), '2026-11-01T11:00:00.000Z');
const offerExpired = (offerId: string, expert: { expertId: string }) =>
  caseEvent('OfferExpired', { offerId, expertId: expert.expertId }, SYSTEM_ACTOR, '2026-11-01T14:00:01.000Z');
const offerWithdrawn = (offerId: string, expert: { expertId: string }) =>
  caseEvent('OfferWithdrawn', { offerId, expertId: expert.expertId, reason: SYSTEM_REASONS.teamComplete }, SYSTEM_ACTOR, '2026-11-01T11:00:01.000Z');
const assignedManually = (expert: { expertId: string; name: string }, at = '2026-11-01T12:00:00.000Z') =>
  caseEvent('ExpertAssignedManually', { expertId: expert.expertId, expertName: expert.name, note: 'knows the mayor' }, COORDINATOR, at);
const teamAssembled = (members: TeamMember[], at = '2026-11-01T12:00:01.000Z') => caseEvent('TeamAssembled', { members }, SYSTEM_ACTOR, at);
const sessionScheduled = (scheduledAt: string, at = '2026-11-02T09:00:00.000Z') =>
  caseEvent('PreparatorySessionScheduled', { scheduledAt }, COORDINATOR, at);
const taskAssigned = (taskId: string, templateId: string, assignee: { expertId: string }) =>
  caseEvent('TaskAssigned', { taskId, templateId, title: literalText(`Title of ${templateId}`), assigneeId: assignee.expertId, dueAt: '2026-11-09T21:00:00.000Z' }, SYSTEM_ACTOR, '2026-11-02T09:00:01.000Z');
const taskCompleted = (taskId: string, outcome: string, by: { expertId: string }) =>
  caseEvent('TaskCompleted', { taskId, outcome }, asExpert(by), '2026-11-05T16:00:00.000Z');
const taskWithdrawn = (taskId: string) => caseEvent('TaskWithdrawn', { taskId, reason: SYSTEM_REASONS.sessionHeldWithoutTask }, COORDINATOR, '2026-11-06T10:00:00.000Z');
const taskReturned = (taskId: string, from: { expertId: string }) =>
  caseEvent('TaskReturned', { taskId, expertId: from.expertId, reason: SYSTEM_REASONS.expertDeactivated }, SYSTEM_ACTOR, '2026-11-06T11:00:00.000Z');
const taskReassigned = (taskId: string, to: { expertId: string }) =>
  caseEvent('TaskReassigned', { taskId, assigneeId: to.expertId }, COORDINATOR, '2026-11-06T12:00:00.000Z');
const memberRemoved = (expert: { expertId: string }) =>
  caseEvent('TeamMemberRemoved', { expertId: expert.expertId, reason: SYSTEM_REASONS.expertDeactivated }, SYSTEM_ACTOR, '2026-11-06T11:00:00.000Z');
const leadAppointed = (expert: { expertId: string }) => caseEvent('LeadAppointed', { expertId: expert.expertId }, COORDINATOR, '2026-11-06T12:30:00.000Z');
const sessionHeld = (outcomes: string, at = '2026-11-10T11:00:00.000Z') => caseEvent('PreparatorySessionHeld', { outcomes }, asExpert(ANOUK), at);
const interventionReported = (at = '2026-11-21T08:00:00.000Z') =>
  caseEvent('InterventionReported', { outcome: 'tense', notes: 'shouting, no violence' }, asExpert(ANOUK), at);
const riskChanged = (from: RiskLevel, to: RiskLevel, reason: string) =>
  caseEvent('RiskLevelChanged', { from, to, reason: literalText(reason) }, COORDINATOR, '2026-11-03T08:00:00.000Z');
const concernRaised = () => caseEvent('ConcernRaised', { expertId: BRAM.expertId, concern: 'the venue has one exit' }, asExpert(BRAM), '2026-11-04T13:00:00.000Z');
const RISK_RAISED = ESCALATION_REASONS.riskRaised('HIGH', 'CRITICAL', literalText('a threatening letter arrived'));
const escalationRaised = (escalationId: string, at = '2026-11-03T08:00:01.000Z') => caseEvent('EscalationRaised', {
  escalationId, trigger: 'riskRaised', subject: 'risk:CRITICAL', reason: RISK_RAISED,
  level: 1, target: 'dutyCoordinator', ackDeadline: '2026-11-03T08:30:01.000Z',
}, SYSTEM_ACTOR, at);
const escalationLevelIncreased = (escalationId: string) => caseEvent('EscalationLevelIncreased', {
  escalationId, level: 2, target: 'programmeLead', ackDeadline: '2026-11-03T10:30:01.000Z',
}, SYSTEM_ACTOR, '2026-11-03T08:30:01.000Z');
const escalationAcknowledged = (escalationId: string, level = 2) =>
  caseEvent('EscalationAcknowledged', { escalationId, level }, COORDINATOR, '2026-11-03T09:00:00.000Z');
const escalationResolved = (escalationId: string) =>
  caseEvent('EscalationResolved', { escalationId, outcome: 'acknowledged' }, COORDINATOR, '2026-11-03T09:00:00.000Z');
const followUpScheduled = (followUpId: string, dueAt: string, at = '2026-11-21T08:00:01.000Z') =>
  caseEvent('FollowUpScheduled', { followUpId, dueAt }, SYSTEM_ACTOR, at);
const followUpCompleted = (followUpId: string, ongoingRisk = false, at = '2026-11-28T10:00:00.000Z') =>
  caseEvent('FollowUpCompleted', { followUpId, ongoingRisk, notes: 'spoke with the alderman' }, asExpert(ANOUK), at);
const evaluated = (summary: string) => caseEvent('CaseEvaluated', { summary }, COORDINATOR, '2027-01-05T10:00:00.000Z');
const cancelled = (reason: string, at = '2026-11-04T10:00:00.000Z') => caseEvent('CaseCancelled', { reason }, COORDINATOR, at);
const closed = (at = '2027-01-06T10:00:00.000Z') => caseEvent('CaseClosed', { summary: 'went well' }, COORDINATOR, at);
const historyArchived = (workflowId = 'case-archived', at = '2027-01-06T10:00:05.000Z') => caseEvent('HistoryArchived', {
  workflowId, runId: 'run-1', workflowType: 'supportCase', closeStatus: 'COMPLETED', sha256: 'ab'.repeat(32), byteLength: 4096, eventCount: 120,
}, SYSTEM_ACTOR, at);

const notificationSent = (at = '2027-01-06T10:00:06.000Z') => caseEvent('NotificationSent', {
  notificationId: 'v4-offerMade-expert-expert-anouk', kind: 'offerMade', channel: 'email', recipient: { kind: 'expert', id: ANOUK.expertId },
  transport: 'embedded', reference: '<ab12@brigade.local>',
}, SYSTEM_ACTOR, at);
const notificationFailed = (at = '2027-01-06T10:00:07.000Z') => caseEvent('NotificationFailed', {
  notificationId: 'v5-escalationRaised-role-dutyCoordinator', kind: 'escalationRaised', channel: 'sms', recipient: { kind: 'role', id: 'dutyCoordinator' },
  code: 'notify_403',
}, SYSTEM_ACTOR, at);
const RETENTION_ACTOR = { role: 'system' as const, id: 'brigade-retention' };
const dataDestroyed = (at = '2034-01-06T02:00:00.000Z') => caseEvent('CaseDataDestroyed', {
  listId: 'list-1', rule: 'closed', approvedBy: ['c.jansen', 'c.devries'], destroyedKeyIds: ['case-archived'],
}, RETENTION_ACTOR, at);
const personalDataErased = (at = '2028-01-06T10:00:00.000Z') => caseEvent('PersonalDataErased', {
  requestId: 'req-1', subject: { kind: 'officeHolder' }, requestedBy: 'c.jansen', approvedBy: 'c.devries', reason: 'data_subject_request',
  fields: ['request.officeHolder.name'],
}, COORDINATOR, at);

const LEAD: TeamMember = { ...ANOUK, role: 'lead' };
const SUPPORT: TeamMember = { ...BRAM, role: 'support' };

// Histories that bring a case to a stage, built fresh for every test so that each gets its own case id.
const inTriage = () => [received(), assessed()];
const inMatching = () => [...inTriage(), accepted()];
const inPreparation = () => [
  ...inMatching(), offered('offer-1-1', ANOUK), offerAccepted('offer-1-1', ANOUK),
  offered('offer-2-1', BRAM, 2), offerAccepted('offer-2-1', BRAM), teamAssembled([LEAD, SUPPORT]),
];
const inIntervention = () => [...inPreparation(), sessionScheduled('2026-11-10T09:00:00.000Z'), sessionHeld('roles agreed')];
const inFollowUp = () => [...inIntervention(), interventionReported()];
const withFollowUps = () => [
  ...inFollowUp(), followUpScheduled('day-7', '2026-11-27T19:00:00.000Z'), followUpScheduled('day-30', '2026-12-20T19:00:00.000Z'),
];
const inEvaluation = () => [...withFollowUps(), followUpCompleted('day-7'), followUpCompleted('day-30', false, '2026-12-21T10:00:00.000Z')];

/** Every event type that a scenario below fed to evolve as its "when". */
const exercised = new Set<CaseEventType>();

/** Given past events (versions 1..n of one case), when one more arrives, then the state evolve folds it into. */
function given(...events: NewCaseEvent[]) {
  const caseId = caseIdOf(events[0]) ?? randomUUID();
  const stream: CaseEvent[] = events.map((event, index) => ({ ...event, caseId, version: index + 1 }));
  return {
    caseId,
    state: (): CaseState | null => foldCase(stream),
    when: (next: NewCaseEvent): CaseState => {
      exercised.add(next.type);
      const id = stream.length === 0 ? caseIdOf(next) ?? caseId : caseId;
      return evolve(foldCase(stream), { ...next, caseId: id, version: stream.length + 1 });
    },
  };
}

/** The case id a stream is filed under: the one in its request. */
function caseIdOf(event: NewCaseEvent | undefined): string | undefined {
  return event?.type === 'RequestReceived' ? event.data.request.caseId : undefined;
}

describe('evolve', () => {
  describe('given no events', () => {
    it('has no state', () => {
      expect(given().state()).toBeNull();
    });

    describe('when a request recorded before the register arrives, naming its municipality only', () => {
      const legacy = (municipality: string) => {
        const { municipalityCode: _code, ...request } = aSupportRequest({ municipality });
        return given().when(requestReceived(request));
      };

      it('takes the code of the register entry with that official name', () => {
        expect(legacy('zoetermeer')).toMatchObject({ municipalityCode: 'GM0637', municipality: 'zoetermeer' });
      });

      it('leaves the code empty for a name that matches no entry, such as "Zutphen" with a Cyrillic е', () => {
        expect(legacy('Zutph\u0435n')).toMatchObject({ municipalityCode: null, municipality: 'Zutph\u0435n' });
      });
    });

    describe('when the request is received', () => {
      it('opens the case in Intake with the request\'s facts and nothing else yet', () => {
        const request = aSupportRequest({ category: 'CITIZEN_MEETING', municipalityCode: 'GM1950', municipality: 'Westerwolde', safetyRegion: 'groningen', requesterRole: 'mayor' });
        const sut = given().when(requestReceived(request, '2026-11-01T09:00:00.000Z'));
        expect(sut).toEqual({
          caseId: request.caseId,
          stage: 'Intake',
          version: 1,
          category: 'CITIZEN_MEETING',
          municipalityCode: 'GM1950',
          municipality: 'Westerwolde',
          safetyRegion: 'groningen',
          requesterRole: 'mayor',
          eventDate: '2027-01-20T19:00:00.000Z',
          riskLevel: null,
          riskReasons: [],
          triageDueAt: null,
          rejectionReason: null,
          team: [],
          openOffers: [],
          askedExpertIds: [],
          tasks: [],
          session: null,
          intervention: null,
          openEscalations: [],
          escalationCount: 0,
          failedNotifications: 0,
          followUps: [],
          evaluation: null,
          cancellationReason: null,
          receivedAt: '2026-11-01T09:00:00.000Z',
          updatedAt: '2026-11-01T09:00:00.000Z',
          closedAt: null,
        });
      });

      it('records no event date when the request has none', () => {
        const sut = given().when(received({ eventDate: undefined }));
        expect(sut.eventDate).toBeNull();
      });
    });

    describe('when any other event comes first', () => {
      it('refuses the history', () => {
        const history = given();
        expect(() => history.when(assessed())).toThrow(InvalidCaseHistoryError);
        expect(() => history.when(assessed())).toThrow(`case ${history.caseId} starts with IntakeAssessed, not RequestReceived`);
      });

      it('refuses a history that starts with a closure', () => {
        expect(() => given().when(closed())).toThrow(/starts with CaseClosed, not RequestReceived/);
      });
    });
  });

  describe('given a received request', () => {
    describe('when the intake is assessed', () => {
      it('moves to Triage with the assessed risk and its reasons', () => {
        const sut = given(received()).when(assessed('HIGH', [THREATS]));
        expect(sut).toMatchObject({
          stage: 'Triage', version: 2, riskLevel: 'HIGH', riskReasons: [THREATS],
          receivedAt: '2026-11-01T09:00:00.000Z', updatedAt: '2026-11-01T09:00:01.000Z',
        });
      });

      it.each([
        ['CRITICAL', '2026-11-01T11:00:01.000Z'],
        ['HIGH', '2026-11-01T17:00:01.000Z'],
        ['MEDIUM', '2026-11-02T09:00:01.000Z'],
        ['LOW', '2026-11-04T09:00:01.000Z'],
      ] as const)('sets the triage deadline for %s risk from the moment of assessment', (risk, due) => {
        expect(given(received()).when(assessed(risk)).triageDueAt).toBe(due);
      });
    });

    describe('when the request is received a second time', () => {
      it('refuses the history', () => {
        const history = given(received());
        expect(() => history.when(received())).toThrow(InvalidCaseHistoryError);
        expect(() => history.when(received())).toThrow(`case ${history.caseId} received its request twice`);
      });
    });
  });

  describe('given a case in triage', () => {
    describe('when the coordinator accepts the request', () => {
      it('moves to Matching and keeps the risk', () => {
        const sut = given(...inTriage()).when(accepted('2026-11-01T10:00:00.000Z'));
        expect(sut).toMatchObject({ stage: 'Matching', version: 3, riskLevel: 'HIGH', updatedAt: '2026-11-01T10:00:00.000Z', closedAt: null });
      });
    });

    describe('when the coordinator rejects the request', () => {
      it('moves to Rejected, keeps the reason and closes the case', () => {
        const sut = given(...inTriage()).when(rejected('outside the mandate', '2026-11-01T10:15:00.000Z'));
        expect(sut).toMatchObject({
          stage: 'Rejected', version: 3, rejectionReason: 'outside the mandate', closedAt: '2026-11-01T10:15:00.000Z',
        });
      });
    });
  });

  describe('given a case in matching', () => {
    describe('when an expert is offered the case', () => {
      it('opens the offer and remembers that the expert was asked', () => {
        const sut = given(...inMatching()).when(offered('offer-1-1', ANOUK, 1, '2026-11-01T10:00:01.000Z'));
        expect(sut).toMatchObject({
          stage: 'Matching',
          version: 4,
          openOffers: [{ offerId: 'offer-1-1', expertId: 'expert-anouk', expertName: 'Anouk de Vries', round: 1, expiresAt: '2026-11-01T14:00:01.000Z' }],
          askedExpertIds: ['expert-anouk'],
          team: [],
          updatedAt: '2026-11-01T10:00:01.000Z',
        });
      });

      it('adds a second offer after the first, as in a parallel round', () => {
        const sut = given(...inMatching(), offered('offer-1-1', ANOUK)).when(offered('offer-1-2', BRAM));
        expect(sut.openOffers.map((o) => o.offerId)).toEqual(['offer-1-1', 'offer-1-2']);
        expect(sut.askedExpertIds).toEqual(['expert-anouk', 'expert-bram']);
      });
    });

    describe('when the first expert accepts', () => {
      it('puts the expert on the team as lead, under the offered name, and closes the offer', () => {
        const sut = given(...inMatching(), offered('offer-1-1', ANOUK)).when(offerAccepted('offer-1-1', ANOUK));
        expect(sut).toMatchObject({
          stage: 'Matching', team: [{ expertId: 'expert-anouk', name: 'Anouk de Vries', role: 'lead' }], openOffers: [], askedExpertIds: ['expert-anouk'],
        });
      });

      it('leaves the other offers of the round open', () => {
        const sut = given(...inMatching(), offered('offer-1-1', ANOUK), offered('offer-1-2', BRAM)).when(offerAccepted('offer-1-2', BRAM));
        expect(sut.team).toEqual([{ expertId: 'expert-bram', name: 'Bram Jansen', role: 'lead' }]);
        expect(sut.openOffers.map((o) => o.offerId)).toEqual(['offer-1-1']);
      });

      it('falls back to the expert id as name for an offer it does not know', () => {
        const sut = given(...inMatching()).when(offerAccepted('offer-9-9', CARLA));
        expect(sut.team).toEqual([{ expertId: 'expert-carla', name: 'expert-carla', role: 'lead' }]);
      });
    });

    describe('when a later expert accepts', () => {
      it('puts the expert on the team as support, after the lead', () => {
        const sut = given(...inMatching(), offered('offer-1-1', ANOUK), offerAccepted('offer-1-1', ANOUK), offered('offer-2-1', BRAM, 2))
          .when(offerAccepted('offer-2-1', BRAM));
        expect(sut.team).toEqual([LEAD, { expertId: 'expert-bram', name: 'Bram Jansen', role: 'support' }]);
        expect(sut.openOffers).toEqual([]);
      });
    });

    describe.each([
      ['declines', offerDeclined],
      ['lets the offer expire', offerExpired],
      ['has the offer withdrawn', offerWithdrawn],
    ])('when the expert %s', (_what, answer) => {
      it('closes that offer only, keeps the expert as asked and leaves the team alone', () => {
        const sut = given(...inMatching(), offered('offer-1-1', ANOUK), offered('offer-1-2', BRAM)).when(answer('offer-1-1', ANOUK));
        expect(sut).toMatchObject({
          stage: 'Matching',
          version: 6,
          openOffers: [{ offerId: 'offer-1-2', expertId: 'expert-bram' }],
          askedExpertIds: ['expert-anouk', 'expert-bram'],
          team: [],
        });
        expect(sut.openOffers).toHaveLength(1);
      });
    });

    describe('when the coordinator assigns an expert by hand to an empty team', () => {
      it('makes the expert lead and remembers them as asked', () => {
        const sut = given(...inMatching()).when(assignedManually(CARLA, '2026-11-01T12:00:00.000Z'));
        expect(sut).toMatchObject({
          stage: 'Matching', team: [{ expertId: 'expert-carla', name: 'Carla Bakker', role: 'lead' }],
          askedExpertIds: ['expert-carla'], openOffers: [], updatedAt: '2026-11-01T12:00:00.000Z',
        });
      });
    });

    describe('when the coordinator assigns an expert by hand to a team with a lead', () => {
      it('adds the expert as support', () => {
        const sut = given(...inMatching(), offered('offer-1-1', ANOUK), offerAccepted('offer-1-1', ANOUK)).when(assignedManually(CARLA));
        expect(sut.team).toEqual([LEAD, { expertId: 'expert-carla', name: 'Carla Bakker', role: 'support' }]);
        expect(sut.askedExpertIds).toEqual(['expert-anouk', 'expert-carla']);
      });
    });

    describe('when the team is assembled', () => {
      it('moves to Preparation with the recorded members', () => {
        const members: TeamMember[] = [LEAD, { ...CARLA, role: 'support' }];
        const sut = given(...inMatching(), offered('offer-1-1', ANOUK), offerAccepted('offer-1-1', ANOUK), assignedManually(CARLA))
          .when(teamAssembled(members, '2026-11-01T12:00:01.000Z'));
        expect(sut).toMatchObject({ stage: 'Preparation', version: 7, team: members, updatedAt: '2026-11-01T12:00:01.000Z' });
      });
    });
  });

  describe('given a case in preparation', () => {
    describe('when the preparatory session is scheduled', () => {
      it('records the time, not yet held', () => {
        const sut = given(...inPreparation()).when(sessionScheduled('2026-11-10T09:00:00.000Z'));
        expect(sut).toMatchObject({ stage: 'Preparation', session: { scheduledAt: '2026-11-10T09:00:00.000Z', heldAt: null, outcomes: null } });
      });

      it('moves the session when it is scheduled again', () => {
        const sut = given(...inPreparation(), sessionScheduled('2026-11-10T09:00:00.000Z')).when(sessionScheduled('2026-11-12T13:00:00.000Z'));
        expect(sut.session).toEqual({ scheduledAt: '2026-11-12T13:00:00.000Z', heldAt: null, outcomes: null });
      });
    });

    describe('when a task is assigned', () => {
      it('adds it as open, without an outcome', () => {
        const sut = given(...inPreparation()).when(taskAssigned('task-1', 'risk-analysis', BRAM));
        expect(sut.tasks).toEqual([{
          taskId: 'task-1', templateId: 'risk-analysis', title: literalText('Title of risk-analysis'), assigneeId: 'expert-bram',
          dueAt: '2026-11-09T21:00:00.000Z', status: 'open', outcome: null,
        }]);
      });
    });

    describe('when its assignee completes a task', () => {
      it('marks that task completed with its outcome and leaves the others open', () => {
        const sut = given(...inPreparation(), taskAssigned('task-1', 'risk-analysis', BRAM), taskAssigned('task-2', 'stakeholder-map', ANOUK))
          .when(taskCompleted('task-1', 'two risks found', BRAM));
        expect(sut.tasks.map((t) => [t.taskId, t.status, t.outcome])).toEqual([['task-1', 'completed', 'two risks found'], ['task-2', 'open', null]]);
      });
    });

    describe('when a task is withdrawn', () => {
      it('marks that task withdrawn, without an outcome, and leaves the others alone', () => {
        const sut = given(...inPreparation(), taskAssigned('task-1', 'risk-analysis', BRAM), taskAssigned('task-2', 'stakeholder-map', ANOUK))
          .when(taskWithdrawn('task-2'));
        expect(sut.tasks.map((t) => [t.taskId, t.status, t.outcome])).toEqual([['task-1', 'open', null], ['task-2', 'withdrawn', null]]);
      });
    });

    describe('when an open task comes back from its deactivated assignee', () => {
      it('leaves it open with no assignee, so it is with the coordinator', () => {
        const sut = given(...inPreparation(), taskAssigned('task-1', 'risk-analysis', BRAM), taskAssigned('task-2', 'stakeholder-map', ANOUK))
          .when(taskReturned('task-1', BRAM));
        expect(sut.tasks.map((t) => [t.taskId, t.status, t.assigneeId])).toEqual([['task-1', 'open', null], ['task-2', 'open', 'expert-anouk']]);
      });
    });

    describe('when the coordinator passes a returned task on', () => {
      it('gives it to the new assignee, still open', () => {
        const sut = given(...inPreparation(), taskAssigned('task-1', 'risk-analysis', BRAM), taskReturned('task-1', BRAM))
          .when(taskReassigned('task-1', ANOUK));
        expect(sut.tasks.map((t) => [t.taskId, t.status, t.assigneeId])).toEqual([['task-1', 'open', 'expert-anouk']]);
      });
    });

    describe('when a member leaves the team', () => {
      it('takes them off the team and leaves the others as they were', () => {
        const sut = given(...inPreparation()).when(memberRemoved(ANOUK));
        expect(sut.team).toEqual([SUPPORT]);
      });
    });

    describe('when the coordinator appoints a new lead', () => {
      it('makes that member the lead and every other member support', () => {
        const sut = given(...inPreparation(), memberRemoved(ANOUK), offered('offer-3-1', CARLA, 3), offerAccepted('offer-3-1', CARLA))
          .when(leadAppointed(CARLA));
        expect(sut.team).toEqual([SUPPORT, { ...CARLA, role: 'lead' }]);
      });
    });

    describe('when the preparatory session is held', () => {
      it('moves to Intervention and records when it was held and what came out of it', () => {
        const sut = given(...inPreparation(), sessionScheduled('2026-11-10T09:00:00.000Z')).when(sessionHeld('roles agreed', '2026-11-10T11:00:00.000Z'));
        expect(sut).toMatchObject({
          stage: 'Intervention',
          session: { scheduledAt: '2026-11-10T09:00:00.000Z', heldAt: '2026-11-10T11:00:00.000Z', outcomes: 'roles agreed' },
        });
      });

      it('takes the holding time as the scheduled time when it was never scheduled', () => {
        const sut = given(...inPreparation()).when(sessionHeld('ad hoc', '2026-11-08T15:00:00.000Z'));
        expect(sut.session).toEqual({ scheduledAt: '2026-11-08T15:00:00.000Z', heldAt: '2026-11-08T15:00:00.000Z', outcomes: 'ad hoc' });
      });
    });
  });

  describe('given a case in intervention', () => {
    describe('when the lead reports on the intervention', () => {
      it('moves to FollowUp with the outcome, the notes and when it was reported', () => {
        const sut = given(...inIntervention()).when(interventionReported('2026-11-21T08:00:00.000Z'));
        expect(sut).toMatchObject({
          stage: 'FollowUp', intervention: { outcome: 'tense', notes: 'shouting, no violence', reportedAt: '2026-11-21T08:00:00.000Z' },
        });
      });
    });
  });

  describe('given a case at any stage', () => {
    describe('when the risk level changes', () => {
      it('takes the new level, adds the reason and stays in its stage', () => {
        const sut = given(...inPreparation()).when(riskChanged('HIGH', 'CRITICAL', 'a threatening letter arrived'));
        expect(sut).toMatchObject({
          stage: 'Preparation', riskLevel: 'CRITICAL',
          riskReasons: [THREATS, AGITATION, literalText('a threatening letter arrived')],
        });
      });
    });

    describe('when an expert raises a concern', () => {
      it('changes nothing but the version and the time', () => {
        const history = given(...inPreparation());
        const before = history.state()!;
        const sut = history.when(concernRaised());
        expect(sut).toEqual({ ...before, version: before.version + 1, updatedAt: '2026-11-04T13:00:00.000Z' });
        expect(before.version).toBe(8);
      });
    });

    describe('when an escalation is raised', () => {
      it('opens it, with when it was raised, and counts it', () => {
        const sut = given(...inPreparation()).when(escalationRaised('esc-1', '2026-11-03T08:00:01.000Z'));
        expect(sut.openEscalations).toEqual([{
          escalationId: 'esc-1', trigger: 'riskRaised', subject: 'risk:CRITICAL', reason: RISK_RAISED,
          level: 1, target: 'dutyCoordinator', ackDeadline: '2026-11-03T08:30:01.000Z', raisedAt: '2026-11-03T08:00:01.000Z',
        }]);
        expect(sut.escalationCount).toBe(1);
      });

      it('counts a second escalation next to the first', () => {
        const sut = given(...inPreparation(), escalationRaised('esc-1')).when(escalationRaised('esc-2'));
        expect(sut.openEscalations.map((e) => e.escalationId)).toEqual(['esc-1', 'esc-2']);
        expect(sut.escalationCount).toBe(2);
      });

      it('counts the escalations that were already resolved too', () => {
        const sut = given(...inPreparation(), escalationRaised('esc-1'), escalationResolved('esc-1')).when(escalationRaised('esc-2'));
        expect(sut.openEscalations.map((e) => e.escalationId)).toEqual(['esc-2']);
        expect(sut.escalationCount).toBe(2);
      });
    });

    describe('when an open escalation climbs a level', () => {
      it('updates its level, target and deadline, keeps when it was raised, and leaves the others alone', () => {
        const sut = given(...inPreparation(), escalationRaised('esc-1'), escalationRaised('esc-2')).when(escalationLevelIncreased('esc-1'));
        expect(sut.openEscalations.map((e) => [e.escalationId, e.level, e.target, e.ackDeadline, e.raisedAt])).toEqual([
          ['esc-1', 2, 'programmeLead', '2026-11-03T10:30:01.000Z', '2026-11-03T08:00:01.000Z'],
          ['esc-2', 1, 'dutyCoordinator', '2026-11-03T08:30:01.000Z', '2026-11-03T08:00:01.000Z'],
        ]);
        expect(sut.escalationCount).toBe(2);
      });
    });

    describe('when an escalation is acknowledged', () => {
      // The workflow records EscalationResolved right after it; only that closes the escalation.
      it('keeps it open until it is resolved', () => {
        const history = given(...inPreparation(), escalationRaised('esc-1'), escalationLevelIncreased('esc-1'));
        const before = history.state()!;
        const sut = history.when(escalationAcknowledged('esc-1'));
        expect(sut).toEqual({ ...before, version: 11, updatedAt: '2026-11-03T09:00:00.000Z' });
        expect(sut.openEscalations.map((e) => e.escalationId)).toEqual(['esc-1']);
      });
    });

    describe('when an escalation is resolved', () => {
      it('closes that escalation only and keeps counting it', () => {
        const sut = given(...inPreparation(), escalationRaised('esc-1'), escalationRaised('esc-2'), escalationAcknowledged('esc-1', 1))
          .when(escalationResolved('esc-1'));
        expect(sut.openEscalations.map((e) => e.escalationId)).toEqual(['esc-2']);
        expect(sut.escalationCount).toBe(2);
      });
    });

    describe('when the coordinator cancels the case', () => {
      it('moves to Cancelled, keeps the reason and closes the case', () => {
        const sut = given(...inPreparation()).when(cancelled('the meeting was called off', '2026-11-04T10:00:00.000Z'));
        expect(sut).toMatchObject({
          stage: 'Cancelled', cancellationReason: 'the meeting was called off', closedAt: '2026-11-04T10:00:00.000Z', team: [LEAD, SUPPORT],
        });
      });
    });
  });

  describe('given a case in follow-up', () => {
    describe('when a follow-up is scheduled', () => {
      it('adds it as scheduled, with no verdict on the risk yet', () => {
        const sut = given(...inFollowUp()).when(followUpScheduled('day-7', '2026-11-27T19:00:00.000Z'));
        expect(sut).toMatchObject({
          stage: 'FollowUp', followUps: [{ followUpId: 'day-7', dueAt: '2026-11-27T19:00:00.000Z', status: 'scheduled', ongoingRisk: null }],
        });
      });
    });

    describe('when one of two follow-ups is completed', () => {
      it('records the verdict and stays in FollowUp', () => {
        const sut = given(...withFollowUps()).when(followUpCompleted('day-7', true));
        expect(sut.stage).toBe('FollowUp');
        expect(sut.followUps.map((f) => [f.followUpId, f.status, f.ongoingRisk])).toEqual([['day-7', 'completed', true], ['day-30', 'scheduled', null]]);
      });
    });

    describe('when the last open follow-up is completed', () => {
      it('moves to Evaluation', () => {
        const sut = given(...withFollowUps(), followUpCompleted('day-7')).when(followUpCompleted('day-30', false));
        expect(sut.stage).toBe('Evaluation');
        expect(sut.followUps.map((f) => [f.followUpId, f.status, f.ongoingRisk])).toEqual([['day-7', 'completed', false], ['day-30', 'completed', false]]);
      });
    });

    describe('when an extra follow-up is scheduled after all others were completed', () => {
      it('moves back to FollowUp, and to Evaluation again once that one is completed', () => {
        const history = [...withFollowUps(), followUpCompleted('day-7'), followUpCompleted('day-30', true)];
        expect(given(...history).state()!.stage).toBe('Evaluation');

        const sut = given(...history).when(followUpScheduled('extra-1', '2027-01-20T10:00:00.000Z', '2026-12-21T10:00:00.000Z'));
        expect(sut.stage).toBe('FollowUp');
        expect(sut.followUps.map((f) => [f.followUpId, f.status])).toEqual([['day-7', 'completed'], ['day-30', 'completed'], ['extra-1', 'scheduled']]);

        const done = given(...history, followUpScheduled('extra-1', '2027-01-20T10:00:00.000Z')).when(followUpCompleted('extra-1'));
        expect(done.stage).toBe('Evaluation');
      });
    });
  });

  describe('given a case in evaluation', () => {
    describe('when the coordinator evaluates it', () => {
      it('records the evaluation and stays in Evaluation', () => {
        const sut = given(...inEvaluation()).when(evaluated('the team kept the meeting calm'));
        expect(sut).toMatchObject({ stage: 'Evaluation', evaluation: 'the team kept the meeting calm', closedAt: null });
      });
    });

    describe('when the coordinator closes it', () => {
      it('moves to Closed, records when, and keeps the evaluation', () => {
        const sut = given(...inEvaluation(), evaluated('calm')).when(closed('2027-01-06T10:00:00.000Z'));
        expect(sut).toMatchObject({ stage: 'Closed', evaluation: 'calm', closedAt: '2027-01-06T10:00:00.000Z', updatedAt: '2027-01-06T10:00:00.000Z' });
      });
    });
  });

  describe('given a case that has ended, or is still running', () => {
    describe('when a message about it is sent, or cannot be sent', () => {
      it.each([
        ['Cancelled', () => [...inMatching(), cancelled('called off', '2027-01-06T10:00:00.000Z')]],
        ['Matching', () => inMatching()],
      ] as const)('a sent message keeps a %s case as it was, one version further', (stage, history) => {
        const before = given(...history()).state()!;
        const sut = given(...history()).when(notificationSent());
        expect(sut).toEqual({ ...before, caseId: sut.caseId, version: before.version + 1 });
        expect(sut.stage).toBe(stage);
      });

      it('a message that could not be sent is counted, for the board', () => {
        const once = given(...inMatching()).when(notificationFailed());
        expect(once.failedNotifications).toBe(1);
        expect(given(...inMatching(), notificationFailed()).when(notificationFailed()).failedNotifications).toBe(2);
      });
    });

    describe('when one of its workflow histories is archived', () => {
      it.each([
        ['Closed', () => [...inEvaluation(), evaluated('calm'), closed('2027-01-06T10:00:00.000Z')]],
        ['Rejected', () => [...inTriage(), rejected('outside the mandate', '2027-01-06T10:00:00.000Z')]],
        ['Cancelled', () => [...inMatching(), cancelled('called off', '2027-01-06T10:00:00.000Z')]],
        ['Matching', () => inMatching()],
      ] as const)('keeps a %s case as it was, only one version further', (stage, history) => {
        const before = given(...history()).state()!;
        const sut = given(...history()).when(historyArchived());
        expect(sut).toEqual({ ...before, caseId: sut.caseId, version: before.version + 1 });
        expect(sut.stage).toBe(stage);
      });

      it('takes the ladders\' archives after the case workflow\'s', () => {
        const sut = given(...inTriage(), rejected('outside the mandate'), historyArchived('case-x')).when(historyArchived('case-x-esc-1'));
        expect(sut).toMatchObject({ stage: 'Rejected', version: 5, rejectionReason: 'outside the mandate' });
      });
    });
  });

  describe('when its data is destroyed or a person in it erased, long after its end', () => {
    const closedCase = () => [...inEvaluation(), evaluated('calm'), closed('2027-01-06T10:00:00.000Z'), historyArchived()];

    it('keeps the case closed, one version further, and notes when its data was destroyed', () => {
      const before = given(...closedCase()).state()!;
      const sut = given(...closedCase()).when(dataDestroyed());
      expect(sut).toEqual({ ...before, caseId: sut.caseId, version: before.version + 1, dataDestroyedAt: '2034-01-06T02:00:00.000Z' });
    });

    it('keeps the case as it was, one version further, when a person in it is erased', () => {
      const before = given(...closedCase()).state()!;
      const sut = given(...closedCase()).when(personalDataErased());
      expect(sut).toEqual({ ...before, caseId: sut.caseId, version: before.version + 1 });
    });
  });

  describe('given an event of a type it does not know', () => {
    it('refuses the history', () => {
      const unknown = { ...assessed(), type: 'ExpertTeleported' } as unknown as NewCaseEvent;
      const history = given(...inTriage());
      expect(() => history.when(unknown)).toThrow(InvalidCaseHistoryError);
      expect(() => history.when(unknown)).toThrow(/unknown case event .*ExpertTeleported/);
    });
  });

  describe('given the whole life of a case', () => {
    const closedHistory = () => [
      received(), assessed(), accepted(),
      offered('offer-1-1', ANOUK), offered('offer-1-2', BRAM), offered('offer-1-3', CARLA),
      offerDeclined('offer-1-2', BRAM), offerAccepted('offer-1-1', ANOUK), offerWithdrawn('offer-1-3', CARLA),
      offered('offer-2-1', { expertId: 'expert-dirk', name: 'Dirk Smit' }, 2), offerExpired('offer-2-1', { expertId: 'expert-dirk' }),
      escalationRaised('esc-1'), escalationLevelIncreased('esc-1'), escalationAcknowledged('esc-1'), escalationResolved('esc-1'),
      assignedManually(BRAM), teamAssembled([LEAD, SUPPORT]),
      riskChanged('HIGH', 'CRITICAL', 'a threatening letter arrived'), concernRaised(),
      sessionScheduled('2026-11-10T09:00:00.000Z'), taskAssigned('task-1', 'risk-analysis', BRAM), taskAssigned('task-2', 'stakeholder-map', ANOUK),
      taskCompleted('task-1', 'two risks found', BRAM), taskWithdrawn('task-2'), sessionHeld('roles agreed'),
      interventionReported(), followUpScheduled('day-7', '2026-11-27T19:00:00.000Z'), followUpCompleted('day-7', true),
      followUpScheduled('extra-1', '2026-12-28T10:00:00.000Z'), followUpCompleted('extra-1', false, '2026-12-29T10:00:00.000Z'),
      evaluated('calm in the end'), closed('2027-01-06T10:00:00.000Z'), historyArchived(), notificationSent(), notificationFailed(),
      personalDataErased(), dataDestroyed(),
    ];
    const cancelledHistory = () => [received(), assessed(), accepted(), offered('offer-1-1', ANOUK), cancelled('called off')];
    // The lead is deactivated during preparation: their task comes back, the coordinator appoints a new lead and passes it on.
    const departureHistory = () => [
      ...inPreparation(), taskAssigned('task-1', 'risk-analysis', ANOUK), taskAssigned('task-2', 'stakeholder-map', BRAM),
      taskReturned('task-1', ANOUK), memberRemoved(ANOUK), leadAppointed(BRAM), taskReassigned('task-1', BRAM),
      cancelled('called off', '2026-11-07T10:00:00.000Z'),
    ];
    const rejectedHistory = () => [received(), assessed(), rejected('outside the mandate')];

    it('uses every event type in the catalogue in at least one history', () => {
      const used = new Set([...closedHistory(), ...cancelledHistory(), ...rejectedHistory(), ...departureHistory()].map((event) => event.type));
      expect([...CASE_EVENT_TYPES].filter((type) => !used.has(type))).toEqual([]);
    });

    it('folds a case that ran its course into a closed case', () => {
      const events = closedHistory();
      const sut = given(...events).state();
      expect(sut).toMatchObject({
        stage: 'Closed',
        version: events.length,
        riskLevel: 'CRITICAL',
        team: [LEAD, SUPPORT],
        openOffers: [],
        askedExpertIds: ['expert-anouk', 'expert-bram', 'expert-carla', 'expert-dirk', 'expert-bram'],
        tasks: [expect.objectContaining({ taskId: 'task-1', status: 'completed' }), expect.objectContaining({ taskId: 'task-2', status: 'withdrawn' })],
        session: { scheduledAt: '2026-11-10T09:00:00.000Z', heldAt: '2026-11-10T11:00:00.000Z', outcomes: 'roles agreed' },
        openEscalations: [],
        escalationCount: 1,
        followUps: [
          { followUpId: 'day-7', dueAt: '2026-11-27T19:00:00.000Z', status: 'completed', ongoingRisk: true },
          { followUpId: 'extra-1', dueAt: '2026-12-28T10:00:00.000Z', status: 'completed', ongoingRisk: false },
        ],
        evaluation: 'calm in the end',
        closedAt: '2027-01-06T10:00:00.000Z',
      });
    });

    it('folds a cancelled case with its offer still open', () => {
      const sut = given(...cancelledHistory()).state();
      expect(sut).toMatchObject({ stage: 'Cancelled', version: 5, cancellationReason: 'called off', openOffers: [{ offerId: 'offer-1-1' }] });
    });

    it('folds a case whose lead left during preparation into a team led by the one who stayed', () => {
      const events = departureHistory().map((event, index) => ({ ...event, caseId: 'case-departure', version: index + 1 }));
      expect(foldCase(events)).toMatchObject({
        stage: 'Cancelled',
        team: [{ ...BRAM, role: 'lead' }],
        tasks: [expect.objectContaining({ taskId: 'task-1', assigneeId: BRAM.expertId }), expect.objectContaining({ taskId: 'task-2', assigneeId: BRAM.expertId })],
      });
    });

    it('folds a rejected case', () => {
      const sut = given(...rejectedHistory()).state();
      expect(sut).toMatchObject({ stage: 'Rejected', version: 3, rejectionReason: 'outside the mandate', team: [] });
    });
  });

  // Jest runs a file's tests in the order they are declared, so this one sees every scenario above.
  it('has a given/when scenario for every event type in the catalogue', () => {
    expect(CASE_EVENT_TYPES.filter((type) => !exercised.has(type))).toEqual([]);
  });
});

import { municipalityCodeOfRequest } from './places/case-place';
import type { CaseEvent, TeamMember } from './case.events';
import type {
  CaseCategory, CaseStage, InterventionOutcome, RequesterRole, RiskLevel, SafetyRegion,
} from './case.vocabulary';
import { TRIAGE_DEADLINE_MS } from './case-policy';
import { upcastCaseEvent } from './case-event-upcaster';
import type { DomainText } from './domain-text';
import type { EscalationTarget, EscalationTrigger } from './escalation-policy';

/** An offer waiting for the expert's answer. */
export interface OpenOffer {
  readonly offerId: string;
  readonly expertId: string;
  readonly expertName: string;
  readonly round: number;
  readonly expiresAt: string;
}

/** A preparation task and where it stands. */
export interface CaseTask {
  readonly taskId: string;
  readonly templateId: string;
  readonly title: DomainText;
  /** The expert who does the task; null while it is back with the coordinator. */
  readonly assigneeId: string | null;
  readonly dueAt: string;
  readonly status: 'open' | 'completed' | 'withdrawn';
  readonly outcome: string | null;
}

/** An escalation that nobody has acknowledged yet. */
export interface OpenEscalation {
  readonly escalationId: string;
  readonly trigger: EscalationTrigger;
  readonly subject: string;
  readonly reason: DomainText;
  readonly level: number;
  readonly target: EscalationTarget;
  readonly ackDeadline: string;
  readonly raisedAt: string;
}

/** A follow-up check-in. */
export interface FollowUp {
  readonly followUpId: string;
  readonly dueAt: string;
  readonly status: 'scheduled' | 'completed';
  readonly ongoingRisk: boolean | null;
}

/** Everything known about a case after folding its events. */
export interface CaseState {
  readonly caseId: string;
  readonly stage: CaseStage;
  readonly version: number;
  readonly category: CaseCategory;
  /** The municipality's CBS code; null only for a request recorded before the register whose name matched no entry. */
  readonly municipalityCode: string | null;
  /** The municipality's name, for display. */
  readonly municipality: string;
  readonly safetyRegion: SafetyRegion;
  readonly requesterRole: RequesterRole;
  readonly eventDate: string | null;
  readonly riskLevel: RiskLevel | null;
  readonly riskReasons: readonly DomainText[];
  /** When the triage decision falls due: set as the request enters triage, from the risk assessed then (as the workflow times it). */
  readonly triageDueAt: string | null;
  readonly rejectionReason: string | null;
  readonly team: readonly TeamMember[];
  readonly openOffers: readonly OpenOffer[];
  /** Every expert ever offered this case, so that matching does not ask them twice. */
  readonly askedExpertIds: readonly string[];
  readonly tasks: readonly CaseTask[];
  readonly session: { readonly scheduledAt: string; readonly heldAt: string | null; readonly outcomes: string | null } | null;
  readonly intervention: { readonly outcome: InterventionOutcome; readonly notes: string; readonly reportedAt: string } | null;
  readonly openEscalations: readonly OpenEscalation[];
  readonly escalationCount: number;
  /** Messages that could not be sent: the board shows them, and the duty coordinator is told. */
  readonly failedNotifications: number;
  readonly followUps: readonly FollowUp[];
  readonly evaluation: string | null;
  readonly cancellationReason: string | null;
  readonly receivedAt: string;
  readonly updatedAt: string;
  readonly closedAt: string | null;
  /** When the retention review destroyed the case's data keys; absent while they exist. */
  readonly dataDestroyedAt?: string;
}

/** Thrown when events arrive in an order the case's history cannot contain. */
export class InvalidCaseHistoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidCaseHistoryError';
  }
}

/** Folds one event into the case state; the only place where state changes. Older schema versions are read upcast. */
export function evolve(state: CaseState | null, stored: CaseEvent): CaseState {
  const event = upcastCaseEvent(stored);
  if (event.type === 'RequestReceived') {
    if (state) throw new InvalidCaseHistoryError(`case ${event.caseId} received its request twice`);
    return opened(event);
  }
  if (!state) throw new InvalidCaseHistoryError(`case ${event.caseId} starts with ${event.type}, not RequestReceived`);
  const s = { ...state, version: event.version, updatedAt: event.occurredAt };
  switch (event.type) {
    case 'IntakeAssessed':
      return {
        ...s, stage: 'Triage', riskLevel: event.data.riskLevel, riskReasons: event.data.reasons,
        triageDueAt: new Date(Date.parse(event.occurredAt) + TRIAGE_DEADLINE_MS[event.data.riskLevel]).toISOString(),
      };
    case 'RequestAccepted':
      return { ...s, stage: 'Matching' };
    case 'RequestRejected':
      return { ...s, stage: 'Rejected', rejectionReason: event.data.reason, closedAt: event.occurredAt };
    case 'ExpertOffered': {
      const { offerId, expertId, expertName, round, expiresAt } = event.data;
      return {
        ...s,
        openOffers: [...s.openOffers, { offerId, expertId, expertName, round, expiresAt }],
        askedExpertIds: [...s.askedExpertIds, expertId],
      };
    }
    case 'OfferAccepted': {
      const offer = s.openOffers.find((o) => o.offerId === event.data.offerId);
      const role = s.team.length === 0 ? 'lead' : 'support';
      return {
        ...withoutOffer(s, event.data.offerId),
        team: [...s.team, { expertId: event.data.expertId, name: offer?.expertName ?? event.data.expertId, role }],
      };
    }
    case 'OfferDeclined':
    case 'OfferExpired':
    case 'OfferWithdrawn':
      return withoutOffer(s, event.data.offerId);
    case 'ExpertAssignedManually': {
      const role = s.team.length === 0 ? 'lead' : 'support';
      return {
        ...s,
        team: [...s.team, { expertId: event.data.expertId, name: event.data.expertName, role }],
        askedExpertIds: [...s.askedExpertIds, event.data.expertId],
      };
    }
    case 'TeamAssembled':
      return { ...s, stage: 'Preparation', team: event.data.members };
    case 'PreparatorySessionScheduled':
      return { ...s, session: { scheduledAt: event.data.scheduledAt, heldAt: null, outcomes: null } };
    case 'TaskAssigned': {
      const { taskId, templateId, title, assigneeId, dueAt } = event.data;
      return { ...s, tasks: [...s.tasks, { taskId, templateId, title, assigneeId, dueAt, status: 'open', outcome: null }] };
    }
    case 'TaskCompleted':
      return withTask(s, event.data.taskId, { status: 'completed', outcome: event.data.outcome });
    case 'TaskWithdrawn':
      return withTask(s, event.data.taskId, { status: 'withdrawn' });
    case 'TaskReturned':
      return withTask(s, event.data.taskId, { assigneeId: null });
    case 'TaskReassigned':
      return withTask(s, event.data.taskId, { assigneeId: event.data.assigneeId });
    case 'TeamMemberRemoved':
      return { ...s, team: s.team.filter((member) => member.expertId !== event.data.expertId) };
    case 'LeadAppointed':
      return {
        ...s,
        team: s.team.map((member) => ({ ...member, role: member.expertId === event.data.expertId ? 'lead' as const : 'support' as const })),
      };
    case 'PreparatorySessionHeld':
      return {
        ...s,
        stage: 'Intervention',
        session: { scheduledAt: s.session?.scheduledAt ?? event.occurredAt, heldAt: event.occurredAt, outcomes: event.data.outcomes },
      };
    case 'InterventionReported':
      return { ...s, stage: 'FollowUp', intervention: { ...event.data, reportedAt: event.occurredAt } };
    case 'RiskLevelChanged':
      return { ...s, riskLevel: event.data.to, riskReasons: [...s.riskReasons, event.data.reason] };
    case 'ConcernRaised':
      return s;
    case 'EscalationRaised': {
      const { escalationId, trigger, subject, reason, level, target, ackDeadline } = event.data;
      return {
        ...s,
        escalationCount: s.escalationCount + 1,
        openEscalations: [...s.openEscalations, { escalationId, trigger, subject, reason, level, target, ackDeadline, raisedAt: event.occurredAt }],
      };
    }
    case 'EscalationLevelIncreased': {
      const { escalationId, level, target, ackDeadline } = event.data;
      return {
        ...s,
        openEscalations: s.openEscalations.map((e) => (e.escalationId === escalationId ? { ...e, level, target, ackDeadline } : e)),
      };
    }
    case 'EscalationAcknowledged':
      return s;
    case 'EscalationResolved':
      return { ...s, openEscalations: s.openEscalations.filter((e) => e.escalationId !== event.data.escalationId) };
    case 'FollowUpScheduled':
      return {
        ...s,
        stage: 'FollowUp',
        followUps: [...s.followUps, { followUpId: event.data.followUpId, dueAt: event.data.dueAt, status: 'scheduled', ongoingRisk: null }],
      };
    case 'FollowUpCompleted': {
      const followUps = s.followUps.map((f) => (f.followUpId === event.data.followUpId
        ? { ...f, status: 'completed' as const, ongoingRisk: event.data.ongoingRisk }
        : f));
      const allDone = followUps.every((f) => f.status === 'completed');
      return { ...s, followUps, stage: allDone ? 'Evaluation' : s.stage };
    }
    case 'CaseEvaluated':
      return { ...s, evaluation: event.data.summary };
    case 'CaseCancelled':
      return { ...s, stage: 'Cancelled', cancellationReason: event.data.reason, closedAt: event.occurredAt };
    case 'CaseClosed':
      return { ...s, stage: 'Closed', closedAt: event.occurredAt };
    case 'HistoryArchived':
      // Bookkeeping after the case's work, often long after (a backfill): it moves the version, not the case's last change.
      return { ...state, version: event.version };
    case 'NotificationSent':
      // Bookkeeping of the case's messages, which may come after its end: it moves the version, not the case's last change.
      return { ...state, version: event.version };
    case 'NotificationFailed':
      // A read-model row folded before messages existed has no count yet.
      return { ...state, version: event.version, failedNotifications: (state.failedNotifications ?? 0) + 1 };
    case 'CaseDataDestroyed':
      // Long after the case's end: the stage stays, and the review knows not to list the case again.
      return { ...state, version: event.version, dataDestroyedAt: event.occurredAt };
    case 'PersonalDataErased':
      return { ...state, version: event.version };
    default:
      return assertNever(event);
  }
}

/** Folds a whole stream, oldest first, into the case state (null for an empty stream). */
export function foldCase(events: readonly CaseEvent[]): CaseState | null {
  return events.reduce<CaseState | null>(evolve, null);
}

function opened(event: Extract<CaseEvent, { type: 'RequestReceived' }>): CaseState {
  const { request } = event.data;
  return {
    caseId: event.caseId,
    stage: 'Intake',
    version: event.version,
    category: request.category,
    municipalityCode: municipalityCodeOfRequest(request),
    municipality: request.municipality,
    safetyRegion: request.safetyRegion,
    requesterRole: request.requesterRole,
    eventDate: request.eventDate ?? null,
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
    receivedAt: event.occurredAt,
    updatedAt: event.occurredAt,
    closedAt: null,
  };
}

function withoutOffer(state: CaseState, offerId: string): CaseState {
  return { ...state, openOffers: state.openOffers.filter((o) => o.offerId !== offerId) };
}

function withTask(state: CaseState, taskId: string, change: Partial<CaseTask>): CaseState {
  return { ...state, tasks: state.tasks.map((task) => (task.taskId === taskId ? { ...task, ...change } : task)) };
}

function assertNever(value: never): never {
  throw new InvalidCaseHistoryError(`unknown case event ${JSON.stringify(value)}`);
}

import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { CaseState } from '../src/domain/case.state';
import type { Actor, InterventionOutcome, RiskLevel } from '../src/domain/case.vocabulary';
import type { EscalationStep, EscalationTarget } from '../src/domain/escalation-policy';
import type { AssignmentWarning } from '../src/domain/manual-assignment';
import type { SupportRequest } from '../src/domain/support-request';

/** The input that starts a case workflow. */
export interface SupportCaseInput {
  readonly request: SupportRequest;
  readonly registeredBy: Actor;
}

/** How a case workflow ended. */
export interface SupportCaseOutcome {
  readonly caseId: string;
  readonly stage: CaseState['stage'];
  readonly version: number;
}

/** Every human decision carries who made it, so that the workflow checks the caller again. */
interface Decision {
  readonly actor: Actor;
}

/** A coordinator's triage decision; a rejection must give its reason. */
export interface TriageDecision extends Decision {
  readonly decision: 'accept' | 'reject';
  readonly reason?: string;
}

/** An expert's answer to an offer. */
export interface OfferResponse extends Decision {
  readonly offerId: string;
  readonly response: 'accept' | 'decline';
  readonly reason?: string;
}

/** A coordinator putting an expert on the team by hand; `override` sets a conflict of interest aside, for the reason given. */
export interface ManualAssignment extends Decision {
  readonly expertId: string;
  readonly note?: string;
  readonly override?: { readonly reason: string };
}

/** What a manual assignment answers: the case state, and the matching rules the assignment set aside. */
export type AssignedCase = CaseState & { readonly warnings: readonly AssignmentWarning[] };

/** A coordinator (re)scheduling the preparatory session. */
export interface SessionSchedule extends Decision {
  readonly scheduledAt: string;
  readonly note?: string;
}

/** An assignee completing a preparation task. */
export interface TaskCompletion extends Decision {
  readonly taskId: string;
  readonly outcome: string;
}

/** The record of a preparatory session that took place. */
export interface SessionRecord extends Decision {
  readonly outcomes: string;
}

/** The lead's report on the intervention. */
export interface InterventionReport extends Decision {
  readonly outcome: InterventionOutcome;
  readonly notes: string;
}

/** The lead's follow-up check-in. */
export interface FollowUpReport extends Decision {
  readonly followUpId: string;
  readonly ongoingRisk: boolean;
  readonly notes: string;
}

/** A coordinator acknowledging an escalation. */
export interface EscalationAcknowledgement extends Decision {
  readonly escalationId: string;
}

/** A coordinator's evaluation of a finished case. */
export interface CaseEvaluation extends Decision {
  readonly summary: string;
}

/** A coordinator's closure of an evaluated case. */
export interface CloseCaseRequest extends Decision {
  readonly summary?: string;
}

/** A coordinator's cancellation, possible at any stage. */
export interface CancelCaseRequest extends Decision {
  readonly reason: string;
}

/** A new risk level, from a coordinator or an expert on the team. */
export interface RiskChange extends Decision {
  readonly level: RiskLevel;
  readonly reason: string;
}

/** An expert on the team raising a concern. */
export interface Concern extends Decision {
  readonly concern: string;
}

/** The pool deactivated an expert: their open offers, tasks and place on the team end at once. */
export interface ExpertDeactivation extends Decision {
  readonly expertId: string;
}

/** A coordinator choosing the team's new lead from its members. */
export interface LeadAppointment extends Decision {
  readonly expertId: string;
}

/** A coordinator giving a task that came back to them to a member of the team. */
export interface TaskReassignment extends Decision {
  readonly taskId: string;
  readonly expertId: string;
}

/** Failure types that update validators and handlers use, so callers can map them to answers. */
export const CASE_FAILURE = {
  /** The case is not in a stage that allows the request. */
  conflict: 'CaseConflict',
  /** The request itself is malformed. */
  invalidInput: 'CaseInvalidInput',
  /** The actor may not do this. */
  forbidden: 'CaseForbidden',
  /** The thing the request names does not exist on this case. */
  notFound: 'CaseNotFound',
} as const;

/** Update: the coordinator accepts or rejects a request waiting in triage. */
export const triage = defineUpdate<CaseState, [TriageDecision]>('triage');
/** Update: an expert accepts or declines an offer made to them. */
export const respondToOffer = defineUpdate<CaseState, [OfferResponse]>('respondToOffer');
/** Update: the coordinator assigns an expert by hand during matching. */
export const assignExpert = defineUpdate<AssignedCase, [ManualAssignment]>('assignExpert');
/** Update: the coordinator (re)schedules the preparatory session. */
export const scheduleSession = defineUpdate<CaseState, [SessionSchedule]>('scheduleSession');
/** Update: an assignee completes their preparation task. */
export const completeTask = defineUpdate<CaseState, [TaskCompletion]>('completeTask');
/** Update: the coordinator or the lead records that the preparatory session was held. */
export const holdSession = defineUpdate<CaseState, [SessionRecord]>('holdSession');
/** Update: the lead reports on the intervention after the event. */
export const reportIntervention = defineUpdate<CaseState, [InterventionReport]>('reportIntervention');
/** Update: the lead completes a follow-up check-in. */
export const completeFollowUp = defineUpdate<CaseState, [FollowUpReport]>('completeFollowUp');
/** Update: the coordinator acknowledges an open escalation. */
export const acknowledgeEscalation = defineUpdate<CaseState, [EscalationAcknowledgement]>('acknowledgeEscalation');
/** Update: the coordinator evaluates the case after its follow-ups. */
export const evaluateCase = defineUpdate<CaseState, [CaseEvaluation]>('evaluateCase');
/** Update: the coordinator closes an evaluated case. */
export const closeCase = defineUpdate<CaseState, [CloseCaseRequest]>('closeCase');
/** Update: the coordinator cancels the case, withdrawing open offers and tasks. */
export const cancelCase = defineUpdate<CaseState, [CancelCaseRequest]>('cancelCase');

/** Update: the coordinator appoints a member of the team as its lead (after the lead left the team). */
export const appointLead = defineUpdate<CaseState, [LeadAppointment]>('appointLead');
/** Update: the coordinator gives a task that came back to them to a member of the team. */
export const reassignTask = defineUpdate<CaseState, [TaskReassignment]>('reassignTask');

/** Signal: the expert was deactivated in the pool; sent to every open case they take part in, safe to repeat. */
export const expertDeactivated = defineSignal<[ExpertDeactivation]>('expertDeactivated');
/** Signal: the risk level changed (a fact; the API validates it before sending). */
export const changeRisk = defineSignal<[RiskChange]>('changeRisk');
/** Signal: an expert on the team raises a concern. */
export const raiseConcern = defineSignal<[Concern]>('raiseConcern');

/** Query: the case's live state, as folded from the events this workflow has recorded. */
export const getCase = defineQuery<CaseState | null>('getCase');

/** The input of one escalation ladder (a child workflow). */
export interface EscalationLadderInput {
  readonly caseId: string;
  readonly escalationId: string;
  readonly parentWorkflowId: string;
  readonly ladder: readonly EscalationStep[];
}

/** How an escalation ladder ended. */
export interface EscalationLadderOutcome {
  readonly escalationId: string;
  /** `caseEnded` when the case closed or was cancelled while the ladder was still climbing. */
  readonly outcome: 'acknowledged' | 'unanswered' | 'caseEnded';
  readonly level: number;
}

/** Signal from a ladder to its case: nobody acknowledged in time, so the next level is alerted. */
export const escalationLevelIncreased = defineSignal<[{ escalationId: string; level: number; target: EscalationTarget; ackDeadline: string }]>('escalationLevelIncreased');
/** Signal from a case to its ladder: the escalation was acknowledged, withdrawn or its cause resolved; stop climbing. */
export const escalationAcknowledged = defineSignal<[]>('escalationAcknowledged');

/** The input of the workflow that archives a case's histories once its case workflow has closed. */
export interface ArchiveCaseHistoriesInput {
  readonly caseId: string;
}

/**
 * The id of a case's archiving workflow. It must not start with `case-<caseId>-`, which marks the case's own workflows
 * (its ladders) for the audit: the archiver makes none of the case's decisions and is never archived itself.
 */
export function archiveWorkflowIdFor(caseId: string): string {
  return `archive-case-${caseId}`;
}

/** The id of the Temporal Schedule that starts the retention review every day; each run's workflow id starts with it. */
export const RETENTION_SCHEDULE_ID = 'brigade-retention-review';

/** The input of one retention review. */
export interface RetentionReviewInput {
  /** How long the destruction list waits for its two approvals before it lapses. */
  readonly approvalWindowMs: number;
}

/** Where a review's destruction list stands, as its updates and query answer. */
export interface RetentionReviewView {
  readonly listId: string;
  readonly approvedBy: readonly string[];
  readonly decision: 'pending' | 'approved' | 'rejected' | 'expired';
}

/** How a retention review ended. */
export interface RetentionReviewOutcome {
  readonly listId: string;
  readonly outcome: 'nothingDue' | 'executed' | 'rejected' | 'expired';
  readonly destroyedKeyIds: readonly string[];
}

/** A coordinator's decision on a review's destruction list. */
export interface RetentionListDecisionInput extends Decision {
  readonly listId: string;
}

/** Failure types of a refused decision on a destruction list, which the API answers with a coded refusal. */
export const RETENTION_REFUSALS = {
  notCoordinator: 'RetentionCoordinatorOnly',
  otherList: 'RetentionListNotHere',
  decided: 'RetentionListDecided',
  approvedByYou: 'RetentionListApprovedByYou',
} as const;

/** Update: a coordinator approves the list; the second approval by a different coordinator carries it out. */
export const approveRetentionList = defineUpdate<RetentionReviewView, [RetentionListDecisionInput]>('approveRetentionList');
/** Update: a coordinator rejects the list; nothing on it is destroyed and its cases come up again at the next review. */
export const rejectRetentionList = defineUpdate<RetentionReviewView, [RetentionListDecisionInput]>('rejectRetentionList');
/** Query: where the review's destruction list stands. */
export const retentionReviewState = defineQuery<RetentionReviewView>('retentionReviewState');

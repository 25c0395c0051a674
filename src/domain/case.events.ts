import type { Actor, InterventionOutcome, RiskLevel, TeamRole } from './case.vocabulary';
import type { DomainText } from './domain-text';
import type { CauseResolution, EscalationTarget, EscalationTrigger } from './escalation-policy';
import type { AssignmentWarning, ConflictOverride } from './manual-assignment';
import type { ErasureReason, ErasureSubjectKind } from './retention/erasure';
import type { NotificationChannel, NotificationKind, NotificationRecipient } from './notifications/notification-kinds';
import type { SupportRequest } from './support-request';

/** A member of a case's team. */
export interface TeamMember {
  readonly expertId: string;
  readonly name: string;
  readonly role: TeamRole;
}

/** Payloads of every case event, keyed by the event's type name. */
export interface CaseEventPayloads {
  RequestReceived: { readonly request: SupportRequest };
  IntakeAssessed: { readonly riskLevel: RiskLevel; readonly score: number; readonly reasons: readonly DomainText[] };
  RequestAccepted: { readonly note?: string };
  RequestRejected: { readonly reason: string };
  ExpertOffered: { readonly offerId: string; readonly expertId: string; readonly expertName: string; readonly round: number; readonly expiresAt: string };
  OfferAccepted: { readonly offerId: string; readonly expertId: string };
  OfferDeclined: { readonly offerId: string; readonly expertId: string; readonly reason?: string };
  OfferExpired: { readonly offerId: string; readonly expertId: string };
  OfferWithdrawn: { readonly offerId: string; readonly expertId: string; readonly reason: DomainText };
  /**
   * Version 2 adds the matching rules the coordinator set aside: `warnings` (always written; a version-1 event has none
   * and reads as an assignment without warnings) and an `override` of a conflict of interest.
   */
  ExpertAssignedManually: {
    readonly expertId: string; readonly expertName: string; readonly note?: string;
    readonly warnings?: readonly AssignmentWarning[]; readonly override?: ConflictOverride;
  };
  TeamAssembled: { readonly members: readonly TeamMember[] };
  PreparatorySessionScheduled: { readonly scheduledAt: string; readonly note?: string };
  TaskAssigned: { readonly taskId: string; readonly templateId: string; readonly title: DomainText; readonly assigneeId: string; readonly dueAt: string };
  TaskCompleted: { readonly taskId: string; readonly outcome: string };
  TaskWithdrawn: { readonly taskId: string; readonly reason: DomainText };
  /** The assignee can no longer do the task (deactivated), so it is back with the coordinator. */
  TaskReturned: { readonly taskId: string; readonly expertId: string; readonly reason: DomainText };
  TaskReassigned: { readonly taskId: string; readonly assigneeId: string };
  /** A member left the team because they can no longer take part (deactivated). */
  TeamMemberRemoved: { readonly expertId: string; readonly reason: DomainText };
  LeadAppointed: { readonly expertId: string };
  PreparatorySessionHeld: { readonly outcomes: string };
  InterventionReported: { readonly outcome: InterventionOutcome; readonly notes: string };
  /** The reason is the person's own words as a literal text, or the workflow's coded one. */
  RiskLevelChanged: { readonly from: RiskLevel; readonly to: RiskLevel; readonly reason: DomainText };
  ConcernRaised: { readonly expertId: string; readonly concern: string };
  EscalationRaised: {
    readonly escalationId: string; readonly trigger: EscalationTrigger; readonly subject: string; readonly reason: DomainText;
    readonly level: number; readonly target: EscalationTarget; readonly ackDeadline: string;
  };
  EscalationLevelIncreased: { readonly escalationId: string; readonly level: number; readonly target: EscalationTarget; readonly ackDeadline: string };
  EscalationAcknowledged: { readonly escalationId: string; readonly level: number };
  /** Version 2 adds `causeResolved`: the workflow saw the cause go away, and `resolution` says how. */
  EscalationResolved: {
    readonly escalationId: string; readonly outcome: 'acknowledged' | 'unanswered' | 'withdrawn' | 'causeResolved';
    readonly resolution?: CauseResolution;
  };
  FollowUpScheduled: { readonly followUpId: string; readonly dueAt: string };
  FollowUpCompleted: { readonly followUpId: string; readonly ongoingRisk: boolean; readonly notes: string };
  CaseEvaluated: { readonly summary: string };
  CaseCancelled: { readonly reason: string };
  CaseClosed: { readonly summary?: string };
  /** One of the case's workflows has closed and its Temporal history is archived; the hash anchors the copy in the chain. */
  HistoryArchived: {
    readonly workflowId: string; readonly runId: string; readonly workflowType: string; readonly closeStatus: string;
    readonly sha256: string; readonly byteLength: number; readonly eventCount: number;
  };
  /** A message went out: to whom (by role and id), how and under which reference; never its content or address. */
  NotificationSent: {
    readonly notificationId: string; readonly kind: NotificationKind; readonly channel: NotificationChannel;
    readonly recipient: NotificationRecipient; readonly transport: string; readonly reference: string;
  };
  /** A message could not be sent, after every retry or at once when its channel refused it for good. */
  NotificationFailed: {
    readonly notificationId: string; readonly kind: NotificationKind; readonly channel: NotificationChannel;
    readonly recipient: NotificationRecipient; readonly code: string;
  };
  /**
   * The case's retention period passed and two coordinators approved the destruction list: its data keys are destroyed,
   * so its sealed fields can no longer be read, while every hash still verifies.
   */
  CaseDataDestroyed: {
    readonly listId: string; readonly rule: string; readonly approvedBy: readonly string[]; readonly destroyedKeyIds: readonly string[];
  };
  /** A person's key was destroyed on an approved erasure request; the reason is a code and the fields are paths, never data. */
  PersonalDataErased: {
    readonly requestId: string; readonly subject: { readonly kind: ErasureSubjectKind }; readonly requestedBy: string;
    readonly approvedBy: string; readonly reason: ErasureReason; readonly fields: readonly string[];
  };
}

/** The name of a case event type. */
export type CaseEventType = keyof CaseEventPayloads;

/**
 * Current schema version of each event type; bump it when a payload changes shape, and teach `upcastCaseEvent` to read
 * the older one. Version 2 records texts as codes with parameters (`DomainText`) where version 1 had English sentences.
 */
export const CASE_EVENT_SCHEMA_VERSIONS: { readonly [T in CaseEventType]: number } = {
  RequestReceived: 1,
  IntakeAssessed: 2,
  RequestAccepted: 1,
  RequestRejected: 1,
  ExpertOffered: 1,
  OfferAccepted: 1,
  OfferDeclined: 1,
  OfferExpired: 1,
  OfferWithdrawn: 2,
  ExpertAssignedManually: 2,
  TeamAssembled: 1,
  PreparatorySessionScheduled: 1,
  TaskAssigned: 2,
  TaskCompleted: 1,
  TaskWithdrawn: 2,
  TaskReturned: 2,
  TaskReassigned: 1,
  TeamMemberRemoved: 2,
  LeadAppointed: 1,
  PreparatorySessionHeld: 1,
  InterventionReported: 1,
  RiskLevelChanged: 2,
  ConcernRaised: 1,
  EscalationRaised: 2,
  EscalationLevelIncreased: 1,
  EscalationAcknowledged: 1,
  EscalationResolved: 2,
  FollowUpScheduled: 1,
  FollowUpCompleted: 1,
  CaseEvaluated: 1,
  CaseCancelled: 1,
  CaseClosed: 1,
  HistoryArchived: 1,
  NotificationSent: 1,
  NotificationFailed: 1,
  CaseDataDestroyed: 1,
  PersonalDataErased: 1,
};

/** Every event type name, in catalogue order. */
export const CASE_EVENT_TYPES = Object.keys(CASE_EVENT_SCHEMA_VERSIONS) as CaseEventType[];

/** A case event as the workflow proposes it, before the store gives it a version. */
export type NewCaseEvent = {
  [T in CaseEventType]: {
    readonly type: T;
    readonly schemaVersion: number;
    readonly data: CaseEventPayloads[T];
    readonly actor: Actor;
    /** Workflow time of the fact, ISO 8601. */
    readonly occurredAt: string;
  };
}[CaseEventType];

/** A case event with its position in the case's stream. */
export type CaseEvent = NewCaseEvent & { readonly caseId: string; readonly version: number };

/** Builds a new event of the given type with the catalogue's current schema version. */
export function caseEvent<T extends CaseEventType>(
  type: T,
  data: CaseEventPayloads[T],
  actor: Actor,
  occurredAt: string,
): NewCaseEvent {
  return { type, schemaVersion: CASE_EVENT_SCHEMA_VERSIONS[type], data, actor, occurredAt } as NewCaseEvent;
}

import type { CaseCategory, CaseStage } from '../domain/case.vocabulary';
import type { ErasureReason, ErasureSubjectKind } from '../domain/retention/erasure';
import type { RetentionAction, RetentionOutcome } from '../domain/retention/retention-rules';

/** Who decided, as their token said (or the system, for a lapsed list or its execution). */
export interface DecisionActor {
  readonly role: string;
  readonly id: string;
  readonly name?: string | null;
}

/** An ended case whose data keys still exist and that no open destruction list holds. */
export interface RetentionCandidate {
  readonly caseId: string;
  readonly category: CaseCategory;
  readonly stage: CaseStage;
  readonly endedAt: string;
}

/** One case on a destruction list, with the rule that put it there and the keys its destruction takes. */
export interface RetentionListCase {
  readonly caseId: string;
  readonly category: CaseCategory;
  readonly outcome: RetentionOutcome;
  readonly endedAt: string;
  readonly ruleId: string;
  readonly keepFor: string;
  readonly action: RetentionAction;
  readonly dueAt: string;
  readonly keyIds: readonly string[];
}

/** Where a list stands: waiting for approvals, ended without destruction, or carried out. */
export type RetentionListState = 'proposed' | 'approved' | 'rejected' | 'expired' | 'executed';

/** A decision on a list, as recorded. */
export interface RetentionListDecision {
  readonly decision: 'approved' | 'rejected' | 'expired' | 'executed';
  readonly actor: DecisionActor;
  readonly occurredAt: string;
}

/** A destruction list as proposed by one review, with every decision on it. */
export interface RetentionList {
  readonly listId: string;
  readonly workflowId: string;
  readonly asOf: string;
  readonly rulesSource: string;
  readonly proposedAt: string;
  readonly state: RetentionListState;
  readonly approvedBy: readonly string[];
  readonly cases: readonly RetentionListCase[];
  readonly decisions: readonly RetentionListDecision[];
}

/** A new destruction list. */
export interface ProposedRetentionList {
  readonly listId: string;
  readonly workflowId: string;
  readonly asOf: string;
  readonly rulesSource: string;
  readonly cases: readonly RetentionListCase[];
}

/** An erasure request with where it stands. */
export interface ErasureRequest {
  readonly requestId: string;
  readonly subject: { readonly kind: ErasureSubjectKind; readonly caseId?: string; readonly expertId?: string };
  readonly reason: ErasureReason;
  readonly requestedBy: DecisionActor;
  readonly requestedAt: string;
  readonly state: 'requested' | 'approved' | 'rejected' | 'executed';
  readonly decidedBy: DecisionActor | null;
  readonly decidedAt: string | null;
  /** Once executed: the keys destroyed and the cases the erasure was recorded in. */
  readonly keyIds: readonly string[];
  readonly caseIds: readonly string[];
}

/** A new erasure request. */
export interface NewErasureRequest {
  readonly requestId: string;
  readonly subject: ErasureRequest['subject'];
  readonly reason: ErasureReason;
  readonly requestedBy: DecisionActor;
}

/** A `CaseDataDestroyed` or `PersonalDataErased` event, as the destruction report reads it. */
export interface DestructionEvent {
  readonly caseId: string;
  readonly version: number;
  readonly type: 'CaseDataDestroyed' | 'PersonalDataErased';
  readonly data: Record<string, unknown>;
  readonly occurredAt: string;
  readonly recordedAt: string;
}

/**
 * The record of destruction lists and erasure requests. Rows are only ever added: a list's or request's state is read
 * from its decisions, and a decision that would break the two-person rule or end a thing twice is not recorded.
 */
export interface RetentionStore {
  /** Ended cases whose case workflow has closed (its history is archived), whose keys exist and that no open list holds. */
  retentionCandidates(): Promise<RetentionCandidate[]>;
  /** Records a list in state `proposed`; proposing the same list id again records nothing and returns the first. */
  proposeList(list: ProposedRetentionList): Promise<RetentionList>;
  findList(listId: string): Promise<RetentionList | undefined>;
  /** Lists, newest first, optionally only those in one state. */
  lists(state?: RetentionListState): Promise<RetentionList[]>;
  /** Records a decision; false when the same person approved before or the list has already ended (nothing recorded). */
  recordListDecision(listId: string, decision: RetentionListDecision['decision'], actor: DecisionActor): Promise<boolean>;
  createErasureRequest(request: NewErasureRequest): Promise<ErasureRequest>;
  findErasureRequest(requestId: string): Promise<ErasureRequest | undefined>;
  erasureRequests(): Promise<ErasureRequest[]>;
  /** Records an approval or rejection; false when the request was decided already (nothing recorded). */
  decideErasureRequest(requestId: string, decision: 'approved' | 'rejected', actor: DecisionActor): Promise<boolean>;
  /** Records that an approved erasure was carried out, with its keys and cases; once. */
  recordErasureExecuted(requestId: string, actor: DecisionActor, keyIds: readonly string[], caseIds: readonly string[]): Promise<void>;
  /** The destruction and erasure events recorded in cases between `from` (inclusive) and `to` (exclusive), oldest first. */
  destructionEvents(from: string, to: string): Promise<DestructionEvent[]>;
}

/** Injection token for the retention store port. */
export const RETENTION_STORE = Symbol('RetentionStore');

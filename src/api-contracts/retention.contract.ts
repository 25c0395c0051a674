import type { CaseCategory } from '../domain/case.vocabulary';
import type { ErasureReason, ErasureSubjectKind } from '../domain/retention/erasure';

/** Who decided, as the retention record keeps them. */
export interface RetentionActorView {
  readonly role: string;
  readonly id: string;
  readonly name?: string | null;
}

/** One case on a destruction list, with the rule that put it there. */
export interface RetentionListCaseView {
  readonly caseId: string;
  readonly category: CaseCategory;
  readonly outcome: 'closed' | 'cancelled' | 'rejected';
  readonly endedAt: string;
  readonly ruleId: string;
  readonly keepFor: string;
  readonly action: 'destroy' | 'transfer';
  readonly dueAt: string;
}

/** A destruction list as `GET /retention/lists` answers it. */
export interface RetentionListView {
  readonly listId: string;
  readonly proposedAt: string;
  readonly state: 'proposed' | 'approved' | 'rejected' | 'expired' | 'executed';
  readonly approvedBy: readonly string[];
  readonly cases: readonly RetentionListCaseView[];
}

/** An erasure request as `GET /erasure-requests` answers it. */
export interface ErasureRequestView {
  readonly requestId: string;
  readonly subject: { readonly kind: ErasureSubjectKind; readonly caseId?: string; readonly expertId?: string };
  readonly reason: ErasureReason;
  readonly requestedBy: RetentionActorView;
  readonly requestedAt: string;
  readonly state: 'requested' | 'approved' | 'rejected' | 'executed';
  readonly decidedBy: RetentionActorView | null;
  readonly caseIds: readonly string[];
}

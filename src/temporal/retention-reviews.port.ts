import type { Actor } from '../domain/case.vocabulary';

/** Where a review's list stands after a decision. */
export interface RetentionReviewAnswer {
  readonly listId: string;
  readonly approvedBy: readonly string[];
  readonly decision: 'pending' | 'approved' | 'rejected' | 'expired';
}

/** The review workflow refused the decision; `type` is one of the workflow's refusal types. */
export class RetentionDecisionRefusedError extends Error {
  constructor(readonly type: string, message: string) {
    super(message);
    this.name = 'RetentionDecisionRefusedError';
  }
}

/** The door to the retention review workflows: a coordinator's approval or rejection of a destruction list. */
export interface RetentionReviews {
  /** Sends the decision to the review that proposed the list; throws RetentionDecisionRefusedError when it refuses. */
  decide(workflowId: string, listId: string, actor: Actor, decision: 'approve' | 'reject'): Promise<RetentionReviewAnswer>;
}

/** Injection token for the retention reviews door. */
export const RETENTION_REVIEWS = Symbol('RetentionReviews');

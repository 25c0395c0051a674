import { Injectable } from '@nestjs/common';
import { ApplicationFailure, Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { Actor } from '../domain/case.vocabulary';
import { approveRetentionList, rejectRetentionList, RETENTION_REFUSALS } from '../../workflows/messages';
import { RetentionDecisionRefusedError, type RetentionReviewAnswer, type RetentionReviews } from './retention-reviews.port';

/** Sends decisions on destruction lists to their review workflows as Temporal updates. */
@Injectable()
export class TemporalRetentionReviews implements RetentionReviews {
  constructor(private readonly client: Client) {}

  async decide(workflowId: string, listId: string, actor: Actor, decision: 'approve' | 'reject'): Promise<RetentionReviewAnswer> {
    const handle = this.client.workflow.getHandle(workflowId);
    try {
      return await handle.executeUpdate(decision === 'approve' ? approveRetentionList : rejectRetentionList, { args: [{ listId, actor }] });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type) {
        throw new RetentionDecisionRefusedError(error.cause.type, error.cause.message);
      }
      // The review has ended (lapsed, rejected or carried out) since the list was read.
      if (error instanceof WorkflowNotFoundError) throw new RetentionDecisionRefusedError(RETENTION_REFUSALS.decided, `the review of list ${listId} has ended`);
      throw error;
    }
  }
}

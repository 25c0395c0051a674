import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { actorOf, type Principal } from '../auth/principal';
import { listApprovalRefusal } from '../domain/retention/four-eyes';
import { refusal } from '../http/refusal';
import { RETENTION_STORE, type RetentionList, type RetentionListState, type RetentionStore } from '../retention-store/retention-store.port';
import { RETENTION_REVIEWS, RetentionDecisionRefusedError, type RetentionReviews } from '../temporal/retention-reviews.port';
import { RETENTION_REFUSALS } from '../../workflows/messages';

/** Destruction lists: what the daily review proposed, and the coordinators' approvals and rejections of them. */
@Injectable()
export class RetentionListsService {
  constructor(@Inject(RETENTION_STORE) private readonly store: RetentionStore, @Inject(RETENTION_REVIEWS) private readonly reviews: RetentionReviews) {}

  lists(state?: RetentionListState): Promise<RetentionList[]> {
    return this.store.lists(state);
  }

  async decide(listId: string, principal: Principal, decision: 'approve' | 'reject'): Promise<RetentionList> {
    const list = await this.store.findList(listId);
    if (!list) throw new NotFoundException(refusal('retention_list_not_found', { listId }));
    // Checked here for a clear answer, and again by the workflow's validator, which decides.
    if (list.state !== 'proposed') throw new ConflictException(refusal('retention_list_decided', { listId, state: list.state }));
    if (decision === 'approve' && listApprovalRefusal(list.approvedBy, principal.subject)) throw approvedByYou(listId, principal.subject);
    try {
      await this.reviews.decide(list.workflowId, listId, actorOf(principal), decision);
    } catch (error) {
      if (!(error instanceof RetentionDecisionRefusedError)) throw error;
      if (error.type === RETENTION_REFUSALS.approvedByYou) throw approvedByYou(listId, principal.subject);
      throw new ConflictException(refusal('retention_list_decided', { listId, state: (await this.store.findList(listId))!.state }));
    }
    return (await this.store.findList(listId))!;
  }
}

function approvedByYou(listId: string, actorId: string): ConflictException {
  return new ConflictException(refusal('retention_list_approved_by_you', { listId, actorId }));
}

import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { expertCanSee, ownerOf } from '../domain/case-visibility';
import type { CaseState } from '../domain/case.state';
import { CASE_READ_MODEL, type CaseReadModel } from '../read-model/case-read-model.port';
import { refusal } from '../http/refusal';

/**
 * Need-to-know for experts, checked against the recorded case before anything reaches the workflow: a case an expert
 * is not on answers exactly as a case that does not exist, so its existence does not leak. The workflow checks again.
 */
@Injectable()
export class ExpertCaseAccess {
  constructor(@Inject(CASE_READ_MODEL) private readonly readModel: CaseReadModel) {}

  /** Lets coordinators and auditors through; lets an expert through only to a case they are on or are offered. */
  async requireVisible(caseId: string, principal: Principal): Promise<void> {
    if (principal.role !== 'expert') return;
    await this.visibleState(caseId, principal.subject);
  }

  /**
   * Like `requireVisible`, and an expert's offer or task must be their own. Someone else's offer is not found, as it
   * is not theirs to see; a teammate's task is on the case page they share, so it is refused for what it is.
   */
  async requireOwn(caseId: string, principal: Principal, kind: 'offer' | 'task', id: string): Promise<void> {
    if (principal.role !== 'expert') return;
    const state = await this.visibleState(caseId, principal.subject);
    const owner = ownerOf(state, kind, id);
    if (owner === undefined || owner === principal.subject) return;
    if (kind === 'task') throw new ForbiddenException(refusal('task_not_yours', { taskId: id, caseId }));
    throw new NotFoundException(refusal('offer_not_found', { offerId: id, caseId }));
  }

  private async visibleState(caseId: string, expertId: string): Promise<CaseState> {
    const row = await this.readModel.find(caseId);
    if (!row || !expertCanSee(row.state, expertId)) throw new NotFoundException(refusal('case_not_found', { caseId }));
    return row.state;
  }
}

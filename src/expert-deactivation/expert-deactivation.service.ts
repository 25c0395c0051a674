import { Inject, Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import { CASE_WORKFLOWS, type CaseWorkflows } from '../cases/case-workflows.port';
import type { Actor } from '../domain/case.vocabulary';
import type { ExpertView } from '../experts/expert.mapper';
import { ExpertsService } from '../experts/experts.service';
import { expertDeactivated } from '../../workflows/messages';
import { refusal } from '../http/refusal';
import { CASE_READ_MODEL, type CaseReadModel } from '../read-model/case-read-model.port';
import { AccessLog } from '../access-log/access-log';
import { WEB_SESSION_STORE, type WebSessionStore } from '../auth/web-session-store.port';

/** Takes an expert out of the pool and out of every open case at once: offers withdrawn, tasks returned, team left. */
@Injectable()
export class ExpertDeactivation {
  private readonly logger = new Logger(ExpertDeactivation.name);

  constructor(
    private readonly experts: ExpertsService,
    @Inject(CASE_WORKFLOWS) private readonly workflows: CaseWorkflows,
    @Inject(CASE_READ_MODEL) private readonly readModel: CaseReadModel,
    @Inject(WEB_SESSION_STORE) private readonly sessions: WebSessionStore,
    private readonly accessLog: AccessLog,
  ) {}

  /**
   * Marks the expert inactive (from then on the guard refuses their tokens and sessions) and ends their sessions, then tells every open case. Repeating the
   * call tells the cases again, which they take as a no-op: so a call cut off half-way is finished by its retry.
   */
  async deactivate(expertId: string, by: Actor): Promise<ExpertView> {
    const expert = await this.experts.deactivate(expertId);
    // The guard already refuses an inactive expert on every request; removing the sessions also frees their rows at once.
    const ended = await this.sessions.endAllOf('expert', expertId);
    if (ended > 0) this.accessLog.record({ event: 'session_ended', role: 'expert', subject: expertId, cause: 'expert_deactivated', detail: `${ended} session(s)` });
    const caseIds = await this.readModel.openCasesOf(expertId);
    const results = await Promise.allSettled(caseIds.map((caseId) =>
      this.workflows.tellIfRunning(caseId, expertDeactivated, { expertId, actor: by })));
    const untold = caseIds.filter((_, index) => results[index].status === 'rejected');
    if (untold.length > 0) {
      this.logger.error(`expert ${expertId} is deactivated, but ${untold.length} open case(s) could not be told: ${untold.join(', ')}`);
      throw new ServiceUnavailableException(refusal('deactivation_incomplete', { expertId, untold: untold.length, open: caseIds.length }));
    }
    this.logger.log(`expert ${expertId} deactivated; ${caseIds.length} open case(s) told`);
    return expert;
  }
}

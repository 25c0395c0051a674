import { ConflictException, Inject, Injectable, NotFoundException, ServiceUnavailableException, type HttpException } from '@nestjs/common';
import { Client, QueryNotRegisteredError, WorkflowNotFoundError, type WorkflowHandle } from '@temporalio/client';
import type { SignalDefinition, UpdateDefinition } from '@temporalio/common';
import { BrigadeConfig } from '../config/brigade-config';
import type { CaseState } from '../domain/case.state';
import { CASE_READ_MODEL, type CaseReadModel } from '../read-model/case-read-model.port';
import { getCase } from '../../workflows/messages';
import { refusal } from '../http/refusal';
import { UNAVAILABLE_REASONS } from '../http/unavailable-dependency';
import { queryRefusedForNow, toHttpError, updateTurnedAwayForNow } from './case-workflow-errors';
import type { SignalRefusal } from './signal-preconditions';

/** The workflow id of a case, from its business key. */
export const workflowIdFor = (caseId: string): string => `case-${caseId}`;

/** Talks to one case's workflow over Temporal and turns every refusal into the HTTP answer it means. */
@Injectable()
export class CaseWorkflowClient {
  constructor(private readonly client: Client, @Inject(CASE_READ_MODEL) private readonly readModel: CaseReadModel, private readonly config: BrigadeConfig) {}

  /**
   * Runs Temporal calls under the configured deadline: an update waits for the case's worker, so with Temporal or the
   * worker down it would otherwise wait for ever; past the deadline the caller gets a 503 instead.
   */
  bounded<T>(calls: () => Promise<T>): Promise<T> {
    return this.client.withDeadline(Date.now() + this.config.temporalCallTimeoutMs, calls);
  }

  /** Sends an update and answers with what it returns: the case state, with what the decision adds to it. */
  async update<Input, Result extends CaseState = CaseState>(caseId: string, update: UpdateDefinition<Result, [Input]>, input: Input): Promise<Result> {
    try {
      return await this.bounded(() => this.handle(caseId).executeUpdate(update, { args: [input] }));
    } catch (error) {
      if (updateTurnedAwayForNow(error)) throw new ServiceUnavailableException(refusal(UNAVAILABLE_REASONS.temporalBusy));
      throw await this.explain(caseId, error);
    }
  }

  /** Sends a signal only when the live state shows the workflow will act on it; `refuses` says why it would not. */
  async signal<Input>(
    caseId: string,
    signal: SignalDefinition<[Input]>,
    input: Input,
    refuses: (state: CaseState) => SignalRefusal | null,
  ): Promise<void> {
    const state = await this.liveState(caseId);
    if (state === undefined) throw await this.missingWorkflow(caseId);
    if (state === null) throw new ConflictException(refusal('case_still_registering', { caseId }));
    const refused = refuses(state);
    if (refused) throw new ConflictException(refusal(refused.code, refused.params));
    try {
      await this.bounded(() => this.handle(caseId).signal(signal, input));
    } catch (error) {
      throw await this.explain(caseId, error);
    }
  }

  /** Tells a case's workflow a fact without asking its state first; a case whose workflow has ended needs telling no more. */
  async tell<Input>(caseId: string, signal: SignalDefinition<[Input]>, input: Input): Promise<void> {
    try {
      await this.bounded(() => this.handle(caseId).signal(signal, input));
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return;
      throw error;
    }
  }

  /** The workflow's live state; null before its first event is recorded, undefined when no such workflow exists. */
  async liveState(caseId: string): Promise<CaseState | null | undefined> {
    try {
      return await this.bounded(() => this.handle(caseId).query(getCase));
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return undefined;
      // `getCase` is registered before the workflow's first await, so this refusal means the worker could not run the
      // workflow to answer right now (as when a restarted worker's replay fails once and is retried): worth a retry. The
      // same holds while the workflow's last task has failed and waits for its retry.
      if (error instanceof QueryNotRegisteredError || queryRefusedForNow(error)) throw new ServiceUnavailableException(refusal(UNAVAILABLE_REASONS.temporalBusy));
      throw error;
    }
  }

  private handle(caseId: string): WorkflowHandle {
    return this.client.workflow.getHandle(workflowIdFor(caseId));
  }

  private async explain(caseId: string, error: unknown): Promise<unknown> {
    return error instanceof WorkflowNotFoundError ? this.missingWorkflow(caseId) : toHttpError(caseId, error);
  }

  // A finished workflow takes no more messages; if the case was recorded, that is a conflict, not a missing case.
  private async missingWorkflow(caseId: string): Promise<HttpException> {
    const row = await this.readModel.find(caseId);
    return row
      ? new ConflictException(refusal('case_ended', { caseId }))
      : new NotFoundException(refusal('case_not_found', { caseId }));
  }
}

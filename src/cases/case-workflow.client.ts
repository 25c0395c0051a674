import { ConflictException, Inject, Injectable, NotFoundException, UnprocessableEntityException, type HttpException } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type WorkflowHandle } from '@temporalio/client';
import type { SignalDefinition, UpdateDefinition } from '@temporalio/common';
import { BrigadeConfig } from '../config/brigade-config';
import type { CaseState } from '../domain/case.state';
import { workflowIdFor } from '../domain/case-workflow-id';
import { CASE_READ_MODEL, type CaseReadModel } from '../read-model/case-read-model.port';
import { getCase } from '../../workflows/messages';
import { supportCase } from '../../workflows/support-case.workflow';
import { refusal } from '../http/refusal';
import { decisionFailure, queryFailure, toHttpError } from './case-workflow-errors';
import type { CaseWorkflowInput, CaseWorkflowStart, CaseWorkflows, SignalCheck } from './case-workflows.port';

/** The case workflow door over Temporal: talks to one case's workflow and turns every refusal into the HTTP answer it means. */
@Injectable()
export class CaseWorkflowClient implements CaseWorkflows {
  constructor(private readonly client: Client, @Inject(CASE_READ_MODEL) private readonly readModel: CaseReadModel, private readonly config: BrigadeConfig) {}

  async start(caseId: string, input: CaseWorkflowInput, requestFingerprint: string): Promise<CaseWorkflowStart> {
    const workflowId = workflowIdFor(caseId);
    try {
      // Temporal names the workflow type after its function: handing over the function leaves no name to misspell, and
      // loading its module runs none of its code, which runs in a worker only.
      await this.bounded(() => this.client.workflow.start(supportCase, {
        workflowId,
        taskQueue: this.config.taskQueue,
        args: [input],
        memo: { requestFingerprint },
        // A finished case keeps its id: a repeated key must find it, not start it again.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        workflowIdConflictPolicy: 'FAIL',
      }));
      return { workflowId, replayed: false };
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      const existing = await this.bounded(() => this.handle(caseId).describe());
      if (existing.memo?.requestFingerprint !== requestFingerprint) {
        throw new UnprocessableEntityException(refusal('idempotency_key_reused'));
      }
      return { workflowId, replayed: true };
    }
  }

  async decide<Input, Result extends CaseState = CaseState>(caseId: string, update: UpdateDefinition<Result, [Input]>, input: Input): Promise<Result> {
    try {
      return await this.bounded(() => this.handle(caseId).executeUpdate(update, { args: [input] }));
    } catch (error) {
      throw error instanceof WorkflowNotFoundError ? await this.missingWorkflow(caseId) : decisionFailure(caseId, error);
    }
  }

  async tell<Input>(caseId: string, signal: SignalDefinition<[Input]>, input: Input, check: SignalCheck): Promise<void> {
    const state = await this.live(caseId);
    if (state === undefined) throw await this.missingWorkflow(caseId);
    if (state === null) throw new ConflictException(refusal('case_still_registering', { caseId }));
    const refused = check(state);
    if (refused) throw new ConflictException(refusal(refused.code, refused.params));
    try {
      await this.bounded(() => this.handle(caseId).signal(signal, input));
    } catch (error) {
      throw await this.explain(caseId, error);
    }
  }

  async tellIfRunning<Input>(caseId: string, signal: SignalDefinition<[Input]>, input: Input): Promise<void> {
    try {
      await this.bounded(() => this.handle(caseId).signal(signal, input));
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return;
      throw error;
    }
  }

  async live(caseId: string): Promise<CaseState | null | undefined> {
    try {
      return await this.bounded(() => this.handle(caseId).query(getCase));
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return undefined;
      throw queryFailure(error);
    }
  }

  /**
   * Runs Temporal calls under the configured deadline: an update waits for the case's worker, so with Temporal or the
   * worker down it would otherwise wait for ever; past the deadline the caller gets a 503 instead.
   */
  private bounded<T>(calls: () => Promise<T>): Promise<T> {
    return this.client.withDeadline(Date.now() + this.config.temporalCallTimeoutMs, calls);
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

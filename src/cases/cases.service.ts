import { ConflictException, Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { CaseState } from '../domain/case.state';
import type { Actor } from '../domain/case.vocabulary';
import { CaseProjectionRow } from '../event-store/case-projection.row';
import { EVENT_STORE, type ChainVerification, type EventStore, type StoredCaseEvent } from '../event-store/event-store.port';
import { BrigadeConfig } from '../config/brigade-config';
import { closeCase, getCase, triage, type SupportCaseInput } from '../../workflows/messages';
import { caseIdForIdempotencyKey, requestFingerprint, toSupportRequest } from './case-request.mapper';
import { toHttpError } from './case-workflow-errors';
import type { CloseCaseDto } from './dto/close-case.dto';
import type { RegisterCaseDto } from './dto/register-case.dto';
import type { TriageCaseDto } from './dto/triage-case.dto';

/** What `POST /cases` answers; `replayed` is true when an Idempotency-Key named an existing case. */
export interface RegisteredCase {
  readonly caseId: string;
  readonly workflowId: string;
  readonly replayed: boolean;
}

/** A case as the API shows it: the recorded read model plus the workflow's live view. */
export interface CaseView {
  readonly caseId: string;
  readonly recorded: CaseState | null;
  readonly live: CaseState | null;
}

/** The workflow id of a case, from its business key. */
export const workflowIdFor = (caseId: string): string => `case-${caseId}`;

/** Starts case workflows, sends them decisions and reads what they recorded. */
@Injectable()
export class CasesService {
  constructor(
    private readonly client: Client,
    private readonly config: BrigadeConfig,
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
  ) {}

  async register(dto: RegisterCaseDto, actor: Actor, idempotencyKey?: string): Promise<RegisteredCase> {
    const caseId = idempotencyKey ? caseIdForIdempotencyKey(idempotencyKey) : randomUUID();
    const workflowId = workflowIdFor(caseId);
    const fingerprint = requestFingerprint(dto);
    const input: SupportCaseInput = { request: toSupportRequest(caseId, dto), registeredBy: actor };
    try {
      await this.client.workflow.start('supportCase', {
        workflowId,
        taskQueue: this.config.taskQueue,
        args: [input],
        memo: { requestFingerprint: fingerprint },
        // A finished case keeps its id: a repeated key must find it, not start it again.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        workflowIdConflictPolicy: 'FAIL',
      });
      return { caseId, workflowId, replayed: false };
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError) || !idempotencyKey) throw error;
      const existing = await this.client.workflow.getHandle(workflowId).describe();
      if (existing.memo?.requestFingerprint !== fingerprint) {
        throw new UnprocessableEntityException('Idempotency-Key was already used for a different request');
      }
      return { caseId, workflowId, replayed: true };
    }
  }

  async triage(caseId: string, dto: TriageCaseDto, actor: Actor): Promise<CaseState> {
    return this.update(caseId, (handle) => handle.executeUpdate(triage, { args: [{ ...dto, actor }] }));
  }

  async close(caseId: string, dto: CloseCaseDto, actor: Actor): Promise<CaseState> {
    return this.update(caseId, (handle) => handle.executeUpdate(closeCase, { args: [{ ...dto, actor }] }));
  }

  async get(caseId: string): Promise<CaseView> {
    const row = await this.dataSource.getRepository(CaseProjectionRow).findOneBy({ caseId });
    const live = await this.client.workflow.getHandle(workflowIdFor(caseId)).query(getCase).catch((error: unknown) => {
      if (error instanceof WorkflowNotFoundError) return undefined;
      throw error;
    });
    if (!row && live === undefined) throw new NotFoundException(`case ${caseId} does not exist`);
    return { caseId, recorded: row?.state ?? null, live: live ?? null };
  }

  async events(caseId: string): Promise<StoredCaseEvent[]> {
    const events = await this.eventStore.readStream(caseId);
    if (events.length === 0) await this.get(caseId);
    return events;
  }

  async verify(caseId: string): Promise<ChainVerification> {
    const verification = await this.eventStore.verify(caseId);
    if (verification.eventCount === 0) await this.get(caseId);
    return verification;
  }

  private async update(
    caseId: string,
    send: (handle: ReturnType<Client['workflow']['getHandle']>) => Promise<CaseState>,
  ): Promise<CaseState> {
    try {
      return await send(this.client.workflow.getHandle(workflowIdFor(caseId)));
    } catch (error) {
      const translated = toHttpError(caseId, error);
      if (translated instanceof NotFoundException) await this.explainFinishedCase(caseId);
      throw translated;
    }
  }

  // A finished workflow no longer takes updates; if the case exists, that is a conflict, not a missing case.
  private async explainFinishedCase(caseId: string): Promise<void> {
    const row = await this.dataSource.getRepository(CaseProjectionRow).findOneBy({ caseId });
    if (row) throw new ConflictException(`case ${caseId} is ${row.stage.toLowerCase()} and takes no more decisions`);
  }
}

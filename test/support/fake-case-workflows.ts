import { ConflictException, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { SignalDefinition, UpdateDefinition } from '@temporalio/common';
import type { CaseWorkflowInput, CaseWorkflowStart, CaseWorkflows, SignalCheck } from '../../src/cases/case-workflows.port';
import type { CaseState } from '../../src/domain/case.state';
import { refusal } from '../../src/http/refusal';

/** One decision (update) or fact (signal) as the fake door received it. */
export interface SentMessage {
  readonly caseId: string;
  readonly kind: 'update' | 'signal';
  readonly name: string;
  readonly input: unknown;
}

/** One start of a case's workflow as the fake door received it. */
export interface StartedWorkflow {
  readonly caseId: string;
  readonly input: CaseWorkflowInput;
  readonly requestFingerprint: string;
}

/**
 * Stands in for the door to the case workflows in tests of the HTTP layer: it records what was started and sent,
 * answers with the live state a test sets, and refuses as the door promises to. The workflow's own behaviour is tested
 * against the real Temporal test server elsewhere, and the door's translation of Temporal's answers beside it.
 */
export class FakeCaseWorkflows implements CaseWorkflows {
  readonly sent: SentMessage[] = [];
  readonly started: StartedWorkflow[] = [];
  /** The live state of each running case workflow, by case id; null before its first event. */
  readonly running = new Map<string, CaseState | null>();
  /** Cases whose workflow has ended: a message to one is a conflict, where one to a case never started is not found. */
  readonly ended = new Set<string>();
  /** What every decision asked of a case fails with, by case id, until removed: the error the door would throw. */
  readonly decisionFailures = new Map<string, unknown>();
  /** What every signal to a running case fails with, by case id, until removed. */
  readonly signalFailures = new Map<string, unknown>();
  /** What every question for a case's live state fails with, by case id, until removed. */
  readonly queryFailures = new Map<string, unknown>();

  async start(caseId: string, input: CaseWorkflowInput, requestFingerprint: string): Promise<CaseWorkflowStart> {
    const workflowId = `case-${caseId}`;
    const earlier = this.started.find((start) => start.caseId === caseId);
    if (earlier && earlier.requestFingerprint !== requestFingerprint) throw new UnprocessableEntityException(refusal('idempotency_key_reused'));
    if (earlier) return { workflowId, replayed: true };
    this.started.push({ caseId, input, requestFingerprint });
    return { workflowId, replayed: false };
  }

  async decide<Input, Result extends CaseState = CaseState>(caseId: string, update: UpdateDefinition<Result, [Input]>, input: Input): Promise<Result> {
    const state = this.liveOrMissing(caseId);
    this.sent.push({ caseId, kind: 'update', name: update.name, input });
    const failure = this.decisionFailures.get(caseId);
    if (failure) throw failure;
    return state as Result;
  }

  async tell<Input>(caseId: string, signal: SignalDefinition<[Input]>, input: Input, check: SignalCheck): Promise<void> {
    const state = await this.live(caseId);
    if (state === undefined) throw this.missing(caseId);
    if (state === null) throw new ConflictException(refusal('case_still_registering', { caseId }));
    const refused = check(state);
    if (refused) throw new ConflictException(refusal(refused.code, refused.params));
    this.send(caseId, signal, input);
  }

  async tellIfRunning<Input>(caseId: string, signal: SignalDefinition<[Input]>, input: Input): Promise<void> {
    if (this.running.has(caseId)) this.send(caseId, signal, input);
  }

  async live(caseId: string): Promise<CaseState | null | undefined> {
    const failure = this.queryFailures.get(caseId);
    if (failure) throw failure;
    return this.running.has(caseId) ? this.running.get(caseId) ?? null : undefined;
  }

  /** The messages sent to one case's workflow. */
  sentTo(caseId: string): SentMessage[] {
    return this.sent.filter((message) => message.caseId === caseId);
  }

  private send(caseId: string, signal: { name: string }, input: unknown): void {
    const failure = this.signalFailures.get(caseId);
    if (failure) throw failure;
    this.sent.push({ caseId, kind: 'signal', name: signal.name, input });
  }

  private liveOrMissing(caseId: string): CaseState | null {
    if (!this.running.has(caseId)) throw this.missing(caseId);
    return this.running.get(caseId) ?? null;
  }

  private missing(caseId: string): ConflictException | NotFoundException {
    return this.ended.has(caseId) ? new ConflictException(refusal('case_ended', { caseId })) : new NotFoundException(refusal('case_not_found', { caseId }));
  }
}

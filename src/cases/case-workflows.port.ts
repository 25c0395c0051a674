import type { SignalDefinition, UpdateDefinition } from '@temporalio/common';
import type { CaseState } from '../domain/case.state';
import type { supportCase } from '../../workflows/support-case.workflow';
import type { SignalRefusal } from './signal-preconditions';

/** Injection token of the one door to a case's workflow. */
export const CASE_WORKFLOWS = Symbol('CaseWorkflows');

/** What starts a case's workflow: the argument its function takes. */
export type CaseWorkflowInput = Parameters<typeof supportCase>[0];

/** How a start went: the workflow's id, and whether a repeated request found the case it started before. */
export interface CaseWorkflowStart {
  readonly workflowId: string;
  readonly replayed: boolean;
}

/** Whether a case's live state shows its workflow would act on a signal; the refusal says why it would not. */
export type SignalCheck = (state: CaseState) => SignalRefusal | null;

/**
 * The one door to a case's workflow: start it, ask it to decide (updates), tell it facts (signals) and read its live
 * state (query). Every refusal comes out as the HTTP answer it means.
 */
export interface CaseWorkflows {
  /**
   * Starts the case's workflow; a repeat of the same request (same fingerprint) finds the case it started before, and
   * another request under the same case id is refused with 422.
   */
  start(caseId: string, input: CaseWorkflowInput, requestFingerprint: string): Promise<CaseWorkflowStart>;

  /** Asks the workflow to decide, and answers with what it returns: the case state, with what the decision adds to it. */
  decide<Input, Result extends CaseState = CaseState>(caseId: string, update: UpdateDefinition<Result, [Input]>, input: Input): Promise<Result>;

  /** Tells the workflow a fact only when its live state shows it will act on it; `check` says why it would not. */
  tell<Input>(caseId: string, signal: SignalDefinition<[Input]>, input: Input, check: SignalCheck): Promise<void>;

  /** Tells the workflow a fact without asking its state first; a case whose workflow has ended needs telling no more. */
  tellIfRunning<Input>(caseId: string, signal: SignalDefinition<[Input]>, input: Input): Promise<void>;

  /** The workflow's live state; null before its first event is recorded, undefined when no such workflow exists. */
  live(caseId: string): Promise<CaseState | null | undefined>;
}

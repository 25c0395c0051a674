import { ApplicationFailure, CancellationScope } from '@temporalio/workflow';
import type { CaseState } from '../src/domain/case.state';
import type { CaseRefusalCode, CaseRefusalDetail, CaseRefusalParams } from '../src/domain/case-refusal-codes';
import { FINAL_STAGES, type Actor } from '../src/domain/case.vocabulary';
import type { SupportRequest } from '../src/domain/support-request';
import { CaseJournal } from './case-journal';
import { CASE_FAILURE, type SupportCaseInput } from './messages';

/** What every stage of one case workflow shares: the journal, the request and the workflow's own bookkeeping. */
export class CaseContext {
  readonly journal: CaseJournal;
  readonly request: SupportRequest;
  readonly registeredBy: Actor;
  /** The scope the stages run in; cancelling the case cancels it. */
  readonly stages = new CancellationScope();
  /** How many experts the team needs, fixed when matching starts. */
  teamTarget = 0;
  /** Bumped whenever a deadline moves, so that deadline watchers re-plan. */
  deadlineRevision = 0;
  /** Whether a triage decision was taken: a case cancelled afterwards no longer shows it in its state. */
  triageDecided = false;
  /** Experts the pool deactivated while this case ran: their decisions are refused even if a request slips past the API. */
  readonly deactivatedExperts = new Set<string>();

  constructor(input: SupportCaseInput) {
    this.request = input.request;
    this.registeredBy = input.registeredBy;
    this.journal = new CaseJournal(input.request.caseId);
  }

  /** The case state after every recorded event. */
  get state(): CaseState {
    return this.journal.state;
  }

  /** Whether the case has ended or is ending, so no new work may start. */
  get ended(): boolean {
    const state = this.journal.stateOrNull;
    return this.journal.isSealed || (state !== null && FINAL_STAGES.includes(state.stage));
  }

  /** The current stage, or Intake before the first event. */
  get stage(): CaseState['stage'] {
    return this.journal.stateOrNull?.stage ?? 'Intake';
  }
}

/** Workflow time as an ISO string: deterministic, and the same on every replay. */
export function now(): string {
  return new Date().toISOString();
}

/**
 * A refusal because the case is not in a state that allows the request; `code` and `params` name the refusal for the
 * caller, who answers it in their own language (the message is for logs and older callers).
 */
export function conflict(message: string, code: CaseRefusalCode, params: CaseRefusalParams = {}): ApplicationFailure {
  return refused(CASE_FAILURE.conflict, message, { code, params });
}

/** A refusal because the named offer, task, follow-up or escalation is not on this case. */
export function notFound(message: string, code: CaseRefusalCode, params: CaseRefusalParams = {}): ApplicationFailure {
  return refused(CASE_FAILURE.notFound, message, { code, params });
}

// Rejected updates are not recorded, and a recorded update failure's details are not compared on replay, so a code can
// be added to a refusal without a patch.
function refused(type: string, message: string, detail: CaseRefusalDetail): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nonRetryable: true, details: [detail] });
}

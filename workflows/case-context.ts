import { ApplicationFailure, CancellationScope } from '@temporalio/workflow';
import type { CaseState } from '../src/domain/case.state';
import { INVALID_INPUT, type CaseInputProblem, type CaseRefusalCode, type CaseRefusalDetail, type CaseRefusalParams } from '../src/domain/case-refusal-codes';
import { FINAL_STAGES, type Actor } from '../src/domain/case.vocabulary';
import type { SupportRequest } from '../src/domain/support-request';
import { isBlankText } from '../src/domain/visible-text';
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

/** A refusal because one field of the request is malformed: the field by its API name, and what is wrong with it. */
export function invalid(message: string, field: string, problem: CaseInputProblem, params: CaseRefusalParams = {}): ApplicationFailure {
  return refused(CASE_FAILURE.invalidInput, message, { code: INVALID_INPUT, params: {}, fields: [{ field, issues: [{ code: problem, params }] }] });
}

/** A refusal because the actor may not do this. */
export function forbidden(message: string, code: CaseRefusalCode, params: CaseRefusalParams = {}): ApplicationFailure {
  return refused(CASE_FAILURE.forbidden, message, { code, params });
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

/** Refuses anyone but a coordinator. */
export function requireCoordinator(actor: Actor | undefined): void {
  if (actor?.role !== 'coordinator' || !actor.id) throw forbidden('only a coordinator may do this', 'coordinator_only');
}

/** Refuses anyone but the expert with this id; `code` says which decision is theirs (a task's, an offer's). */
export function requireExpert(actor: Actor | undefined, expertId: string | null, what: string, code: 'task_not_yours' | 'offer_not_yours'): void {
  if (actor?.role !== 'expert' || actor.id !== expertId) throw forbidden(`only the assigned expert may ${what}`, code);
}

/** Refuses an expert the pool has deactivated, whatever else they may be. */
export function refuseDeactivated(context: CaseContext, actor: Actor | undefined): void {
  if (actor?.role === 'expert' && context.deactivatedExperts.has(actor.id)) {
    throw forbidden(`expert ${actor.id} has been deactivated and may no longer act on cases`, 'expert_deactivated', { expertId: actor.id });
  }
}

/** Refuses anyone but the team's lead (or a coordinator, when `orCoordinator`). */
export function requireLead(state: CaseState, actor: Actor | undefined, what: string, orCoordinator = false): void {
  if (orCoordinator && actor?.role === 'coordinator' && actor.id) return;
  const lead = state.team.find((member) => member.role === 'lead');
  if (actor?.role !== 'expert' || !lead || actor.id !== lead.expertId) {
    throw forbidden(`only the team lead${orCoordinator ? ' or a coordinator' : ''} may ${what}`, orCoordinator ? 'lead_or_coordinator_only' : 'lead_only');
  }
}

/** Refuses a stage other than the expected ones; an ended case says so rather than name its stage. */
export function requireStage(context: CaseContext, allowed: ReadonlyArray<CaseState['stage']>, what: string): void {
  if (context.journal.conflict !== undefined) throw context.journal.conflictRefusal();
  if (context.journal.isSealed || !allowed.includes(context.stage)) {
    const message = `case is in stage ${context.stage}; ${what} is possible in ${allowed.join(' or ')} only`;
    throw context.ended
      ? conflict(message, 'case_ended', { caseId: context.request.caseId })
      : conflict(message, 'wrong_stage', { stage: context.stage, stages: allowed.join(', ') });
  }
}

/** Refuses blank (empty to the eye, see isBlankText) or oversized free text. */
export function requireText(value: unknown, field: string, max = 5000): string {
  if (typeof value !== 'string' && value !== undefined && value !== null) throw invalid(`${field} must be a non-empty text`, field, 'not_text');
  if (typeof value !== 'string' || isBlankText(value)) throw invalid(`${field} must be a non-empty text`, field, 'required');
  if (value.length > max) throw invalid(`${field} must be at most ${max} characters`, field, 'too_long', { max });
  return value.trim();
}

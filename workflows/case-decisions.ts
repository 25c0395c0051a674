import { ApplicationFailure } from '@temporalio/workflow';
import type { CaseCommand, DecisionContext } from '../src/domain/case-command';
import { decide } from '../src/domain/case-decider';
import type { CaseRefusal, CaseRefusalKind } from '../src/domain/case-refusal';
import type { NewCaseEvent } from '../src/domain/case.events';
import type { CaseState } from '../src/domain/case.state';
import type { Actor } from '../src/domain/case.vocabulary';
import { now, type CaseContext } from './case-context';
import { CASE_FAILURE } from './messages';

const FAILURE_TYPES: Record<CaseRefusalKind, string> = {
  conflict: CASE_FAILURE.conflict, invalidInput: CASE_FAILURE.invalidInput, forbidden: CASE_FAILURE.forbidden, notFound: CASE_FAILURE.notFound,
};

/** What this workflow knows beyond the state that a decision needs. */
export function decisionContext(context: CaseContext): DecisionContext {
  return {
    caseId: context.request.caseId, recorded: context.journal.stateOrNull, ending: context.journal.isSealed,
    deactivatedExperts: context.deactivatedExperts, teamTarget: context.teamTarget, triageDecided: context.triageDecided,
  };
}

/**
 * Decides a command against the journal's pending state (every step queued so far), as validators and handlers do: the
 * events to record, or the refusal thrown as the failure callers map to an answer.
 */
export function decideNow(context: CaseContext, command: CaseCommand, actor: Actor, overrides: DecisionContext = {}): NewCaseEvent[] {
  if (context.journal.conflict !== undefined) throw context.journal.conflictRefusal();
  return eventsOrThrow(decide(context.journal.pendingState, command, actor, now(), { ...decisionContext(context), ...overrides }));
}

/** Decides a command again against the state a step finds when it runs, after every earlier step. */
export function decideAt(context: CaseContext, state: CaseState, command: CaseCommand, actor: Actor): NewCaseEvent[] {
  return eventsOrThrow(decide(state, command, actor, now(), { ...decisionContext(context), recorded: undefined, ending: false }));
}

function eventsOrThrow(decision: ReturnType<typeof decide>): NewCaseEvent[] {
  if (decision.outcome === 'refused') throw failureOf(decision.refusal);
  return decision.events;
}

// Rejected updates are not recorded, and a recorded update failure's details are not compared on replay, so a code can
// be added to a refusal without a patch.
/** The workflow failure a refusal is thrown as. */
export function failureOf({ kind, message, detail }: CaseRefusal): ApplicationFailure {
  return ApplicationFailure.create({ type: FAILURE_TYPES[kind], message, nonRetryable: true, details: [detail] });
}

import type { CaseCommandOf, DecisionContext } from '../case-command';
import { conflict, invalid, type CaseRefusal } from '../case-refusal';
import { caseEvent, type NewCaseEvent } from '../case.events';
import type { CaseState } from '../case.state';
import type { Actor, CaseStage } from '../case.vocabulary';
import { CASE_TEXT_LIMITS } from '../case-text-limits';
import { coordinatorOnly, stageRefusal, textRefusal } from './case-rules';

// Stages a case reaches only through a triage decision; a cancelled case may or may not have had one (see the context).
const TRIAGED_STAGES: readonly CaseStage[] = ['Matching', 'Preparation', 'Intervention', 'FollowUp', 'Evaluation', 'Closed', 'Rejected'];

/** The coordinator accepts or rejects a request, also while intake is still running (before the case has a state). */
export function decideTriage(
  state: CaseState | null, command: CaseCommandOf<'triage'>, actor: Actor, now: string, context: DecisionContext,
): CaseRefusal | NewCaseEvent[] {
  const { decision, reason } = command;
  const recorded = context.recorded === undefined ? state : context.recorded;
  return coordinatorOnly(actor)
    ?? (decision !== 'accept' && decision !== 'reject'
      ? invalid(`decision must be "accept" or "reject", got ${JSON.stringify(decision)}`, 'decision', 'not_a_choice') : undefined)
    ?? (decision === 'reject' || reason !== undefined ? textRefusal(reason, 'reason', CASE_TEXT_LIMITS.reason) : undefined)
    ?? (context.triageDecided || (state !== null && TRIAGED_STAGES.includes(state.stage))
      ? conflict('a triage decision has already been made for this case', 'triage_decided') : undefined)
    ?? stageRefusal(recorded, context, ['Intake', 'Triage'], 'a triage decision')
    ?? [decision === 'accept'
      ? caseEvent('RequestAccepted', reason ? { note: reason.trim() } : {}, actor, now)
      : caseEvent('RequestRejected', { reason: reason!.trim() }, actor, now)];
}

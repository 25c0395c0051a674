import type { CaseCommandOf, DecisionContext } from '../case-command';
import { conflict, notFound, type CaseRefusal } from '../case-refusal';
import { caseEvent, type NewCaseEvent } from '../case.events';
import type { CaseState } from '../case.state';
import { FINAL_STAGES, SYSTEM_ACTOR, type Actor, type CaseStage } from '../case.vocabulary';
import { CASE_TEXT_LIMITS } from '../case-text-limits';
import { SYSTEM_REASONS } from '../system-reasons';
import { coordinatorOnly, recordedState, stageRefusal, textRefusal } from './case-rules';
import type { Decider } from './decider';

/** A coordinator acknowledges an open escalation, which resolves it. */
export const decideAcknowledgement: Decider<'acknowledgeEscalation'> = (state, { escalationId }, actor, now, context) => {
  const escalation = state.openEscalations.find((e) => e.escalationId === escalationId);
  return coordinatorOnly(actor)
    ?? (!escalation || context.ending || FINAL_STAGES.includes(state.stage)
      ? notFound(`escalation ${escalationId} is not open on this case`, 'escalation_not_open', { escalationId }) : undefined)
    ?? [
      caseEvent('EscalationAcknowledged', { escalationId, level: escalation!.level }, actor, now),
      caseEvent('EscalationResolved', { escalationId, outcome: 'acknowledged' }, actor, now),
    ];
};

/** A coordinator evaluates the case once its follow-ups are done, once. */
export const decideEvaluation: Decider<'evaluateCase'> = (state, { summary }, actor, now, context) =>
  coordinatorOnly(actor)
  ?? stageRefusal(recordedState(state, context), context, ['Evaluation'], 'an evaluation')
  ?? (state.evaluation !== null ? conflict('the case has already been evaluated', 'already_evaluated') : undefined)
  ?? textRefusal(summary, 'summary')
  ?? [caseEvent('CaseEvaluated', { summary: summary.trim() }, actor, now)];

/** A coordinator closes an evaluated case whose escalations have all been dealt with. */
export const decideClosure: Decider<'closeCase'> = (state, command, actor, now, context) =>
  coordinatorOnly(actor)
  ?? (command.summary !== undefined ? textRefusal(command.summary, 'summary') : undefined)
  ?? stageRefusal(recordedState(state, context), context, ['Evaluation'], 'closing the case')
  ?? (state.evaluation === null ? conflict('the case must be evaluated before it is closed', 'evaluation_needed') : undefined)
  ?? (state.openEscalations.length > 0 ? conflict('the case has open escalations; acknowledge them first', 'escalations_open') : undefined)
  ?? closingEvents(state, command, actor, now);

/** The closure's events from the state its step finds: an escalation raised in the same moment is withdrawn with it. */
export function closingEvents(state: CaseState, { summary }: CaseCommandOf<'closeCase'>, actor: Actor, now: string): NewCaseEvent[] {
  return [...withdrawnEscalations(state, now), caseEvent('CaseClosed', summary?.trim() ? { summary: summary.trim() } : {}, actor, now)];
}

// Every stage but the final ones: a case may be cancelled at any time, even while its request is being registered.
const CANCELLABLE_STAGES: readonly CaseStage[] = ['Intake', 'Triage', 'Matching', 'Preparation', 'Intervention', 'FollowUp', 'Evaluation'];

/** A coordinator cancels the case at any stage, also before it has a state; open offers, tasks and escalations are withdrawn. */
export function decideCancellation(
  state: CaseState | null, command: CaseCommandOf<'cancelCase'>, actor: Actor, now: string, context: DecisionContext,
): CaseRefusal | NewCaseEvent[] {
  const recorded = context.recorded === undefined ? state : context.recorded;
  return coordinatorOnly(actor)
    ?? stageRefusal(recorded, context, CANCELLABLE_STAGES, 'cancelling')
    ?? textRefusal(command.reason, 'reason', CASE_TEXT_LIMITS.reason)
    ?? cancellationEvents(state, command, actor, now);
}

/** The cancellation's events from the state its step finds, so that work from steps queued before it is withdrawn too. */
export function cancellationEvents(state: CaseState | null, { reason }: CaseCommandOf<'cancelCase'>, actor: Actor, now: string): NewCaseEvent[] {
  const cancelled = caseEvent('CaseCancelled', { reason: reason.trim() }, actor, now);
  if (!state) return [cancelled];
  return [
    ...state.openOffers.map((o) => caseEvent('OfferWithdrawn', { offerId: o.offerId, expertId: o.expertId, reason: SYSTEM_REASONS.caseCancelled }, SYSTEM_ACTOR, now)),
    ...state.tasks.filter((t) => t.status === 'open').map((t) => caseEvent('TaskWithdrawn', { taskId: t.taskId, reason: SYSTEM_REASONS.caseCancelled }, SYSTEM_ACTOR, now)),
    ...withdrawnEscalations(state, now),
    cancelled,
  ];
}

function withdrawnEscalations(state: CaseState, now: string): NewCaseEvent[] {
  return state.openEscalations.map((e) => caseEvent('EscalationResolved', { escalationId: e.escalationId, outcome: 'withdrawn' }, SYSTEM_ACTOR, now));
}

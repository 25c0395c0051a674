import type { DecisionContext } from '../case-command';
import { conflict, forbidden, invalid, notFound, type CaseRefusal } from '../case-refusal';
import { caseEvent } from '../case.events';
import type { CaseState } from '../case.state';
import { FINAL_STAGES, isRiskLevel } from '../case.vocabulary';
import { CASE_TEXT_LIMITS } from '../case-text-limits';
import { literalText } from '../domain-text';
import { textRefusal } from './case-rules';
import type { Decider } from './decider';

// Signals get no answer from the workflow, which ignores one it refuses; the API asks first so that the caller hears
// why. Their refusals therefore carry the case and, for an ended case, its stage.

/** A coordinator, or an expert on the team, changes the risk level; a change to the level the case has records nothing new. */
export const decideRiskChange: Decider<'changeRisk'> = (state, { level, reason }, actor, now, context) => {
  const from = state.riskLevel ?? 'MEDIUM';
  return endedRefusal(state, context)
    ?? (!isRiskLevel(level) ? invalid('level must be a risk level', 'level', 'not_a_choice') : undefined)
    ?? (actor?.role === 'expert' ? teamRefusal(state, actor.id, context)
      : actor?.role !== 'coordinator' ? forbidden('only a coordinator or an expert on the team may change the risk', 'coordinator_only') : undefined)
    ?? textRefusal(reason, 'reason', CASE_TEXT_LIMITS.reason)
    ?? (from === level ? conflict(`the risk is already ${level}`, 'risk_unchanged', { caseId: state.caseId, riskLevel: from }) : undefined)
    ?? [caseEvent('RiskLevelChanged', { from, to: level, reason: literalText(reason.trim()) }, actor, now)];
};

/** An expert on the team raises a concern. */
export const decideConcern: Decider<'raiseConcern'> = (state, { concern }, actor, now, context) =>
  (actor?.role !== 'expert' ? forbidden('only an expert on the team may raise a concern', 'concern_experts_only') : undefined)
  ?? endedRefusal(state, context)
  ?? teamRefusal(state, actor.id, context)
  ?? textRefusal(concern, 'concern')
  ?? [caseEvent('ConcernRaised', { expertId: actor.id, concern: concern.trim() }, actor, now)];

function endedRefusal(state: CaseState, context: DecisionContext): CaseRefusal | undefined {
  return context.ending || FINAL_STAGES.includes(state.stage)
    ? conflict(`case ${state.caseId} has ended`, 'case_ended', { caseId: state.caseId, stage: state.stage }) : undefined;
}

// A deactivated expert is no longer one of the team, whether or not their leaving has been recorded yet.
function teamRefusal(state: CaseState, expertId: string, context: DecisionContext): CaseRefusal | undefined {
  return state.team.some((m) => m.expertId === expertId) && !context.deactivatedExperts?.has(expertId)
    ? undefined : notFound(`expert ${expertId} is not on this case's team`, 'not_on_team', { caseId: state.caseId, expertId });
}


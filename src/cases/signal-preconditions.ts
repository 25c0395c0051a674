import type { CaseState } from '../domain/case.state';
import { FINAL_STAGES, type Actor, type RiskLevel } from '../domain/case.vocabulary';

// A signal gets no answer, and the workflow silently ignores one it cannot act on. These checks mirror the
// workflow's own (workflows/stages/closure.stage.ts) against its live state, so the caller hears "no" instead.

/** Why the workflow would ignore a risk change, or null when it will record it. */
export function riskChangeRefusal(state: CaseState, change: { readonly level: RiskLevel; readonly actor: Actor }): string | null {
  const current = state.riskLevel ?? 'MEDIUM';
  return endedRefusal(state)
    ?? (change.actor.role === 'expert' ? notOnTeamRefusal(state, change.actor.id) : null)
    ?? (current === change.level ? `the risk level of case ${state.caseId} is already ${current}` : null);
}

/** Why the workflow would ignore an expert's concern, or null when it will record it. */
export function concernRefusal(state: CaseState, actor: Actor): string | null {
  if (actor.role !== 'expert') return 'only an expert on the team may raise a concern';
  return endedRefusal(state) ?? notOnTeamRefusal(state, actor.id);
}

function endedRefusal(state: CaseState): string | null {
  return FINAL_STAGES.includes(state.stage) ? `case ${state.caseId} is ${state.stage.toLowerCase()} and takes no more decisions` : null;
}

function notOnTeamRefusal(state: CaseState, expertId: string): string | null {
  return state.team.some((member) => member.expertId === expertId) ? null : `expert ${expertId} is not on the team of case ${state.caseId}`;
}

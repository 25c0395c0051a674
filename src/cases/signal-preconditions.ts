import type { CaseState } from '../domain/case.state';
import { FINAL_STAGES, type Actor, type RiskLevel } from '../domain/case.vocabulary';
import type { CodedText, RefusalCode } from '../i18n/catalogue/codes';

// A signal gets no answer, and the workflow silently ignores one it cannot act on. These checks mirror the
// workflow's own (workflows/stages/closure.stage.ts) against its live state, so the caller hears "no" instead.

/** Why the workflow would ignore a signal, as a coded refusal the API answers in the caller's language. */
export type SignalRefusal = CodedText<RefusalCode>;

/** Why the workflow would ignore a risk change, or null when it will record it. */
export function riskChangeRefusal(state: CaseState, change: { readonly level: RiskLevel; readonly actor: Actor }): SignalRefusal | null {
  const current = state.riskLevel ?? 'MEDIUM';
  return endedRefusal(state)
    ?? (change.actor.role === 'expert' ? notOnTeamRefusal(state, change.actor.id) : null)
    ?? (current === change.level ? { code: 'risk_unchanged', params: { caseId: state.caseId, riskLevel: current } } : null);
}

/** Why the workflow would ignore an expert's concern, or null when it will record it. */
export function concernRefusal(state: CaseState, actor: Actor): SignalRefusal | null {
  if (actor.role !== 'expert') return { code: 'concern_experts_only', params: {} };
  return endedRefusal(state) ?? notOnTeamRefusal(state, actor.id);
}

function endedRefusal(state: CaseState): SignalRefusal | null {
  return FINAL_STAGES.includes(state.stage) ? { code: 'case_ended', params: { caseId: state.caseId, stage: state.stage } } : null;
}

function notOnTeamRefusal(state: CaseState, expertId: string): SignalRefusal | null {
  return state.team.some((member) => member.expertId === expertId) ? null : { code: 'not_on_team', params: { caseId: state.caseId, expertId } };
}

import { decide } from '../domain/case-decider';
import type { CaseState } from '../domain/case.state';
import type { Actor, RiskLevel } from '../domain/case.vocabulary';
import type { CodedText, RefusalCode } from '../i18n/catalogue/codes';

// A signal gets no answer, and the workflow silently ignores one that `decide` refuses. The API asks the same `decide`
// against the live state first, so the caller hears "no" instead. (The body's own fields are the DTO's to refuse.)

/** Why the workflow would ignore a signal, as a coded refusal the API answers in the caller's language. */
export type SignalRefusal = CodedText<RefusalCode>;

/** Why the workflow would ignore a risk change, or null when it will record it. */
export function riskChangeRefusal(state: CaseState, change: { readonly level: RiskLevel; readonly reason?: string; readonly actor: Actor }): SignalRefusal | null {
  return refusalOf(state, { type: 'changeRisk', level: change.level, reason: change.reason ?? '' }, change.actor);
}

/** Why the workflow would ignore an expert's concern, or null when it will record it. */
export function concernRefusal(state: CaseState, actor: Actor, concern = ''): SignalRefusal | null {
  return refusalOf(state, { type: 'raiseConcern', concern }, actor);
}

function refusalOf(state: CaseState, command: Parameters<typeof decide>[1], actor: Actor): SignalRefusal | null {
  // The time is the signal's own business; neither signal's rules depend on it.
  const decision = decide(state, command, actor, state.updatedAt);
  if (decision.outcome === 'accepted' || decision.refusal.kind === 'invalidInput') return null;
  return { code: decision.refusal.detail.code as RefusalCode, params: decision.refusal.detail.params };
}

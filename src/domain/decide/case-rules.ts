import type { DecisionContext } from '../case-command';
import { conflict, forbidden, invalid, type CaseRefusal } from '../case-refusal';
import type { CaseState } from '../case.state';
import { FINAL_STAGES, type Actor, type CaseStage } from '../case.vocabulary';
import { CASE_TEXT_LIMITS, textLength } from '../case-text-limits';
import { isBlankText } from '../visible-text';

/** Refuses anyone but a coordinator. */
export function coordinatorOnly(actor: Actor | undefined): CaseRefusal | undefined {
  return actor?.role === 'coordinator' && actor.id ? undefined : forbidden('only a coordinator may do this', 'coordinator_only');
}

/** Refuses anyone but the expert with this id; `code` says whose decision it is (a task's, an offer's). */
export function assignedExpertOnly(actor: Actor | undefined, expertId: string | null, what: string, code: 'task_not_yours' | 'offer_not_yours'): CaseRefusal | undefined {
  return actor?.role === 'expert' && actor.id === expertId ? undefined : forbidden(`only the assigned expert may ${what}`, code);
}

/** Refuses an expert the pool has deactivated, whatever else they may be. */
export function deactivatedRefusal(actor: Actor | undefined, context: DecisionContext): CaseRefusal | undefined {
  if (actor?.role !== 'expert' || !context.deactivatedExperts?.has(actor.id)) return undefined;
  return forbidden(`expert ${actor.id} has been deactivated and may no longer act on cases`, 'expert_deactivated', { expertId: actor.id });
}

/** Refuses anyone but the team's lead as recorded (or a coordinator, when `orCoordinator`). */
export function leadOnly(state: CaseState, actor: Actor | undefined, what: string, orCoordinator = false): CaseRefusal | undefined {
  if (orCoordinator && actor?.role === 'coordinator' && actor.id) return undefined;
  const lead = state.team.find((member) => member.role === 'lead');
  if (actor?.role === 'expert' && lead && actor.id === lead.expertId) return undefined;
  return forbidden(`only the team lead${orCoordinator ? ' or a coordinator' : ''} may ${what}`, orCoordinator ? 'lead_or_coordinator_only' : 'lead_only');
}

/** Refuses a stage other than the allowed ones; an ended (or ending) case says so rather than name its stage. */
export function stageRefusal(state: CaseState | null, context: DecisionContext, allowed: readonly CaseStage[], what: string): CaseRefusal | undefined {
  const stage = state?.stage ?? 'Intake';
  if (!context.ending && allowed.includes(stage)) return undefined;
  const message = `case is in stage ${stage}; ${what} is possible in ${allowed.join(' or ')} only`;
  return context.ending || FINAL_STAGES.includes(stage)
    ? conflict(message, 'case_ended', { caseId: state?.caseId ?? context.caseId ?? '' })
    : conflict(message, 'wrong_stage', { stage, stages: allowed.join(', ') });
}

/** Refuses blank (empty to the eye, see isBlankText) or oversized free text. */
export function textRefusal(value: unknown, field: string, max: number = CASE_TEXT_LIMITS.account): CaseRefusal | undefined {
  if (typeof value !== 'string' && value !== undefined && value !== null) return invalid(`${field} must be a non-empty text`, field, 'not_text');
  if (typeof value !== 'string' || isBlankText(value)) return invalid(`${field} must be a non-empty text`, field, 'required');
  if (textLength(value) > max) return invalid(`${field} must be at most ${max} characters`, field, 'too_long', { max });
  return undefined;
}

/** The recorded state the context names, or the state decided on when nothing is in flight. */
export function recordedState(state: CaseState, context: DecisionContext): CaseState {
  return context.recorded ?? state;
}

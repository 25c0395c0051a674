import { EXTRA_FOLLOW_UP_AFTER_MS, MAX_EXTRA_FOLLOW_UPS } from '../case-policy';
import { conflict, invalid, notFound } from '../case-refusal';
import { caseEvent, type NewCaseEvent } from '../case.events';
import type { CaseState } from '../case.state';
import { INTERVENTION_OUTCOMES, SYSTEM_ACTOR, compareRisk, raiseRiskOneLevel, type Actor } from '../case.vocabulary';
import { domainText } from '../domain-text';
import { addMs } from '../durations';
import { deactivatedRefusal, leadOnly, recordedState, stageRefusal, textRefusal } from './case-rules';
import type { Decider } from './decider';

/** The lead reports on the intervention once the event took place; an incident raises the risk to at least HIGH. */
export const decideInterventionReport: Decider<'reportIntervention'> = (state, { outcome, notes }, actor, now, context) => {
  const recorded = recordedState(state, context);
  const { eventDate } = state;
  return stageRefusal(recorded, context, ['Intervention'], 'an intervention report')
    ?? (state.intervention && !recorded.intervention ? conflict('the intervention is already being reported', 'intervention_reporting') : undefined)
    ?? leadOnly(recorded, actor, 'report on the intervention')
    ?? deactivatedRefusal(actor, context)
    ?? (!(INTERVENTION_OUTCOMES as readonly string[]).includes(outcome)
      ? invalid(`outcome must be one of ${INTERVENTION_OUTCOMES.join(', ')}`, 'outcome', 'not_a_choice') : undefined)
    ?? textRefusal(notes, 'notes')
    ?? (eventDate && Date.parse(now) < Date.parse(eventDate)
      ? conflict(`the event on ${eventDate} has not taken place yet`, 'event_not_yet', { eventDate }) : undefined)
    ?? interventionEvents(state, outcome, notes.trim(), actor, now);
};

function interventionEvents(state: CaseState, outcome: (typeof INTERVENTION_OUTCOMES)[number], notes: string, actor: Actor, now: string): NewCaseEvent[] {
  const report = caseEvent('InterventionReported', { outcome, notes }, actor, now);
  if (outcome !== 'incident') return [report];
  const from = state.riskLevel ?? 'MEDIUM';
  const to = compareRisk(raiseRiskOneLevel(from), 'HIGH') < 0 ? 'HIGH' : raiseRiskOneLevel(from);
  return [report, caseEvent('RiskLevelChanged', { from, to, reason: domainText('risk.incident_during_intervention') }, SYSTEM_ACTOR, now)];
}

/** The lead completes a follow-up check-in; an ongoing risk after the last one schedules another (see `followUpEvents`). */
export const decideFollowUp: Decider<'completeFollowUp'> = (state, command, actor, now, context) => {
  const { followUpId, ongoingRisk, notes } = command;
  const recorded = recordedState(state, context);
  const followUp = state.followUps.find((f) => f.followUpId === followUpId);
  const alreadyCompleted = followUp?.status !== 'scheduled';
  return stageRefusal(recorded, context, ['FollowUp'], 'a follow-up check-in')
    ?? leadOnly(recorded, actor, 'complete a follow-up')
    ?? deactivatedRefusal(actor, context)
    ?? (!followUp ? notFound(`follow-up ${followUpId} is not on this case`, 'follow_up_not_found', { followUpId }) : undefined)
    ?? (alreadyCompleted ? conflict(`follow-up ${followUpId} is already completed`, 'follow_up_done', { followUpId }) : undefined)
    ?? (typeof ongoingRisk !== 'boolean' ? invalid('ongoingRisk must be true or false', 'ongoingRisk', 'not_yes_no') : undefined)
    ?? textRefusal(notes, 'notes')
    ?? followUpEvents(state, command, actor, now);
};

/**
 * The events of a completed check-in, worked out from the state the step finds: an ongoing risk after the last open
 * check-in schedules an extra one, up to MAX_EXTRA_FOLLOW_UPS (after which `followUpEscalates`).
 */
export function followUpEvents(state: CaseState, command: { followUpId: string; ongoingRisk: boolean; notes: string }, actor: Actor, now: string): NewCaseEvent[] {
  const { followUpId, ongoingRisk, notes } = command;
  const completed = caseEvent('FollowUpCompleted', { followUpId, ongoingRisk, notes: notes.trim() }, actor, now);
  if (!ongoingRisk || othersOpen(state, followUpId)) return [completed];
  const extras = extraFollowUps(state);
  if (extras >= MAX_EXTRA_FOLLOW_UPS) return [completed];
  return [completed, caseEvent('FollowUpScheduled', { followUpId: `extra-${extras + 1}`, dueAt: addMs(now, EXTRA_FOLLOW_UP_AFTER_MS) }, SYSTEM_ACTOR, now)];
}

/** Whether completing this check-in with an ongoing risk escalates, because no more extra check-ins may be scheduled. */
export function followUpEscalates(state: CaseState, followUpId: string, ongoingRisk: boolean): boolean {
  return ongoingRisk && !othersOpen(state, followUpId) && extraFollowUps(state) >= MAX_EXTRA_FOLLOW_UPS;
}

function othersOpen(state: CaseState, followUpId: string): boolean {
  return state.followUps.some((f) => f.status === 'scheduled' && f.followUpId !== followUpId);
}

function extraFollowUps(state: CaseState): number {
  return state.followUps.filter((f) => f.followUpId.startsWith('extra-')).length;
}

import { caseEvent, type NewCaseEvent } from './case.events';
import type { CaseState } from './case.state';
import { SYSTEM_ACTOR } from './case.vocabulary';
import { HOUR } from './durations';
import { SYSTEM_REASONS } from './system-reasons';

/** A task that comes back this close to its due time (or later) is escalated, not just handed back. */
export const RETURNED_TASK_ESCALATION_WINDOW_MS = 24 * HOUR;

/** The reason recorded on everything an expert's deactivation ends. */
export const DEACTIVATION_REASON = SYSTEM_REASONS.expertDeactivated;

/** What a case records when an expert leaves the pool, and what then needs the coordinator. */
export interface ExpertDeparture {
  readonly events: NewCaseEvent[];
  /** The expert led the team, so the coordinator must appoint a new lead. */
  readonly leadLeft: boolean;
  /** The expert was the team's last member after matching, so the coordinator must put someone on it by hand. */
  readonly teamEmptied: boolean;
  /** Returned tasks that fall due within the escalation window. */
  readonly urgentTaskIds: string[];
}

/** Withdraws the expert's open offers, hands their open tasks back to the coordinator and takes them off the team. */
export function departureOf(state: CaseState, expertId: string, now: string): ExpertDeparture {
  const offers = state.openOffers.filter((offer) => offer.expertId === expertId).map((offer) =>
    caseEvent('OfferWithdrawn', { offerId: offer.offerId, expertId, reason: DEACTIVATION_REASON }, SYSTEM_ACTOR, now));
  const openTasks = state.tasks.filter((task) => task.assigneeId === expertId && task.status === 'open');
  const tasks = openTasks.map((task) =>
    caseEvent('TaskReturned', { taskId: task.taskId, expertId, reason: DEACTIVATION_REASON }, SYSTEM_ACTOR, now));
  const member = state.team.find((m) => m.expertId === expertId);
  const leaving = member ? [caseEvent('TeamMemberRemoved', { expertId, reason: DEACTIVATION_REASON }, SYSTEM_ACTOR, now)] : [];
  const escalateBefore = Date.parse(now) + RETURNED_TASK_ESCALATION_WINDOW_MS;
  return {
    events: [...offers, ...tasks, ...leaving],
    // During matching a lone lead's place is simply filled again, and whoever joins an empty team leads it.
    leadLeft: member?.role === 'lead' && !(state.stage === 'Matching' && state.team.length === 1),
    // During matching an emptied team is simply filled again by the next offers.
    teamEmptied: member !== undefined && state.team.length === 1 && state.stage !== 'Matching',
    urgentTaskIds: openTasks.filter((task) => Date.parse(task.dueAt) <= escalateBefore).map((task) => task.taskId),
  };
}

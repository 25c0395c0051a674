import { conflict, invalid, notFound } from '../case-refusal';
import { DATE_TIME_EXAMPLE } from '../case-refusal-codes';
import { caseEvent } from '../case.events';
import { SYSTEM_ACTOR } from '../case.vocabulary';
import { SYSTEM_REASONS } from '../system-reasons';
import { assignedExpertOnly, coordinatorOnly, deactivatedRefusal, leadOnly, recordedState, stageRefusal, textRefusal } from './case-rules';
import type { Decider } from './decider';

/** A coordinator (re)schedules the preparatory session: in the future, and before the case's event. */
export const decideSessionSchedule: Decider<'scheduleSession'> = (state, { scheduledAt, note }, actor, now, context) => {
  const at = Date.parse(scheduledAt);
  const { eventDate } = state;
  return coordinatorOnly(actor)
    ?? stageRefusal(recordedState(state, context), context, ['Preparation'], 'scheduling the session')
    ?? (Number.isNaN(at)
      ? invalid(`scheduledAt must be an ISO date-time, got ${JSON.stringify(scheduledAt)}`, 'scheduledAt', 'not_a_date_time', { example: DATE_TIME_EXAMPLE }) : undefined)
    ?? (at <= Date.parse(now) ? invalid('scheduledAt must be in the future', 'scheduledAt', 'not_in_future') : undefined)
    ?? (eventDate && at >= Date.parse(eventDate)
      ? invalid(`the session must take place before the event on ${eventDate}`, 'scheduledAt', 'not_before_event', { eventDate }) : undefined)
    ?? [caseEvent('PreparatorySessionScheduled', { scheduledAt: new Date(at).toISOString(), ...(note && { note }) }, actor, now)];
};

/** The assignee completes an open task; a task handed back to the coordinator is theirs until they pass it on. */
export const decideTaskCompletion: Decider<'completeTask'> = (state, { taskId, outcome }, actor, now, context) => {
  const task = state.tasks.find((t) => t.taskId === taskId);
  const recordedTask = recordedState(state, context).tasks.find((t) => t.taskId === taskId) ?? task;
  return stageRefusal(recordedState(state, context), context, ['Preparation'], 'completing a task')
    ?? (!task || !recordedTask ? notFound(`task ${taskId} is not on this case`, 'task_not_found', { taskId }) : undefined)
    ?? (recordedTask!.assigneeId === null ? coordinatorOnly(actor) : assignedExpertOnly(actor, recordedTask!.assigneeId, 'complete this task', 'task_not_yours'))
    ?? deactivatedRefusal(actor, context)
    ?? (recordedTask!.status !== 'open' ? conflict(`task ${taskId} is already ${recordedTask!.status}`, 'task_not_open', { taskId, status: recordedTask!.status }) : undefined)
    ?? (task!.status !== 'open' ? conflict(`task ${taskId} is already being completed`, 'task_not_open', { taskId }) : undefined)
    ?? textRefusal(outcome, 'outcome')
    ?? [caseEvent('TaskCompleted', { taskId, outcome: outcome.trim() }, actor, now)];
};

/** The lead or a coordinator records the session that took place; tasks still open are withdrawn with it. */
export const decideSessionHeld: Decider<'holdSession'> = (state, { outcomes }, actor, now, context) => {
  const recorded = recordedState(state, context);
  return stageRefusal(recorded, context, ['Preparation'], 'recording the session')
    ?? (state.session?.heldAt && !recorded.session?.heldAt ? conflict('the session is already being recorded', 'session_recording') : undefined)
    ?? leadOnly(recorded, actor, 'record the session', true)
    ?? deactivatedRefusal(actor, context)
    ?? (!state.session ? conflict('the session has not been scheduled yet', 'session_not_scheduled') : undefined)
    ?? textRefusal(outcomes, 'outcomes')
    ?? [
      ...state.tasks.filter((t) => t.status === 'open')
        .map((t) => caseEvent('TaskWithdrawn', { taskId: t.taskId, reason: SYSTEM_REASONS.sessionHeldWithoutTask }, SYSTEM_ACTOR, now)),
      caseEvent('PreparatorySessionHeld', { outcomes: outcomes.trim() }, actor, now),
    ];
};

/** A coordinator gives an open task to another member of the team. */
export const decideTaskReassignment: Decider<'reassignTask'> = (state, { taskId, expertId }, actor, now, context) => {
  const task = state.tasks.find((t) => t.taskId === taskId);
  const onTeam = state.team.some((m) => m.expertId === expertId) && !context.deactivatedExperts?.has(expertId);
  return coordinatorOnly(actor)
    ?? stageRefusal(recordedState(state, context), context, ['Preparation'], 'passing a task on')
    ?? (!task ? notFound(`task ${taskId} is not on this case`, 'task_not_found', { taskId }) : undefined)
    ?? (task!.status !== 'open' ? conflict(`task ${taskId} is already ${task!.status}`, 'task_not_open', { taskId, status: task!.status }) : undefined)
    ?? (!onTeam ? notFound(`expert ${expertId} is not on this case's team`, 'not_on_team', { expertId }) : undefined)
    ?? (task!.assigneeId === expertId
      ? conflict(`task ${taskId} is already assigned to expert ${expertId}`, 'task_already_assigned', { taskId, expertId }) : undefined)
    ?? [caseEvent('TaskReassigned', { taskId, assigneeId: expertId }, actor, now)];
};

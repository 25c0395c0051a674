import { caseReads } from '../activity-proxies';
import { condition, setHandler } from '@temporalio/workflow';
import { SESSION_GRACE_MS } from '../../src/domain/case-policy';
import { DATE_TIME_EXAMPLE } from '../../src/domain/case-refusal-codes';
import { caseEvent } from '../../src/domain/case.events';
import { assignTemplateTasks, planSession, taskDueAt, type SessionPlan } from '../../src/domain/preparation-plan';
import { SYSTEM_ACTOR } from '../../src/domain/case.vocabulary';
import { ESCALATION_REASONS } from '../../src/domain/escalation-reasons';
import { SYSTEM_REASONS } from '../../src/domain/system-reasons';
import { addMs } from '../../src/domain/durations';
import { conflict, invalid, notFound, now, refuseDeactivated, requireCoordinator, requireExpert, requireLead, requireStage, requireText, type CaseContext } from '../case-context';
import type { CaseEscalations } from '../case-escalations';
import { watchDeadlines, type Deadline } from '../deadlines';
import { completeTask, holdSession, scheduleSession, type SessionRecord, type SessionSchedule, type TaskCompletion } from '../messages';

const { lookupExpert } = caseReads;

/** Registers task completion, session (re)scheduling and the record of the session. */
export function registerPreparation(context: CaseContext): void {
  // Completions being recorded: the task still reads open until its event is stored, so a second one must be refused here.
  const completing = new Set<string>();
  setHandler(completeTask, async ({ taskId, outcome, actor }: TaskCompletion) => {
    if (completing.has(taskId)) throw conflict(`task ${taskId} is already being completed`, 'task_not_open', { taskId });
    completing.add(taskId);
    try {
      return await context.journal.record(caseEvent('TaskCompleted', { taskId, outcome: outcome.trim() }, actor, now()));
    } finally {
      completing.delete(taskId);
    }
  }, {
    validator: ({ taskId, outcome, actor }: TaskCompletion) => {
      requireStage(context, ['Preparation'], 'completing a task');
      const task = context.state.tasks.find((t) => t.taskId === taskId);
      if (!task) throw notFound(`task ${taskId} is not on this case`, 'task_not_found', { taskId });
      // A task handed back to the coordinator is theirs to complete until they pass it on.
      if (task.assigneeId === null) requireCoordinator(actor);
      else requireExpert(actor, task.assigneeId, 'complete this task', 'task_not_yours');
      refuseDeactivated(context, actor);
      if (task.status !== 'open') throw conflict(`task ${taskId} is already ${task.status}`, 'task_not_open', { taskId, status: task.status });
      if (completing.has(taskId)) throw conflict(`task ${taskId} is already being completed`, 'task_not_open', { taskId });
      requireText(outcome, 'outcome');
    },
  });

  setHandler(scheduleSession, async ({ scheduledAt, note, actor }: SessionSchedule) => {
    const at = new Date(scheduledAt).toISOString();
    const state = await context.journal.record(caseEvent('PreparatorySessionScheduled', { scheduledAt: at, ...(note && { note }) }, actor, now()));
    context.deadlineRevision++;
    return state;
  }, {
    validator: ({ scheduledAt, actor }: SessionSchedule) => {
      requireCoordinator(actor);
      requireStage(context, ['Preparation'], 'scheduling the session');
      const at = Date.parse(scheduledAt);
      if (Number.isNaN(at)) throw invalid(`scheduledAt must be an ISO date-time, got ${JSON.stringify(scheduledAt)}`, 'scheduledAt', 'not_a_date_time', { example: DATE_TIME_EXAMPLE });
      if (at <= Date.now()) throw invalid('scheduledAt must be in the future', 'scheduledAt', 'not_in_future');
      const { eventDate } = context.state;
      if (eventDate && at >= Date.parse(eventDate)) throw invalid(`the session must take place before the event on ${eventDate}`, 'scheduledAt', 'not_before_event', { eventDate });
    },
  });

  let holding = false;
  setHandler(holdSession, ({ outcomes, actor }: SessionRecord) => {
    if (holding) throw conflict('the session is already being recorded', 'session_recording');
    holding = true;
    const withdrawn = context.state.tasks.filter((t) => t.status === 'open')
      .map((t) => caseEvent('TaskWithdrawn', { taskId: t.taskId, reason: SYSTEM_REASONS.sessionHeldWithoutTask }, SYSTEM_ACTOR, now()));
    return context.journal.record(...withdrawn, caseEvent('PreparatorySessionHeld', { outcomes: outcomes.trim() }, actor, now()));
  }, {
    validator: ({ outcomes, actor }: SessionRecord) => {
      requireStage(context, ['Preparation'], 'recording the session');
      if (holding) throw conflict('the session is already being recorded', 'session_recording');
      requireLead(context.state, actor, 'record the session', true);
      refuseDeactivated(context, actor);
      if (!context.state.session) throw conflict('the session has not been scheduled yet', 'session_not_scheduled');
      requireText(outcomes, 'outcomes');
    },
  });
}

/** Preparation: plans the session, assigns the category's tasks, and escalates overdue work until the session is held. */
export async function prepare(context: CaseContext, escalations: CaseEscalations): Promise<void> {
  let plan: SessionPlan | undefined;
  while (!plan) {
    // A team that deactivations emptied gets its work once the coordinator has put someone on it by hand.
    await condition(() => context.state.team.length > 0);
    const profiles = await Promise.all(context.state.team.map((member) => lookupExpert(member.expertId)));
    const skills = new Map(profiles.flatMap((profile) => (profile ? [[profile.expertId, profile.skills] as const] : [])));
    const skillsOf = (expertId: string) => skills.get(expertId) ?? [];
    // Built from the team as it stands when the step is recorded, so a member who left meanwhile is given no task.
    await context.journal.recordFrom((state) => {
      if (state.team.length === 0) return [];
      plan = planSession(state, now());
      const dueAt = taskDueAt(plan, now());
      const tasks = assignTemplateTasks(state, skillsOf).map((task, index) => caseEvent('TaskAssigned', {
        taskId: `task-${index + 1}`, templateId: task.templateId, title: task.title, assigneeId: task.assigneeId, dueAt,
      }, SYSTEM_ACTOR, now()));
      return [caseEvent('PreparatorySessionScheduled', { scheduledAt: plan.scheduledAt }, SYSTEM_ACTOR, now()), ...tasks];
    });
  }
  if (!plan.beforeEvent) {
    await escalations.raise('missedDeadline', 'session', ESCALATION_REASONS.sessionAfterEvent);
  }
  await watchDeadlines(context, () => context.stage !== 'Preparation', () => preparationDeadlines(context, escalations));
}

function preparationDeadlines(context: CaseContext, escalations: CaseEscalations): Deadline[] {
  const { tasks, session } = context.state;
  const overdueTasks: Deadline[] = tasks.filter((t) => t.status === 'open').map((task) => ({
    key: `task:${task.taskId}:${task.dueAt}`,
    at: task.dueAt,
    onMissed: () => escalations.raise('missedDeadline', `task:${task.taskId}`, ESCALATION_REASONS.taskOverdue(task.title)),
  }));
  const sessionOverdue: Deadline[] = session && !session.heldAt ? [{
    key: `session:${session.scheduledAt}`,
    at: addMs(session.scheduledAt, SESSION_GRACE_MS),
    onMissed: () => escalations.raise('missedDeadline', 'session', ESCALATION_REASONS.sessionNotHeld),
  }] : [];
  return [...overdueTasks, ...sessionOverdue];
}

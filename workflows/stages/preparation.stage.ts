import { caseReads } from '../activity-proxies';
import { condition, setHandler } from '@temporalio/workflow';
import { SESSION_GRACE_MS } from '../../src/domain/case-policy';
import { caseEvent } from '../../src/domain/case.events';
import { assignTemplateTasks, planSession, taskDueAt, type SessionPlan } from '../../src/domain/preparation-plan';
import { SYSTEM_ACTOR } from '../../src/domain/case.vocabulary';
import { ESCALATION_REASONS } from '../../src/domain/escalation-reasons';
import { addMs } from '../../src/domain/durations';
import { now, type CaseContext } from '../case-context';
import { decideNow } from '../case-decisions';
import type { CaseEscalations } from '../case-escalations';
import { watchDeadlines, type Deadline } from '../deadlines';
import { completeTask, holdSession, scheduleSession, type SessionRecord, type SessionSchedule, type TaskCompletion } from '../messages';

const { lookupExpert } = caseReads;

/** Registers task completion, session (re)scheduling and the record of the session. */
export function registerPreparation(context: CaseContext): void {
  // Each decided against the pending state, so a task being completed, or a session being recorded, reads as done.
  setHandler(completeTask, ({ taskId, outcome, actor }: TaskCompletion) =>
    context.journal.record(...decideNow(context, { type: 'completeTask', taskId, outcome }, actor)), {
    validator: ({ taskId, outcome, actor }: TaskCompletion) => void decideNow(context, { type: 'completeTask', taskId, outcome }, actor),
  });

  setHandler(scheduleSession, async ({ scheduledAt, note, actor }: SessionSchedule) => {
    const state = await context.journal.record(...decideNow(context, { type: 'scheduleSession', scheduledAt, note }, actor));
    context.deadlineRevision++;
    return state;
  }, {
    validator: ({ scheduledAt, note, actor }: SessionSchedule) => void decideNow(context, { type: 'scheduleSession', scheduledAt, note }, actor),
  });

  setHandler(holdSession, ({ outcomes, actor }: SessionRecord) =>
    context.journal.record(...decideNow(context, { type: 'holdSession', outcomes }, actor)), {
    validator: ({ outcomes, actor }: SessionRecord) => void decideNow(context, { type: 'holdSession', outcomes }, actor),
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

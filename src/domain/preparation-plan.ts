import {
  DEFAULT_SESSION_OFFSET_MS, MIN_SESSION_NOTICE_MS, PREPARATION_TEMPLATES, SESSION_LEAD_TIME_MS, TASK_DUE_BEFORE_SESSION_MS,
  type TaskTemplate,
} from './case-policy';
import type { CaseState } from './case.state';
import { addMs } from './durations';
import type { ExpertSkill } from './expert-profile';

/** When the preparatory session is planned, and whether that is still before the event. */
export interface SessionPlan {
  readonly scheduledAt: string;
  readonly beforeEvent: boolean;
}

/** Plans the session the risk's lead time before the event, but never sooner than the minimum notice from `now`. */
export function planSession(state: Pick<CaseState, 'eventDate' | 'riskLevel'>, now: string): SessionPlan {
  if (!state.eventDate) return { scheduledAt: addMs(now, DEFAULT_SESSION_OFFSET_MS), beforeEvent: true };
  const ideal = Date.parse(state.eventDate) - SESSION_LEAD_TIME_MS[state.riskLevel ?? 'MEDIUM'];
  const scheduled = Math.max(ideal, Date.parse(now) + MIN_SESSION_NOTICE_MS);
  return { scheduledAt: new Date(scheduled).toISOString(), beforeEvent: scheduled < Date.parse(state.eventDate) };
}

/** Tasks are due ahead of the session; when that moment has already passed, they are due at the session itself. */
export function taskDueAt(plan: SessionPlan, now: string): string {
  const dueAt = addMs(plan.scheduledAt, -TASK_DUE_BEFORE_SESSION_MS);
  return Date.parse(dueAt) > Date.parse(now) ? dueAt : plan.scheduledAt;
}

/** Gives each of the category's template tasks to the team member whose skills fit it, spreading the work; the lead takes what fits nobody. */
export function assignTemplateTasks(
  state: Pick<CaseState, 'category' | 'team'>,
  skillsOf: (expertId: string) => readonly ExpertSkill[],
): Array<TaskTemplate & { readonly assigneeId: string }> {
  const load = new Map<string, number>(state.team.map((m) => [m.expertId, 0]));
  const lead = state.team.find((m) => m.role === 'lead') ?? state.team[0];
  return PREPARATION_TEMPLATES[state.category].map((template) => {
    const fitting = state.team.filter((m) => skillsOf(m.expertId).includes(template.skill));
    const pool = fitting.length > 0 ? fitting : [lead];
    const assignee = pool.reduce((best, m) => ((load.get(m.expertId) ?? 0) < (load.get(best.expertId) ?? 0) ? m : best));
    load.set(assignee.expertId, (load.get(assignee.expertId) ?? 0) + 1);
    return { ...template, assigneeId: assignee.expertId };
  });
}

import { log, setHandler } from '@temporalio/workflow';
import { caseEvent } from '../../src/domain/case.events';
import { ESCALATION_REASONS } from '../../src/domain/escalation-reasons';
import { departureOf, RETURNED_TASK_ESCALATION_WINDOW_MS, type ExpertDeparture } from '../../src/domain/expert-departure';
import { conflict, notFound, now, requireCoordinator, requireStage, type CaseContext } from '../case-context';
import type { CaseEscalations } from '../case-escalations';
import { appointLead, expertDeactivated, reassignTask, type LeadAppointment, type TaskReassignment } from '../messages';

const TEAM_STAGES = ['Matching', 'Preparation', 'Intervention', 'FollowUp', 'Evaluation'] as const;

/** Registers what happens when an expert leaves the pool, and the coordinator's repairs: a new lead, a task passed on. */
export function registerTeamChanges(context: CaseContext, escalations: CaseEscalations): void {
  setHandler(expertDeactivated, ({ expertId, actor }) => {
    if (typeof expertId !== 'string' || expertId === '' || actor?.role !== 'coordinator') {
      log.warn('ignored an invalid expert deactivation', { role: actor?.role });
      return;
    }
    // Remembered before anything is recorded, so every validator from now on refuses this expert.
    context.deactivatedExperts.add(expertId);
    if (context.journal.stateOrNull === null || context.ended) return;
    let departure: ExpertDeparture | undefined;
    void context.journal.recordFrom((state) => {
      departure = departureOf(state, expertId, now());
      return departure.events;
    }).then(async () => {
      const { leadLeft = false, teamEmptied = false, urgentTaskIds: urgentTasks = [] } = departure ?? {};
      if (teamEmptied) await escalations.raise('expertDeactivated', 'team', ESCALATION_REASONS.teamEmptied);
      else if (leadLeft) await escalations.raise('expertDeactivated', 'lead', ESCALATION_REASONS.leadLeft);
      if (urgentTasks.length > 0) {
        await escalations.raise('expertDeactivated', `returned:${expertId}`,
          ESCALATION_REASONS.returnedTasksDue(urgentTasks, RETURNED_TASK_ESCALATION_WINDOW_MS / 3_600_000));
      }
    }).catch(() => undefined);
  });

  setHandler(appointLead, ({ expertId, actor }: LeadAppointment) => context.journal.recordFrom((state) => {
    // Checked again when recorded: a deactivation that arrived meanwhile has taken the member off the team.
    if (!state.team.some((m) => m.expertId === expertId) || context.deactivatedExperts.has(expertId)) {
      throw notFound(`expert ${expertId} is not on this case's team`, 'not_on_team', { expertId });
    }
    return [caseEvent('LeadAppointed', { expertId }, actor, now())];
  }), {
    validator: ({ expertId, actor }: LeadAppointment) => {
      requireCoordinator(actor);
      requireStage(context, TEAM_STAGES, 'appointing a lead');
      const member = context.state.team.find((m) => m.expertId === expertId);
      if (!member) throw notFound(`expert ${expertId} is not on this case's team`, 'not_on_team', { expertId });
      if (member.role === 'lead') throw conflict(`expert ${expertId} already leads the team`, 'already_lead', { expertId });
    },
  });

  setHandler(reassignTask, ({ taskId, expertId, actor }: TaskReassignment) => context.journal.recordFrom((state) => {
    // Checked again when recorded: the member may have been deactivated, or the task completed, meanwhile.
    if (!state.team.some((m) => m.expertId === expertId) || context.deactivatedExperts.has(expertId)) {
      throw notFound(`expert ${expertId} is not on this case's team`, 'not_on_team', { expertId });
    }
    if (state.tasks.find((t) => t.taskId === taskId)?.status !== 'open') throw conflict(`task ${taskId} is no longer open`, 'task_not_open', { taskId });
    return [caseEvent('TaskReassigned', { taskId, assigneeId: expertId }, actor, now())];
  }), {
    validator: ({ taskId, expertId, actor }: TaskReassignment) => {
      requireCoordinator(actor);
      requireStage(context, ['Preparation'], 'passing a task on');
      const task = context.state.tasks.find((t) => t.taskId === taskId);
      if (!task) throw notFound(`task ${taskId} is not on this case`, 'task_not_found', { taskId });
      if (task.status !== 'open') throw conflict(`task ${taskId} is already ${task.status}`, 'task_not_open', { taskId, status: task.status });
      if (!context.state.team.some((m) => m.expertId === expertId)) throw notFound(`expert ${expertId} is not on this case's team`, 'not_on_team', { expertId });
      if (task.assigneeId === expertId) throw conflict(`task ${taskId} is already assigned to expert ${expertId}`, 'task_already_assigned', { taskId, expertId });
    },
  });
}

/** Whether an offer to this expert may still be made: not once the pool has deactivated them. */
export function mayBeOffered(context: CaseContext, expertId: string): boolean {
  return !context.deactivatedExperts.has(expertId);
}

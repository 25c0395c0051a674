import { log, setHandler } from '@temporalio/workflow';
import { ESCALATION_REASONS } from '../../src/domain/escalation-reasons';
import { departureOf, RETURNED_TASK_ESCALATION_WINDOW_MS, type ExpertDeparture } from '../../src/domain/expert-departure';
import { now, type CaseContext } from '../case-context';
import { decideAt, decideNow } from '../case-decisions';
import type { CaseEscalations } from '../case-escalations';
import { appointLead, expertDeactivated, reassignTask, type LeadAppointment, type TaskReassignment } from '../messages';

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

  // Decided again when recorded: a deactivation that arrived meanwhile has taken the member off the team.
  setHandler(appointLead, ({ expertId, actor }: LeadAppointment) => {
    const command = { type: 'appointLead', expertId } as const;
    return context.journal.recordFrom((state) => decideAt(context, state, command, actor), decideNow(context, command, actor));
  }, {
    validator: ({ expertId, actor }: LeadAppointment) => void decideNow(context, { type: 'appointLead', expertId }, actor),
  });

  // Decided again when recorded: the member may have been deactivated, or the task completed, meanwhile.
  setHandler(reassignTask, ({ taskId, expertId, actor }: TaskReassignment) => {
    const command = { type: 'reassignTask', taskId, expertId } as const;
    return context.journal.recordFrom((state) => decideAt(context, state, command, actor), decideNow(context, command, actor));
  }, {
    validator: ({ taskId, expertId, actor }: TaskReassignment) => void decideNow(context, { type: 'reassignTask', taskId, expertId }, actor),
  });
}

/** Whether an offer to this expert may still be made: not once the pool has deactivated them. */
export function mayBeOffered(context: CaseContext, expertId: string): boolean {
  return !context.deactivatedExperts.has(expertId);
}

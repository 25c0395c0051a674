import type { CaseState, OpenEscalation } from './case.state';
import type { CauseResolution } from './escalation-policy';

/** An open escalation whose cause the case has since removed, and what removed it. */
export interface SettledEscalation {
  readonly escalationId: string;
  readonly resolution: CauseResolution;
}

/**
 * The open escalations whose cause is gone: the team they asked for is there, the overdue work is done. Escalations
 * about a judgement (a raised risk, a concern, an incident) have no such cause and wait for a coordinator.
 */
export function settledEscalations(state: CaseState): SettledEscalation[] {
  return state.openEscalations.flatMap((escalation) => {
    const resolution = resolutionOf(escalation, state);
    return resolution ? [{ escalationId: escalation.escalationId, resolution }] : [];
  });
}

// Keyed by the subject the workflow raised the escalation under (see its `escalations.raise` calls).
function resolutionOf({ subject }: OpenEscalation, state: CaseState): CauseResolution | null {
  const [kind, id] = splitSubject(subject);
  switch (kind) {
    case 'matching':
    case 'offer-round':
      return state.stage !== 'Matching' ? 'teamAssembled' : null;
    case 'team':
      return state.team.length > 0 ? 'memberAssigned' : null;
    case 'lead':
      return state.team.some((member) => member.role === 'lead') ? 'leadAppointed' : null;
    case 'returned':
      return state.tasks.some((task) => task.status === 'open' && task.assigneeId === null) ? null : 'returnedTasksTakenOver';
    case 'task': {
      const status = state.tasks.find((task) => task.taskId === id)?.status;
      return status === 'completed' ? 'taskCompleted' : status === 'withdrawn' ? 'taskWithdrawn' : null;
    }
    case 'session':
      return state.session?.heldAt ? 'sessionHeld' : null;
    case 'intervention-report':
      return state.intervention ? 'interventionReported' : null;
    case 'follow-up':
      return state.followUps.find((followUp) => followUp.followUpId === id)?.status === 'completed' ? 'followUpCompleted' : null;
    default:
      return null;
  }
}

function splitSubject(subject: string): [string, string | undefined] {
  const colon = subject.indexOf(':');
  return colon < 0 ? [subject, undefined] : [subject.slice(0, colon), subject.slice(colon + 1)];
}

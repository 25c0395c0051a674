import type { CaseCommand, DecisionContext } from './case-command';
import type { CaseDecision, CaseRefusal } from './case-refusal';
import type { NewCaseEvent } from './case.events';
import type { CaseState } from './case.state';
import type { Actor } from './case.vocabulary';
import { decideFollowUp, decideInterventionReport } from './decide/aftercare-decisions';
import { stageRefusal } from './decide/case-rules';
import { decideAcknowledgement, decideCancellation, decideClosure, decideEvaluation } from './decide/closure-decisions';
import { decideManualAssignment, decideOfferResponse } from './decide/matching-decisions';
import { decideSessionHeld, decideSessionSchedule, decideTaskCompletion, decideTaskReassignment } from './decide/preparation-decisions';
import { decideConcern, decideRiskChange } from './decide/signal-decisions';
import { decideDeactivation, decideLeadAppointment } from './decide/team-decisions';
import { decideTriage } from './decide/triage-decisions';

/**
 * Who may do what, when, written once: decides a command on a case from its state (null before its first event), the
 * actor, the time and what else the caller knows, into the events to record or a coded refusal. Pure: the workflow's
 * validators and handlers, the API's signal checks and the screens' actions all ask it.
 */
export function decide(state: CaseState | null, command: CaseCommand, actor: Actor, now: string, context: DecisionContext = {}): CaseDecision {
  const result = decided(state, command, actor, now, context);
  return Array.isArray(result) ? { outcome: 'accepted', events: result } : { outcome: 'refused', refusal: result as CaseRefusal };
}

function decided(state: CaseState | null, command: CaseCommand, actor: Actor, now: string, context: DecisionContext): CaseRefusal | NewCaseEvent[] {
  if (command.type === 'triage') return decideTriage(state, command, actor, now, context);
  if (command.type === 'cancelCase') return decideCancellation(state, command, actor, now, context);
  // Before its first event a case can take only a triage decision or a cancellation (or ignore a signal).
  if (state === null) return stageRefusal(null, context, ['Triage'], command.type)!;
  switch (command.type) {
    case 'respondToOffer': return decideOfferResponse(state, command, actor, now, context);
    case 'assignExpert': return decideManualAssignment(state, command, actor, now, context);
    case 'scheduleSession': return decideSessionSchedule(state, command, actor, now, context);
    case 'completeTask': return decideTaskCompletion(state, command, actor, now, context);
    case 'holdSession': return decideSessionHeld(state, command, actor, now, context);
    case 'reassignTask': return decideTaskReassignment(state, command, actor, now, context);
    case 'reportIntervention': return decideInterventionReport(state, command, actor, now, context);
    case 'completeFollowUp': return decideFollowUp(state, command, actor, now, context);
    case 'acknowledgeEscalation': return decideAcknowledgement(state, command, actor, now, context);
    case 'evaluateCase': return decideEvaluation(state, command, actor, now, context);
    case 'closeCase': return decideClosure(state, command, actor, now, context);
    case 'appointLead': return decideLeadAppointment(state, command, actor, now, context);
    case 'expertDeactivated': return decideDeactivation(state, command, actor, now, context);
    case 'changeRisk': return decideRiskChange(state, command, actor, now, context);
    case 'raiseConcern': return decideConcern(state, command, actor, now, context);
    default: return assertNever(command);
  }
}

function assertNever(command: never): never {
  throw new Error(`unknown case command ${JSON.stringify(command)}`);
}

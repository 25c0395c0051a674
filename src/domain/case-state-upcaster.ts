import type { CaseState } from './case.state';
import { codedText } from './legacy-sentences';

/**
 * A case state as today's code reads it. The `cases` read model keeps the state each append folded, so a row last
 * written before texts were coded still holds English sentences in its risk reasons, task titles and escalation
 * reasons; they become coded texts here, as `upcastCaseEvent` makes them for the events.
 */
export function upcastCaseState(state: CaseState): CaseState {
  // A row older still may lack a list altogether; what is absent stays absent rather than be made up here.
  const { riskReasons, tasks, openEscalations } = state as Partial<CaseState>;
  return {
    ...state,
    ...(riskReasons && { riskReasons: riskReasons.map(codedText) }),
    ...(tasks && { tasks: tasks.map((task) => ({ ...task, title: codedText(task.title) })) }),
    ...(openEscalations && { openEscalations: openEscalations.map((escalation) => ({ ...escalation, reason: codedText(escalation.reason) })) }),
  };
}

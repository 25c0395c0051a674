import type { CaseState } from './case.state';
import { codedText } from './legacy-sentences';

/**
 * A case state as today's code reads it. The `cases` read model keeps the state each append folded, so a row last
 * written before texts were coded still holds English sentences in its risk reasons, task titles and escalation
 * reasons; they become coded texts here, as `upcastCaseEvent` makes them for the events.
 */
export function upcastCaseState(state: CaseState): CaseState {
  return {
    ...state,
    riskReasons: state.riskReasons.map(codedText),
    tasks: state.tasks.map((task) => ({ ...task, title: codedText(task.title) })),
    openEscalations: state.openEscalations.map((escalation) => ({ ...escalation, reason: codedText(escalation.reason) })),
  };
}

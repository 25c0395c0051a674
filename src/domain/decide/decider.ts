import type { CaseCommandOf, CaseCommandType, DecisionContext } from '../case-command';
import type { CaseRefusal } from '../case-refusal';
import type { NewCaseEvent } from '../case.events';
import type { CaseState } from '../case.state';
import type { Actor } from '../case.vocabulary';

/** Decides one kind of command on a case that has a state: the events to record, or why not. */
export type Decider<T extends CaseCommandType> = (
  state: CaseState, command: CaseCommandOf<T>, actor: Actor, now: string, context: DecisionContext,
) => CaseRefusal | NewCaseEvent[];

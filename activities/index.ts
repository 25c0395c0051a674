import { createEventActivities, type EventActivityDependencies } from './event.activities';
import { createIntakeActivities } from './intake.activities';

/** Everything the case activities need from the outside world. */
export type CaseActivityDependencies = EventActivityDependencies;

/** Builds every activity the case workflow uses, wired to real services. */
export function createCaseActivities(dependencies: CaseActivityDependencies) {
  return { ...createEventActivities(dependencies), ...createIntakeActivities() };
}

/** The activity interface that workflows proxy. */
export type CaseActivities = ReturnType<typeof createCaseActivities>;

import { createEscalationActivities, type EscalationActivityDependencies } from './escalation.activities';
import { createEventActivities, type EventActivityDependencies } from './event.activities';
import { createHistoryArchiveActivities, type HistoryArchiveActivityDependencies } from './history-archive.activities';
import { createIntakeActivities } from './intake.activities';
import { createMatchingActivities, type MatchingActivityDependencies } from './matching.activities';

/** Everything the case activities need from the outside world. */
export type CaseActivityDependencies = EventActivityDependencies & MatchingActivityDependencies & EscalationActivityDependencies
  & HistoryArchiveActivityDependencies;

/** Builds every activity the case workflows use, wired to real services. */
export function createCaseActivities(dependencies: CaseActivityDependencies) {
  return {
    ...createEventActivities(dependencies),
    ...createIntakeActivities(),
    ...createMatchingActivities(dependencies),
    ...createEscalationActivities(dependencies),
    ...createHistoryArchiveActivities(dependencies),
  };
}

/** The activity interface that workflows proxy. */
export type CaseActivities = ReturnType<typeof createCaseActivities>;

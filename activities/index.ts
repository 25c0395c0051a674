import { createEscalationActivities, type EscalationActivityDependencies } from './escalation.activities';
import { createEventActivities, type EventActivityDependencies } from './event.activities';
import { createHistoryArchiveActivities, type HistoryArchiveActivityDependencies } from './history-archive.activities';
import { createIntakeActivities } from './intake.activities';
import { createMatchingActivities, type MatchingActivityDependencies } from './matching.activities';
import { createNotificationActivities, type NotificationActivityDependencies } from './notification.activities';

/** Everything the case activities need from the outside world. */
export type CaseActivityDependencies = EventActivityDependencies & MatchingActivityDependencies & EscalationActivityDependencies
  & HistoryArchiveActivityDependencies & NotificationActivityDependencies;

/** Builds every activity the case workflows use, wired to real services. */
export function createCaseActivities(dependencies: CaseActivityDependencies) {
  return {
    ...createEventActivities(dependencies),
    ...createIntakeActivities(),
    ...createMatchingActivities(dependencies),
    ...createEscalationActivities(dependencies),
    ...createHistoryArchiveActivities(dependencies),
    ...createNotificationActivities(dependencies),
  };
}

/** The activity interface that workflows proxy. */
export type CaseActivities = ReturnType<typeof createCaseActivities>;

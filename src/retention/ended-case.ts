import { foldCase } from '../domain/case.state';
import { FINAL_STAGES } from '../domain/case.vocabulary';
import { workflowIdFor } from '../domain/case-workflow-id';
import type { StoredCaseEvent } from '../event-store/event-store.port';

/** Whether a case has ended and its own workflow closed (the archiver recorded it), so that nothing else appends to it. */
export function hasEndedForGood(events: readonly StoredCaseEvent[]): boolean {
  const state = foldCase(events);
  if (!state || !FINAL_STAGES.includes(state.stage)) return false;
  return events.some((event) => event.type === 'HistoryArchived' && event.data.workflowId === workflowIdFor(state.caseId));
}

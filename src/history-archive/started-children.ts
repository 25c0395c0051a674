import type { History } from '@temporalio/common/lib/proto-utils';

/** The workflow type of the escalation ladders a case workflow starts. */
export const ESCALATION_LADDER_TYPE = 'escalationLadder';

/**
 * The ids of the child workflows of one type that a history started, in the order it started them. Started rather
 * than initiated: a child whose start failed has no history of its own.
 */
export function startedChildren(history: History, workflowType: string): string[] {
  return (history.events ?? [])
    .map((event) => event.childWorkflowExecutionStartedEventAttributes)
    .filter((started) => started?.workflowType?.name === workflowType)
    .map((started) => started?.workflowExecution?.workflowId)
    .filter((workflowId): workflowId is string => typeof workflowId === 'string' && workflowId.length > 0);
}

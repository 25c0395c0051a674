import type { History } from '@temporalio/common/lib/proto-utils';

/** Injection token of the door through which the audit reads workflow histories from Temporal. */
export const WORKFLOW_HISTORIES = Symbol('WorkflowHistories');

/** Workflow histories as Temporal holds them, for the audit to replay. */
export interface WorkflowHistories {
  /** The history of the workflow's latest run; null when Temporal never ran it or has deleted it after its retention period. */
  fetch(workflowId: string): Promise<History | null>;
}

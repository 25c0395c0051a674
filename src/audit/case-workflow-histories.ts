import { isGrpcServiceError, type Client } from '@temporalio/client';
import type { History } from '@temporalio/common/lib/proto-utils';
import { workflowIdFor } from '../cases/case-workflow.client';
import type { WorkflowReplay } from './workflow-replayer';

// gRPC's NOT_FOUND: what Temporal answers for a workflow it never ran or has already deleted after its retention period.
const GRPC_NOT_FOUND = 5;

/** A history fetched from Temporal, with the id of its workflow. */
export interface FetchedHistory {
  readonly workflowId: string;
  readonly history: History;
}

/** The Temporal histories of a case's workflow and its escalation ladders, and those Temporal no longer holds. */
export interface CaseWorkflowHistories {
  readonly histories: readonly FetchedHistory[];
  readonly missing: readonly WorkflowReplay[];
}

/** Fetches the case workflow's history and, through the children it started, those of its escalation ladders. */
export async function fetchCaseWorkflowHistories(client: Client, caseId: string): Promise<CaseWorkflowHistories> {
  const histories: FetchedHistory[] = [];
  const missing: WorkflowReplay[] = [];
  const pending = [workflowIdFor(caseId)];
  for (let workflowId = pending.shift(); workflowId !== undefined; workflowId = pending.shift()) {
    const history = await fetchHistory(client, workflowId);
    if (history === null) {
      missing.push({
        workflowId, status: 'unavailable', errorType: null,
        message: `Temporal no longer has the history of ${workflowId} (past the namespace's retention period, or never started)`,
      });
      continue;
    }
    histories.push({ workflowId, history });
    pending.push(...startedChildren(history));
  }
  return { histories, missing };
}

async function fetchHistory(client: Client, workflowId: string): Promise<History | null> {
  try {
    return await client.workflow.getHandle(workflowId).fetchHistory();
  } catch (error) {
    if (isGrpcServiceError(error) && error.code === GRPC_NOT_FOUND) return null;
    throw error;
  }
}

// Started rather than initiated: a child whose start failed has no history of its own to replay.
function startedChildren(history: History): string[] {
  return (history.events ?? [])
    .map((event) => event.childWorkflowExecutionStartedEventAttributes?.workflowExecution?.workflowId)
    .filter((workflowId): workflowId is string => typeof workflowId === 'string' && workflowId.length > 0);
}

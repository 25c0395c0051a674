import type { ConnectionLike } from '@temporalio/client';
import { caseIdOfWorkflowId } from '../domain/case-workflow-id';
import type { StuckWorkflow } from './stuck-workflows.port';

// Describing one workflow is a cheap read for Temporal; a few at a time keeps a scan of many open cases short.
const DESCRIBE_AT_ONCE = 8;
const PAGE_SIZE = 1_000;
// The reason of the last failed attempt is a handful of events from the end of the history.
const TAIL_EVENTS = 20;

/** Where to look: the namespace and the task queue Brigade's workflows run on. */
export interface StuckWorkflowScope {
  readonly namespace: string;
  readonly taskQueue: string;
  /** The attempt from which a workflow task counts as stuck. */
  readonly attempts: number;
}

/**
 * Finds the running workflows of Brigade's cases whose current workflow task is at `attempts` or beyond. Temporal's
 * visibility does not index attempts, so every running workflow on the task queue is described.
 */
export async function findStuckWorkflows(connection: ConnectionLike, scope: StuckWorkflowScope): Promise<StuckWorkflow[]> {
  const running = await runningCaseWorkflows(connection, scope);
  const stuck: StuckWorkflow[] = [];
  for (let start = 0; start < running.length; start += DESCRIBE_AT_ONCE) {
    const batch = await Promise.all(running.slice(start, start + DESCRIBE_AT_ONCE).map((workflow) => stuckOrNull(connection, scope, workflow)));
    for (const found of batch) if (found) stuck.push(found);
  }
  return stuck;
}

interface RunningWorkflow {
  readonly workflowId: string;
  readonly runId: string;
  readonly workflowType: string;
  readonly caseId: string;
}

async function runningCaseWorkflows(connection: ConnectionLike, { namespace, taskQueue }: StuckWorkflowScope): Promise<RunningWorkflow[]> {
  const found: RunningWorkflow[] = [];
  let nextPageToken: Uint8Array | undefined;
  do {
    const page = await connection.workflowService.listWorkflowExecutions({
      namespace, pageSize: PAGE_SIZE, nextPageToken, query: `ExecutionStatus = 'Running' AND TaskQueue = '${taskQueue.replace(/'/g, "''")}'`,
    });
    for (const execution of page.executions ?? []) {
      const workflowId = execution.execution?.workflowId ?? '';
      const caseId = caseIdOfWorkflowId(workflowId);
      if (caseId) found.push({ workflowId, runId: execution.execution?.runId ?? '', workflowType: execution.type?.name ?? '', caseId });
    }
    nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
  } while (nextPageToken);
  return found;
}

async function stuckOrNull(connection: ConnectionLike, scope: StuckWorkflowScope, workflow: RunningWorkflow): Promise<StuckWorkflow | null> {
  const execution = { workflowId: workflow.workflowId, runId: workflow.runId };
  const described = await connection.workflowService.describeWorkflowExecution({ namespace: scope.namespace, execution });
  const attempts = described.pendingWorkflowTask?.attempt ?? 0;
  if (attempts < scope.attempts) return null;
  return { workflowId: workflow.workflowId, caseId: workflow.caseId, workflowType: workflow.workflowType, attempts, failure: await lastTaskFailure(connection, scope.namespace, execution) };
}

// Temporal records the first failure of a run of attempts as an event; later attempts fail the same way.
async function lastTaskFailure(connection: ConnectionLike, namespace: string, execution: { workflowId: string; runId: string }): Promise<string | null> {
  const tail = await connection.workflowService.getWorkflowExecutionHistoryReverse({ namespace, execution, maximumPageSize: TAIL_EVENTS });
  const failed = (tail.history?.events ?? []).find((event) => event.workflowTaskFailedEventAttributes)?.workflowTaskFailedEventAttributes;
  return failed?.failure?.message ?? null;
}

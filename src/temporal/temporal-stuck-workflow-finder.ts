import type { ConnectionLike } from '@temporalio/client';
import { defaultPayloadConverter, type Payload, type PayloadCodec } from '@temporalio/common';
import { caseIdOfWorkflowId } from '../domain/case-workflow-id';
import type { StuckWorkflow } from './stuck-workflows.port';

// Describing one workflow is a cheap read for Temporal, but a scan describes every open case: a few at a time, and no
// more than about fifty a second, so that a thousand open cases cost Temporal a steady trickle rather than a burst.
const DESCRIBE_AT_ONCE = 8;
const BATCH_PAUSE_MS = 160;
const PAGE_SIZE = 1_000;
// The reason of the last failed attempt is a handful of events from the end of the history.
const TAIL_EVENTS = 20;

/** Where to look: the namespace and the task queue Brigade's workflows run on. */
export interface StuckWorkflowScope {
  readonly namespace: string;
  readonly taskQueue: string;
  /** Decrypts a failure's encoded message (the worker encrypts failures' texts); without it the message stays sealed. */
  readonly codecs?: readonly PayloadCodec[];
  /** The attempt from which a workflow task counts as stuck. */
  readonly attempts: number;
}

/**
 * Finds the running workflows of Brigade's cases whose current workflow task is at `attempts` or beyond. Visibility does
 * not index attempts, so the workflows Temporal flags as having task problems are described (on a server too old to
 * flag them, every running workflow on the task queue).
 */
export async function findStuckWorkflows(connection: ConnectionLike, scope: StuckWorkflowScope): Promise<StuckWorkflow[]> {
  const running = await runningCaseWorkflows(connection, scope);
  const stuck: StuckWorkflow[] = [];
  for (let start = 0; start < running.length; start += DESCRIBE_AT_ONCE) {
    if (start > 0) await new Promise((resolve) => setTimeout(resolve, BATCH_PAUSE_MS));
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

// Temporal (1.28 on) flags a workflow whose tasks failed or timed out twice in a row with this search attribute, and
// clears it once a task succeeds: asking for it lists the few suspects instead of every open case.
const REPORTED_PROBLEMS = "TemporalReportedProblems IN ('category=WorkflowTaskFailed', 'category=WorkflowTaskTimedOut')";
// gRPC's INVALID_ARGUMENT: what an older server answers for a search attribute it does not know.
const GRPC_INVALID_ARGUMENT = 3;

async function runningCaseWorkflows(connection: ConnectionLike, scope: StuckWorkflowScope): Promise<RunningWorkflow[]> {
  const running = `ExecutionStatus = 'Running' AND TaskQueue = '${scope.taskQueue.replace(/'/g, "''")}'`;
  try {
    return await listed(connection, scope.namespace, `${running} AND ${REPORTED_PROBLEMS}`);
  } catch (error) {
    if ((error as { code?: number }).code !== GRPC_INVALID_ARGUMENT) throw error;
    return listed(connection, scope.namespace, running);
  }
}

async function listed(connection: ConnectionLike, namespace: string, query: string): Promise<RunningWorkflow[]> {
  const found: RunningWorkflow[] = [];
  let nextPageToken: Uint8Array | undefined;
  do {
    const page = await connection.workflowService.listWorkflowExecutions({ namespace, pageSize: PAGE_SIZE, nextPageToken, query });
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
  return { workflowId: workflow.workflowId, caseId: workflow.caseId, workflowType: workflow.workflowType, attempts, failure: await lastTaskFailure(connection, scope, execution) };
}

// Temporal records the first failure of a run of attempts as an event; later attempts fail the same way.
async function lastTaskFailure(connection: ConnectionLike, scope: StuckWorkflowScope, execution: { workflowId: string; runId: string }): Promise<string | null> {
  const tail = await connection.workflowService.getWorkflowExecutionHistoryReverse({ namespace: scope.namespace, execution, maximumPageSize: TAIL_EVENTS });
  const failure = (tail.history?.events ?? []).find((event) => event.workflowTaskFailedEventAttributes)?.workflowTaskFailedEventAttributes?.failure;
  if (!failure) return null;
  if (!failure.encodedAttributes || !scope.codecs) return failure.message ?? null;
  try {
    let payloads: Payload[] = [failure.encodedAttributes as Payload];
    for (const codec of [...scope.codecs].reverse()) payloads = await codec.decode(payloads);
    return defaultPayloadConverter.fromPayload<{ message?: string }>(payloads[0]).message ?? failure.message ?? null;
  } catch (error) {
    return `${failure.message ?? 'encoded failure'} (not readable here: ${error instanceof Error ? error.message : String(error)})`;
  }
}

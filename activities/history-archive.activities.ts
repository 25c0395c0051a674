import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { caseEvent } from '../src/domain/case.events';
import { SYSTEM_ACTOR } from '../src/domain/case.vocabulary';
import { IdempotencyKeyReuseError, InvalidAppendError, StreamMismatchError } from '../src/event-store/event-store.errors';
import type { EventStore } from '../src/event-store/event-store.port';
import { encodeHistory } from '../src/history-archive/encoded-history';
import { ArchiveConflictError } from '../src/history-archive/history-archive.errors';
import type { HistoryArchive } from '../src/history-archive/history-archive.port';
import { ESCALATION_LADDER_TYPE, startedChildren } from '../src/history-archive/started-children';

/** Which workflow of which case to archive. */
export interface ArchiveWorkflowHistoryInput {
  readonly caseId: string;
  readonly workflowId: string;
}

/** What was archived, and the escalation ladders the archived history started, which are archived next. */
export interface ArchivedWorkflowHistory {
  readonly workflowId: string;
  readonly runId: string;
  readonly sha256: string;
  readonly childWorkflowIds: readonly string[];
}

/** Dependencies of the archive activity: Temporal to read the history from, the archive and the chain to write to. */
export interface HistoryArchiveActivityDependencies {
  readonly temporalClient: Client;
  readonly historyArchive: HistoryArchive;
  readonly eventStore: EventStore;
}

/** The failure type while the workflow to archive has not closed yet; Temporal retries the activity later. */
export const WORKFLOW_STILL_RUNNING = 'WorkflowStillRunning';

// A version conflict is missing here on purpose: the case's stream moved between reading its version and appending
// (another of its workflows was archived at the same moment), and the next attempt reads the new version.
const PERMANENT_ERRORS = [StreamMismatchError, InvalidAppendError, IdempotencyKeyReuseError, ArchiveConflictError];

/** Builds the activity that copies a closed workflow's history into Brigade's database. */
export function createHistoryArchiveActivities({ temporalClient, historyArchive, eventStore }: HistoryArchiveActivityDependencies) {
  return {
    /** Archives a closed workflow's history as Temporal holds it and records its hash in the case's chain, exactly once. */
    async archiveWorkflowHistory({ caseId, workflowId }: ArchiveWorkflowHistoryInput): Promise<ArchivedWorkflowHistory> {
      const description = await temporalClient.workflow.getHandle(workflowId).describe();
      if (description.status.name === 'RUNNING') {
        throw ApplicationFailure.retryable(`${workflowId} is still running; its history is archived once it has closed`, WORKFLOW_STILL_RUNNING);
      }
      // The run described, not whatever run is latest by the time the history is read.
      const { runId } = description;
      const history = await temporalClient.workflow.getHandle(workflowId, runId).fetchHistory();
      const { bytes, sha256, eventCount } = encodeHistory(history);
      const archived = { workflowId, runId, workflowType: description.type, closeStatus: description.status.name, sha256 };
      try {
        await historyArchive.store({ ...archived, caseId, history: bytes, eventCount });
        await recordArchived(eventStore, caseId, { ...archived, byteLength: bytes.length, eventCount });
      } catch (error) {
        if (PERMANENT_ERRORS.some((type) => error instanceof type)) {
          throw ApplicationFailure.nonRetryable((error as Error).message, (error as Error).name);
        }
        throw error;
      }
      return { workflowId, runId, sha256, childWorkflowIds: startedChildren(history, ESCALATION_LADDER_TYPE) };
    },
  };
}

async function recordArchived(
  eventStore: EventStore, caseId: string,
  data: { workflowId: string; runId: string; workflowType: string; closeStatus: string; sha256: string; byteLength: number; eventCount: number },
): Promise<void> {
  const stream = await eventStore.readStream(caseId);
  if (stream.length === 0) throw new InvalidAppendError(`case ${caseId} has no recorded events to record the archive of ${data.workflowId} in`);
  const { workflowExecution, activityId } = Context.current().info;
  await eventStore.append({
    caseId,
    expectedVersion: stream.at(-1)!.version,
    events: [caseEvent('HistoryArchived', data, SYSTEM_ACTOR, new Date().toISOString())],
    // One per run: a retry after the append, or a rerun of the whole archiving, records nothing twice.
    idempotencyKey: `archive:${data.workflowId}:${data.runId}`,
    causation: { workflowId: workflowExecution?.workflowId, runId: workflowExecution?.runId, activityId },
  });
}

import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { caseEvent } from '../src/domain/case.events';
import { SYSTEM_ACTOR } from '../src/domain/case.vocabulary';
import { IdempotencyKeyReuseError, InvalidAppendError, StreamMismatchError } from '../src/event-store/event-store.errors';
import type { EventStore } from '../src/event-store/event-store.port';
import { decodeHistory, encodeHistory, type EncodedHistory } from '../src/history-archive/encoded-history';
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
      const fetched = encodeHistory(await temporalClient.workflow.getHandle(workflowId, runId).fetchHistory());
      // A run archived before (an attempt whose completion was lost) keeps its first copy: see keptCopy.
      const kept = await keptCopy(historyArchive, caseId, workflowId, runId, fetched.sha256);
      const { bytes, sha256, eventCount } = kept ?? fetched;
      const archived = { workflowId, runId, workflowType: description.type, closeStatus: description.status.name, sha256 };
      try {
        if (!kept) await historyArchive.store({ ...archived, caseId, history: bytes, eventCount });
        await recordArchived(eventStore, caseId, { ...archived, byteLength: bytes.length, eventCount });
      } catch (error) {
        if (PERMANENT_ERRORS.some((type) => error instanceof type)) {
          throw ApplicationFailure.nonRetryable((error as Error).message, (error as Error).name);
        }
        throw error;
      }
      return { workflowId, runId, sha256, childWorkflowIds: startedChildren(decodeHistory(bytes), ESCALATION_LADDER_TYPE) };
    },
  };
}

/**
 * The copy archived earlier for this run, or null when there is none. An attempt whose completion Temporal lost (a worker
 * or server killed after the archive committed) is run again; if the history it reads now differs from the archived
 * bytes — a dev server restarted on its SQLite file can lose and redo a workflow's last steps — the first copy, whose
 * hash the chain may already hold, stays the archive, and an operator is told. Failing instead would leave the case's
 * ladders unarchived for good.
 */
async function keptCopy(
  historyArchive: HistoryArchive, caseId: string, workflowId: string, runId: string, fetchedSha256: string,
): Promise<EncodedHistory | null> {
  const earlier = (await historyArchive.findByCase(caseId)).find((entry) => entry.workflowId === workflowId && entry.runId === runId);
  if (!earlier) return null;
  if (earlier.sha256 !== fetchedSha256) {
    Context.current().log.error('the history Temporal holds now differs from the one archived for this run; the archived copy stays', {
      workflowId, runId, archivedSha256: earlier.sha256, fetchedSha256,
    });
  }
  return { bytes: earlier.history, sha256: earlier.sha256, eventCount: earlier.eventCount };
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

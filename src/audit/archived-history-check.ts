import type { StoredCaseEvent } from '../event-store/event-store.port';
import { sha256Hex } from '../history-archive/encoded-history';
import type { ArchivedHistory } from '../history-archive/history-archive.port';
import type { WorkflowReplay } from './workflow-replayer';

/** The error type of a replay that could not run because its archived history is not the one the chain recorded. */
export const ARCHIVE_DAMAGED = 'ArchiveDamaged';

/**
 * Checks an archived history against its own hash and against the `HistoryArchived` event that anchors it in the case's
 * chain (which the chain check guards); a mismatch is a finding that names the workflow and both hashes, else null.
 */
export function checkArchivedHistory(archived: ArchivedHistory, events: readonly StoredCaseEvent[]): WorkflowReplay | null {
  const { workflowId, runId, sha256 } = archived;
  const damaged = (message: string): WorkflowReplay => ({ workflowId, status: 'diverged', errorType: ARCHIVE_DAMAGED, message, source: 'archive' });
  const actual = sha256Hex(archived.history);
  if (actual !== sha256) {
    return damaged(`the archived history of ${workflowId} (run ${runId}) has SHA-256 ${actual}, but was archived with SHA-256 ${sha256}`);
  }
  const anchor = events.find((event) => event.type === 'HistoryArchived' && event.data.workflowId === workflowId && event.data.runId === runId);
  if (!anchor || anchor.type !== 'HistoryArchived') {
    return damaged(`the archived history of ${workflowId} (run ${runId}, SHA-256 ${sha256}) is recorded by no HistoryArchived event of the case`);
  }
  if (anchor.data.sha256 !== sha256) {
    return damaged(`the archived history of ${workflowId} (run ${runId}) has SHA-256 ${sha256}, `
      + `but the case's HistoryArchived event (version ${anchor.version}) recorded SHA-256 ${anchor.data.sha256}`);
  }
  return null;
}

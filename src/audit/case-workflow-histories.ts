import type { History } from '@temporalio/common/lib/proto-utils';
import { workflowIdFor } from '../domain/case-workflow-id';
import type { StoredCaseEvent } from '../event-store/event-store.port';
import { decodeHistory } from '../history-archive/encoded-history';
import type { ArchivedHistory } from '../history-archive/history-archive.port';
import type { WorkflowHistories } from '../temporal/workflow-histories.port';
import { ESCALATION_LADDER_TYPE, startedChildren } from '../history-archive/started-children';
import { checkArchivedHistory } from './archived-history-check';
import type { HistorySource, WorkflowReplay } from './workflow-replayer';

/** A workflow's history, with the id of its workflow and where it was read: Temporal, or Brigade's archive. */
export interface FetchedHistory {
  readonly workflowId: string;
  readonly history: History;
  readonly source: HistorySource;
  /** The archived proto bytes, when read from the archive: an export carries them, so their hash can be checked offline. */
  readonly archivedBytes?: Uint8Array;
}

/** The histories of a case's workflow and its escalation ladders, and findings for those neither place holds intact. */
export interface CaseWorkflowHistories {
  readonly histories: readonly FetchedHistory[];
  readonly missing: readonly WorkflowReplay[];
}

/** What Brigade's database holds to stand in for Temporal: the case's archived histories and its recorded events. */
export interface CaseArchive {
  readonly archived: readonly ArchivedHistory[];
  readonly events: readonly StoredCaseEvent[];
}

const NO_ARCHIVE: CaseArchive = { archived: [], events: [] };

/**
 * Fetches the case workflow's history and, through the ladders it started, those of its escalation ladders: Temporal's
 * copy while it exists, else the archived one once it checks out against its hash and the case's chain.
 */
export async function fetchCaseWorkflowHistories(temporal: WorkflowHistories, caseId: string, archive: CaseArchive = NO_ARCHIVE): Promise<CaseWorkflowHistories> {
  const histories: FetchedHistory[] = [];
  const missing: WorkflowReplay[] = [];
  const pending = [workflowIdFor(caseId)];
  for (let workflowId = pending.shift(); workflowId !== undefined; workflowId = pending.shift()) {
    const found = await fromTemporal(temporal, workflowId) ?? fromArchive(workflowId, archive);
    if ('status' in found) {
      missing.push(found);
      continue;
    }
    histories.push(found);
    // The archiver a case workflow starts as it ends makes none of the case's decisions: only ladders are the case's.
    pending.push(...startedChildren(found.history, ESCALATION_LADDER_TYPE));
  }
  return { histories, missing };
}

async function fromTemporal(temporal: WorkflowHistories, workflowId: string): Promise<FetchedHistory | null> {
  const history = await temporal.fetch(workflowId);
  return history && { workflowId, history, source: 'temporal' };
}

function fromArchive(workflowId: string, { archived, events }: CaseArchive): FetchedHistory | WorkflowReplay {
  // The latest run archived, as Temporal would answer for the workflow id.
  const latest = archived.filter((entry) => entry.workflowId === workflowId).at(-1);
  if (!latest) {
    return {
      workflowId, status: 'unavailable', errorType: null, source: null,
      message: `neither Temporal nor the archive has the history of ${workflowId} (past the namespace's retention period and never archived, or never started)`,
    };
  }
  return checkArchivedHistory(latest, events) ?? { workflowId, history: decodeHistory(latest.history), source: 'archive', archivedBytes: latest.history };
}

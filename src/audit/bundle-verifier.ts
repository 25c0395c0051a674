import { workflowIdFor } from '../domain/case-workflow-id';
import type { AesGcmPayloadCodec } from '../crypto/aes-gcm-payload-codec';
import { foldHistory } from '../domain/case-history';
import type { AuditBundle } from './audit-bundle';
import { caseVerification, foldCheckOf, type CaseVerification } from './case-verification';
import { verifyEventChain } from './event-chain';
import type { StoredCaseEvent } from '../event-store/event-store.port';
import { decodeHistory, sha256Hex } from '../history-archive/encoded-history';
import { ESCALATION_LADDER_TYPE, startedChildren } from '../history-archive/started-children';
import { historyFromJSON, type History } from '@temporalio/common/lib/proto-utils';
import { ARCHIVE_DAMAGED, checkArchivedHistory } from './archived-history-check';
import type { BundledHistory } from './audit-bundle';
import { checkCaseInLog, type LogCheck } from '../transparency-log/log-inclusion-check';
import { checkRecordedEvents, eventsTheWorkflowRecorded } from './recorded-events-check';
import { NO_KEYS, replayHistories, type RecordedWorkflowHistory, type WorkflowReplay } from './workflow-replayer';

/**
 * Verifies a bundle from its own contents, trusting none of its recorded verdicts: recomputes the hash chain, folds
 * the events, replays the histories with today's workflow code, and checks the inclusion proofs against the checkpoint
 * with `verifierKey` (the log's public key as the reader trusts it; without one the log check is unavailable). Needs
 * neither a database nor Temporal, only, for encrypted histories, the payload keys they were written with (`codec`).
 */
export async function verifyAuditBundle(bundle: AuditBundle, codec?: AesGcmPayloadCodec, verifierKey: string | null = null): Promise<CaseVerification> {
  const { caseId, events } = bundle;
  const caseWorkflowId = workflowIdFor(caseId);
  const belongs = (workflowId: string) => workflowId === caseWorkflowId || workflowId.startsWith(`${caseWorkflowId}-`);
  const { histories: ownHistories, damaged } = readArchivedCopies(bundle.workflowHistories.filter(({ workflowId }) => belongs(workflowId)), events);
  const findings: WorkflowReplay[] = bundle.workflowHistories
    .filter(({ workflowId }) => !belongs(workflowId))
    .map(({ workflowId }) => ({
      workflowId, status: 'diverged', errorType: 'ForeignWorkflow', message: `the history of ${workflowId} is not one of case ${caseId}'s workflows`,
      source: null,
    }));
  const caseHistory = ownHistories.find(({ workflowId }) => workflowId === caseWorkflowId);
  if (!caseHistory) {
    findings.push({ workflowId: caseWorkflowId, status: 'unavailable', errorType: null, message: `the bundle holds no history of ${caseWorkflowId}`, source: null });
  }
  // A ladder the case workflow started is one of its histories: a bundle without it is missing part of the case.
  const held = new Set(bundle.workflowHistories.map(({ workflowId }) => workflowId));
  for (const ladder of caseHistory ? laddersStartedBy(caseHistory) : []) {
    if (held.has(ladder)) continue;
    findings.push({ workflowId: ladder, status: 'unavailable', errorType: null, message: `the bundle holds no history of ${ladder}, which ${caseWorkflowId} started`, source: null });
  }
  return caseVerification({
    caseId,
    chain: verifyEventChain(caseId, events),
    fold: foldCheckOf(foldHistory(events)),
    projection: null,
    replay: await replayHistories(ownHistories, [...findings, ...damaged], codec),
    recordedEvents: await checkRecordedEvents(caseId, eventsTheWorkflowRecorded(events), ownHistories, codec ?? NO_KEYS),
    log: bundleLogCheck(bundle, verifierKey),
  });
}

// A layout-1 bundle predates the log: nothing in it can be checked against a checkpoint.
function bundleLogCheck(bundle: AuditBundle, verifierKey: string | null): LogCheck {
  if (!bundle.log) {
    return {
      status: 'unavailable', checkpointSize: null, rootHash: null, keyId: null, coveredEvents: 0, pendingEvents: bundle.events.length,
      firstInvalidVersion: null, problem: 'the bundle is of layout 1, which carries no transparency-log proofs: export the case again',
    };
  }
  return checkCaseInLog({ events: bundle.events, entries: bundle.log.entries, signedNote: bundle.log.checkpoint, verifierKey });
}

/**
 * An archived history is replayed from the bytes the archive held, not from its JSON rendering, once those bytes hash to
 * what the case's HistoryArchived event recorded; one that does not is a finding and is not replayed.
 */
function readArchivedCopies(entries: readonly BundledHistory[], events: readonly StoredCaseEvent[]): { histories: RecordedWorkflowHistory[]; damaged: WorkflowReplay[] } {
  const histories: RecordedWorkflowHistory[] = [];
  const damaged: WorkflowReplay[] = [];
  for (const entry of entries) {
    if (entry.archived === undefined) {
      histories.push(entry);
      continue;
    }
    const bytes = Buffer.from(entry.archived, 'base64');
    let history;
    try {
      history = decodeHistory(bytes);
    } catch (error) {
      damaged.push({ workflowId: entry.workflowId, status: 'diverged', errorType: ARCHIVE_DAMAGED, source: 'archive', message: `the archived bytes of ${entry.workflowId} are not a Temporal history: ${(error as Error).message}` });
      continue;
    }
    const runId = history.events?.[0]?.workflowExecutionStartedEventAttributes?.originalExecutionRunId ?? '';
    const archived = { caseId: '', workflowId: entry.workflowId, runId, workflowType: '', closeStatus: '', history: bytes, sha256: sha256Hex(bytes), eventCount: history.events?.length ?? 0 };
    const finding = checkArchivedHistory(archived, events);
    if (finding) damaged.push(finding);
    else histories.push({ workflowId: entry.workflowId, history });
  }
  return { histories, damaged };
}

function laddersStartedBy({ history }: RecordedWorkflowHistory): string[] {
  const proto = (history as { events?: Array<{ eventId?: unknown }> }).events?.some((event) => typeof event.eventId === 'string')
    ? historyFromJSON(history) : history as History;
  return startedChildren(proto, ESCALATION_LADDER_TYPE);
}

import { workflowIdFor } from '../cases/case-workflow.client';
import type { AesGcmPayloadCodec } from '../crypto/aes-gcm-payload-codec';
import { foldHistory } from '../domain/case-history';
import type { AuditBundle } from './audit-bundle';
import { caseVerification, foldCheckOf, type CaseVerification } from './case-verification';
import { verifyEventChain } from './event-chain';
import { replayHistories, type WorkflowReplay } from './workflow-replayer';

/**
 * Verifies a bundle from its own contents, trusting none of its recorded verdicts: recomputes the hash chain, folds
 * the events, and replays the histories with today's workflow code. Needs neither a database nor Temporal, only, for
 * encrypted histories, the payload keys they were written with (through `codec`).
 */
export async function verifyAuditBundle(bundle: AuditBundle, codec?: AesGcmPayloadCodec): Promise<CaseVerification> {
  const { caseId, events } = bundle;
  const caseWorkflowId = workflowIdFor(caseId);
  const belongs = (workflowId: string) => workflowId === caseWorkflowId || workflowId.startsWith(`${caseWorkflowId}-`);
  const ownHistories = bundle.workflowHistories.filter(({ workflowId }) => belongs(workflowId));
  const findings: WorkflowReplay[] = bundle.workflowHistories
    .filter(({ workflowId }) => !belongs(workflowId))
    .map(({ workflowId }) => ({
      workflowId, status: 'diverged', errorType: 'ForeignWorkflow', message: `the history of ${workflowId} is not one of case ${caseId}'s workflows`,
      source: null,
    }));
  if (!ownHistories.some(({ workflowId }) => workflowId === caseWorkflowId)) {
    findings.push({ workflowId: caseWorkflowId, status: 'unavailable', errorType: null, message: `the bundle holds no history of ${caseWorkflowId}`, source: null });
  }
  return caseVerification({
    caseId,
    chain: verifyEventChain(caseId, events),
    fold: foldCheckOf(foldHistory(events)),
    projection: null,
    replay: await replayHistories(ownHistories, findings, codec),
  });
}

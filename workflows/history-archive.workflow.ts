import { proxyActivities } from '@temporalio/workflow';
import type { CaseActivities } from '../activities';
import type { ArchiveCaseHistoriesInput } from './messages';

const { archiveWorkflowHistory } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '1 minute',
  // No attempt limit: the case workflow is archived only once it has closed, and a database away for a while only delays it.
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Archives a case's workflow histories in Brigade's database: the case workflow first, then each ladder it started. */
export async function archiveCaseHistories({ caseId }: ArchiveCaseHistoriesInput): Promise<void> {
  const { childWorkflowIds } = await archiveWorkflowHistory({ caseId, workflowId: `case-${caseId}` });
  for (const workflowId of childWorkflowIds) await archiveWorkflowHistory({ caseId, workflowId });
}

import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { CancellationScope, ParentClosePolicy, log, patched, startChild } from '@temporalio/workflow';
import { archiveCaseHistories } from '../history-archive.workflow';
import { archiveWorkflowIdFor } from '../messages';

/** The change that has a case workflow start the archiving of its histories as it ends. */
export const ARCHIVE_HISTORIES_PATCH = 'archive-histories-on-close';

/**
 * Starts archiving the case's histories and waits only for the start: the archiver outlives this workflow (abandoned
 * on close) and archives its history once it has closed. Histories recorded before this change end without it.
 */
export async function startArchiving(caseId: string): Promise<void> {
  if (!patched(ARCHIVE_HISTORIES_PATCH)) return;
  // A case cancelled through Temporal has its root scope cancelled; its histories are evidence all the same.
  await CancellationScope.nonCancellable(async () => {
    try {
      await startChild(archiveCaseHistories, {
        workflowId: archiveWorkflowIdFor(caseId), parentClosePolicy: ParentClosePolicy.ABANDON, args: [{ caseId }],
      });
    } catch (error) {
      // An archiver already running (a backfill, or this workflow reset by an operator) archives this run too once it closes.
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      log.warn('the archiving of this case is already running', { caseId });
    }
  });
}

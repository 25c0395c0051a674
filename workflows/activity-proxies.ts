import { ActivityCancellationType, proxyActivities } from '@temporalio/workflow';
import type { CaseActivities } from '../activities';

/**
 * The read-only activities the stages call (risk scoring, ranking, expert look-ups). Cancelling the case abandons
 * them instead of asking the server to cancel them: they change nothing, and a cancel request for an activity that
 * has just finished would fail the workflow task.
 */
export const caseReads = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  cancellationType: ActivityCancellationType.ABANDON,
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

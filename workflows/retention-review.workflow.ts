import { allHandlersFinished, ApplicationFailure, condition, proxyActivities, setHandler, uuid4, workflowInfo } from '@temporalio/workflow';
import type { RetentionActivities } from '../activities/retention.activities';
import type { Actor } from '../src/domain/case.vocabulary';
import { isFullyApproved, listApprovalRefusal } from '../src/domain/retention/four-eyes';
import {
  approveRetentionList, rejectRetentionList, RETENTION_REFUSALS, retentionReviewState,
  type RetentionListDecisionInput, type RetentionReviewInput, type RetentionReviewOutcome, type RetentionReviewView,
} from './messages';

const { proposeRetentionList, recordRetentionDecision, executeRetentionList } = proxyActivities<RetentionActivities>({
  startToCloseTimeout: '5 minutes',
  // No attempt limit: a key store or database away for a while only delays the destruction, which is safe to repeat.
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

const SYSTEM: Actor = { role: 'system', id: 'brigade-retention' };

/**
 * The daily retention review: proposes a destruction list of the cases whose retention period has passed, waits for two
 * different coordinators to approve it (or one to reject it, or the window to lapse), then destroys the listed keys.
 */
export async function retentionReview({ approvalWindowMs }: RetentionReviewInput): Promise<RetentionReviewOutcome> {
  const listId = uuid4();
  const proposed = await proposeRetentionList({ listId, asOf: new Date().toISOString(), workflowId: workflowInfo().workflowId });
  if (proposed.destroy + proposed.transfer === 0) return { listId, outcome: 'nothingDue', destroyedKeyIds: [] };

  const view = awaitDecisions(listId);
  const decided = await condition(() => view().decision !== 'pending', approvalWindowMs);
  // An approval or rejection being recorded finishes before the review acts on it.
  await condition(allHandlersFinished);
  if (!decided) {
    await recordRetentionDecision({ listId, decision: 'expired', actor: SYSTEM });
    return { listId, outcome: 'expired', destroyedKeyIds: [] };
  }
  if (view().decision === 'rejected') return { listId, outcome: 'rejected', destroyedKeyIds: [] };
  const { destroyedKeyIds } = await executeRetentionList({ listId, approvedBy: view().approvedBy });
  return { listId, outcome: 'executed', destroyedKeyIds };
}

// Registers the list's updates and query, and answers where the list stands.
function awaitDecisions(listId: string): () => RetentionReviewView {
  const approvedBy: string[] = [];
  let rejected = false;
  const view = (): RetentionReviewView => ({
    listId, approvedBy: [...approvedBy], decision: rejected ? 'rejected' : isFullyApproved(approvedBy) ? 'approved' : 'pending',
  });
  const validate = ({ listId: asked, actor }: RetentionListDecisionInput, approving: boolean) => {
    if (actor.role !== 'coordinator') throw refused(RETENTION_REFUSALS.notCoordinator, 'only a coordinator decides on a destruction list');
    if (asked !== listId) throw refused(RETENTION_REFUSALS.otherList, `this review holds list ${listId}, not ${asked}`);
    if (view().decision !== 'pending') throw refused(RETENTION_REFUSALS.decided, `list ${listId} is already ${view().decision}`);
    if (approving && listApprovalRefusal(approvedBy, actor.id)) {
      throw refused(RETENTION_REFUSALS.approvedByYou, `${actor.id} already approved list ${listId}; the second approval must come from another coordinator`);
    }
  };
  setHandler(approveRetentionList, async (input) => {
    // Counted before the activity runs, so that a second update by the same person is refused by the validator meanwhile.
    approvedBy.push(input.actor.id);
    await recordRetentionDecision({ listId, decision: 'approved', actor: input.actor });
    return view();
  }, { validator: (input) => validate(input, true) });
  setHandler(rejectRetentionList, async (input) => {
    rejected = true;
    await recordRetentionDecision({ listId, decision: 'rejected', actor: input.actor });
    return view();
  }, { validator: (input) => validate(input, false) });
  setHandler(retentionReviewState, view);
  return view;
}

function refused(type: string, message: string): ApplicationFailure {
  return ApplicationFailure.create({ type, message, nonRetryable: true });
}

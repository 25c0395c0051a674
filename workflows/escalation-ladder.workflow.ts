import { ActivityCancellationType, condition, getExternalWorkflowHandle, log, proxyActivities, setHandler } from '@temporalio/workflow';
import type { CaseActivities } from '../activities';
import { addMs } from '../src/domain/durations';
import { escalationAcknowledged, escalationLevelIncreased, type EscalationLadderInput, type EscalationLadderOutcome } from './messages';

const { notifyEscalationTarget } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '1 minute',
  // An alert already on its way is not called back when the ladder ends.
  cancellationType: ActivityCancellationType.ABANDON,
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** One escalation: alerts each level in turn and climbs when nobody acknowledges in time. */
export async function escalationLadder({ caseId, escalationId, parentWorkflowId, ladder }: EscalationLadderInput): Promise<EscalationLadderOutcome> {
  let acknowledged = false;
  setHandler(escalationAcknowledged, () => {
    acknowledged = true;
  });
  for (const [index, step] of ladder.entries()) {
    await notifyEscalationTarget({ caseId, escalationId, level: step.level, target: step.target });
    if (await condition(() => acknowledged, step.ackTimeoutMs)) return { escalationId, outcome: 'acknowledged', level: step.level };
    const next = ladder[index + 1];
    if (next) {
      try {
        await getExternalWorkflowHandle(parentWorkflowId).signal(escalationLevelIncreased, {
          escalationId, level: next.level, target: next.target, ackDeadline: addMs(new Date().toISOString(), next.ackTimeoutMs),
        });
      } catch (error) {
        // The case has ended (closed or cancelled) and can no longer record the climb; there is nobody left to alert for.
        log.warn('the case of this escalation has ended; the ladder stops', { caseId, escalationId, error: String(error) });
        return { escalationId, outcome: 'caseEnded', level: step.level };
      }
    }
  }
  return { escalationId, outcome: 'unanswered', level: ladder.at(-1)?.level ?? 0 };
}

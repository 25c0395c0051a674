import { proxyActivities } from '@temporalio/workflow';
import type { CaseActivities } from '../../activities';
import { caseEvent } from '../../src/domain/case.events';
import { SYSTEM_ACTOR } from '../../src/domain/case.vocabulary';
import { now, type CaseContext } from '../case-context';

const { assessIntake } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/** Intake: records the request and the risk assessed from its indicators. */
export async function intake(context: CaseContext): Promise<void> {
  await context.journal.record(caseEvent('RequestReceived', { request: context.request }, context.registeredBy, now()));
  const assessment = await assessIntake(context.request);
  await context.journal.record(caseEvent('IntakeAssessed', assessment, SYSTEM_ACTOR, now()));
}

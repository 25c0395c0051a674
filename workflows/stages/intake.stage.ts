import { caseEvent } from '../../src/domain/case.events';
import { SYSTEM_ACTOR } from '../../src/domain/case.vocabulary';
import { codedText } from '../../src/domain/legacy-sentences';
import { caseReads } from '../activity-proxies';
import { now, type CaseContext } from '../case-context';

const { assessIntake } = caseReads;

/** Intake: records the request and the risk assessed from its indicators. */
export async function intake(context: CaseContext): Promise<void> {
  await context.journal.record(caseEvent('RequestReceived', { request: context.request }, context.registeredBy, now()));
  const assessment = await assessIntake(context.request);
  // An assessment made before texts were coded (an old history, or a worker of the previous release) gave sentences.
  const reasons = assessment.reasons.map(codedText);
  await context.journal.record(caseEvent('IntakeAssessed', { ...assessment, reasons }, SYSTEM_ACTOR, now()));
}

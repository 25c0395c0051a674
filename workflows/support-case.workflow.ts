import { CancellationScope, allHandlersFinished, condition, isCancellation, log, setHandler } from '@temporalio/workflow';
import { CaseContext } from './case-context';
import { CaseEscalations } from './case-escalations';
import { CaseNotifications } from './case-notifications';
import { getCase, type SupportCaseInput, type SupportCaseOutcome } from './messages';
import { startArchiving } from './stages/archiving.stage';
import { awaitClosure, registerCancellation, registerClosure, registerSignals } from './stages/closure.stage';
import { followUp, registerFollowUp } from './stages/follow-up.stage';
import { intake } from './stages/intake.stage';
import { awaitIntervention, registerIntervention } from './stages/intervention.stage';
import { registerManualAssignment } from './stages/manual-assignment.stage';
import { assembleTeam, registerMatching } from './stages/matching.stage';
import { prepare, registerPreparation } from './stages/preparation.stage';
import { registerTeamChanges } from './stages/team-changes.stage';
import { awaitTriage, registerTriage } from './stages/triage.stage';

/** One support request, carried from intake through matching, preparation, intervention and follow-up to closure. */
export async function supportCase(input: SupportCaseInput): Promise<SupportCaseOutcome> {
  const context = new CaseContext(input);
  const escalations = new CaseEscalations(context);
  const notifications = new CaseNotifications(context, escalations);
  setHandler(getCase, () => context.journal.stateOrNull);
  registerTriage(context);
  registerMatching(context);
  registerManualAssignment(context);
  registerPreparation(context);
  registerIntervention(context, escalations);
  registerFollowUp(context, escalations);
  registerClosure(context);
  registerCancellation(context, escalations);
  registerSignals(context, escalations);
  registerTeamChanges(context, escalations);

  try {
    await context.stages.run(async () => {
      await intake(context);
      if (!(await awaitTriage(context, escalations))) return;
      await assembleTeam(context, escalations);
      await prepare(context, escalations);
      await awaitIntervention(context, escalations);
      await followUp(context, escalations);
      await awaitClosure(context);
    });
  } catch (error) {
    await waitForOperatorOnConflict(context);
    // Cancelling the case cancels the stages; anything else is a real failure.
    if (!isCancellation(error)) throw error;
  }

  // The last event (closure, rejection or cancellation) may still be on its way; if it cannot be recorded, the case fails loudly.
  await CancellationScope.nonCancellable(async () => {
    await condition(() => context.journal.final !== undefined);
    await context.journal.final?.catch(async (error: unknown) => {
      await waitForOperatorOnConflict(context);
      throw error;
    });
  });
  await condition(allHandlersFinished);
  // Messages under way (the cancellation's, for one) are sent and recorded before the case's histories are archived.
  await condition(() => notifications.idle);
  await startArchiving(context.request.caseId);
  const { caseId, stage, version } = context.state;
  return { caseId, stage, version };
}

/**
 * A case whose stored stream and workflow disagree stays open, its live state readable and every decision refused with
 * the reason, rather than failing: an operator reconciles the event log, then resets or terminates this workflow.
 */
async function waitForOperatorOnConflict(context: CaseContext): Promise<void> {
  if (context.journal.conflict === undefined) return;
  log.error('the case waits for an operator: its recorded events and its workflow disagree', { caseId: context.request.caseId });
  await CancellationScope.nonCancellable(() => condition(() => false));
}

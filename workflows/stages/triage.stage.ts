import { condition, setHandler } from '@temporalio/workflow';
import { TRIAGE_DEADLINE_MS } from '../../src/domain/case-policy';
import { caseEvent } from '../../src/domain/case.events';
import { addMs } from '../../src/domain/durations';
import { ESCALATION_REASONS } from '../../src/domain/escalation-reasons';
import { conflict, invalid, now, requireCoordinator, requireStage, requireText, type CaseContext } from '../case-context';
import type { CaseEscalations } from '../case-escalations';
import { watchDeadlines } from '../deadlines';
import { triage, type TriageDecision } from '../messages';

/** Registers the coordinator's triage decision; it may arrive while intake is still running. */
export function registerTriage(context: CaseContext): void {
  let decided = false;
  setHandler(triage, async ({ decision, reason, actor }: TriageDecision) => {
    // Checked again here: two decisions can pass their validators before either is recorded.
    if (decided) throw conflict('a triage decision has already been made for this case', 'triage_decided');
    decided = true;
    await condition(() => context.stage !== 'Intake');
    requireStage(context, ['Triage'], 'a triage decision');
    const event = decision === 'accept'
      ? caseEvent('RequestAccepted', reason ? { note: reason.trim() } : {}, actor, now())
      : caseEvent('RequestRejected', { reason: reason!.trim() }, actor, now());
    return decision === 'accept' ? context.journal.record(event) : context.journal.recordFinal(event);
  }, {
    validator: (input: TriageDecision) => {
      requireCoordinator(input?.actor);
      if (input.decision !== 'accept' && input.decision !== 'reject') {
        throw invalid(`decision must be "accept" or "reject", got ${JSON.stringify(input.decision)}`, 'decision', 'not_a_choice');
      }
      if (input.decision === 'reject' || input.reason !== undefined) requireText(input.reason, 'reason', 2000);
      if (decided) throw conflict('a triage decision has already been made for this case', 'triage_decided');
      requireStage(context, ['Intake', 'Triage'], 'a triage decision');
    },
  });
}

/** Triage: waits for the decision, escalating when the risk-dependent deadline passes; true when accepted. */
export async function awaitTriage(context: CaseContext, escalations: CaseEscalations): Promise<boolean> {
  const deadline = addMs(context.state.updatedAt, TRIAGE_DEADLINE_MS[context.state.riskLevel ?? 'MEDIUM']);
  await watchDeadlines(context, () => context.stage !== 'Triage', () => [{
    key: 'triage',
    at: deadline,
    onMissed: () => escalations.raise('missedDeadline', 'triage', ESCALATION_REASONS.triageOverdue),
  }]);
  return context.stage === 'Matching';
}

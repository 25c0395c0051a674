import { condition, setHandler } from '@temporalio/workflow';
import { TRIAGE_DEADLINE_MS } from '../../src/domain/case-policy';
import type { CaseCommandOf } from '../../src/domain/case-command';
import { addMs } from '../../src/domain/durations';
import { ESCALATION_REASONS } from '../../src/domain/escalation-reasons';
import type { CaseContext } from '../case-context';
import { decideNow } from '../case-decisions';
import type { CaseEscalations } from '../case-escalations';
import { watchDeadlines } from '../deadlines';
import { triage, type TriageDecision } from '../messages';

/** Registers the coordinator's triage decision; it may arrive while intake is still running. */
export function registerTriage(context: CaseContext): void {
  setHandler(triage, async (input: TriageDecision) => {
    decideNow(context, command(input), input.actor);
    // Kept beside the state: a decision waiting for intake, or one a cancellation followed, leaves no trace in it.
    context.triageDecided = true;
    await condition(() => context.stage !== 'Intake');
    const events = decideNow(context, command(input), input.actor, { triageDecided: false });
    return input.decision === 'accept' ? context.journal.record(...events) : context.journal.recordFinal(...events);
  }, {
    validator: (input: TriageDecision) => void decideNow(context, command(input ?? {}), input?.actor),
  });
}

function command({ decision, reason }: Partial<TriageDecision>): CaseCommandOf<'triage'> {
  return { type: 'triage', decision: decision!, ...(reason !== undefined && { reason }) };
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

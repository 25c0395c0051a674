import { setHandler } from '@temporalio/workflow';
import { INTERVENTION_REPORT_DEADLINE_MS } from '../../src/domain/case-policy';
import { addMs } from '../../src/domain/durations';
import { ESCALATION_REASONS } from '../../src/domain/escalation-reasons';
import { now, type CaseContext } from '../case-context';
import { decideNow } from '../case-decisions';
import type { CaseEscalations } from '../case-escalations';
import { watchDeadlines } from '../deadlines';
import { reportIntervention, type InterventionReport } from '../messages';

/** Registers the lead's report on the intervention; an incident raises the risk and escalates. */
export function registerIntervention(context: CaseContext, escalations: CaseEscalations): void {
  setHandler(reportIntervention, async ({ outcome, notes, actor }: InterventionReport) => {
    const state = await context.journal.record(...decideNow(context, { type: 'reportIntervention', outcome, notes }, actor));
    if (outcome === 'incident') {
      await escalations.raise('incidentReported', 'intervention-incident', ESCALATION_REASONS.interventionIncident(notes));
    }
    return state;
  }, {
    // A report being recorded shows in the pending state, so a repeated one (a retry after a timeout) is refused.
    validator: ({ outcome, notes, actor }: InterventionReport) => void decideNow(context, { type: 'reportIntervention', outcome, notes }, actor),
  });
}

/** Intervention: waits for the lead's report, escalating when it is overdue after the event. */
export async function awaitIntervention(context: CaseContext, escalations: CaseEscalations): Promise<void> {
  const from = context.state.eventDate ?? context.state.session?.heldAt ?? now();
  await watchDeadlines(context, () => context.stage !== 'Intervention', () => [{
    key: 'intervention-report',
    at: addMs(from, INTERVENTION_REPORT_DEADLINE_MS),
    onMissed: () => escalations.raise('missedDeadline', 'intervention-report', ESCALATION_REASONS.interventionReportOverdue),
  }]);
}

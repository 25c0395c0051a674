import { setHandler } from '@temporalio/workflow';
import { INTERVENTION_REPORT_DEADLINE_MS } from '../../src/domain/case-policy';
import { caseEvent } from '../../src/domain/case.events';
import { INTERVENTION_OUTCOMES, SYSTEM_ACTOR, compareRisk, raiseRiskOneLevel } from '../../src/domain/case.vocabulary';
import { addMs } from '../../src/domain/durations';
import { domainText } from '../../src/domain/domain-text';
import { ESCALATION_REASONS } from '../../src/domain/escalation-reasons';
import { conflict, invalid, now, refuseDeactivated, requireLead, requireStage, requireText, type CaseContext } from '../case-context';
import type { CaseEscalations } from '../case-escalations';
import { watchDeadlines } from '../deadlines';
import { reportIntervention, type InterventionReport } from '../messages';

/** Registers the lead's report on the intervention; an incident raises the risk and escalates. */
export function registerIntervention(context: CaseContext, escalations: CaseEscalations): void {
  // The stage reads Intervention until the report is stored: a repeated report (a retry after a timeout) must be refused here.
  let reporting = false;
  setHandler(reportIntervention, async ({ outcome, notes, actor }: InterventionReport) => {
    if (reporting) throw conflict('the intervention is already being reported', 'intervention_reporting');
    reporting = true;
    const report = caseEvent('InterventionReported', { outcome, notes: notes.trim() }, actor, now());
    if (outcome !== 'incident') return context.journal.record(report);
    const from = context.state.riskLevel ?? 'MEDIUM';
    const to = compareRisk(raiseRiskOneLevel(from), 'HIGH') < 0 ? 'HIGH' : raiseRiskOneLevel(from);
    const state = await context.journal.record(report, caseEvent('RiskLevelChanged', { from, to, reason: domainText('risk.incident_during_intervention') }, SYSTEM_ACTOR, now()));
    await escalations.raise('incidentReported', 'intervention-incident', ESCALATION_REASONS.interventionIncident(notes.trim().slice(0, 200)));
    return state;
  }, {
    validator: ({ outcome, notes, actor }: InterventionReport) => {
      requireStage(context, ['Intervention'], 'an intervention report');
      if (reporting) throw conflict('the intervention is already being reported', 'intervention_reporting');
      requireLead(context.state, actor, 'report on the intervention');
      refuseDeactivated(context, actor);
      if (!(INTERVENTION_OUTCOMES as readonly string[]).includes(outcome)) {
        throw invalid(`outcome must be one of ${INTERVENTION_OUTCOMES.join(', ')}`, 'outcome', 'not_a_choice');
      }
      requireText(notes, 'notes');
      const { eventDate } = context.state;
      if (eventDate && Date.now() < Date.parse(eventDate)) throw conflict(`the event on ${eventDate} has not taken place yet`, 'event_not_yet', { eventDate });
    },
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

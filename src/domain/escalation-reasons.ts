import type { RiskLevel } from './case.vocabulary';
import { domainText, literalText, type DomainText } from './domain-text';

/** The text of a risk level, for a reason that names one. */
export function riskLevelText(level: RiskLevel): DomainText {
  return domainText(`riskLevel.${level}`);
}

// How much of a person's own words an escalation quotes: whoever it reaches reads the rest in the case.
const QUOTED_CHARACTERS = 200;

/**
 * The start of what a person wrote, for an escalation to quote: cut between code points, never inside one (a cut by
 * UTF-16 units can split an emoji into a lone surrogate, which PostgreSQL refuses to store, and the case would stop).
 */
export function quotedStart(text: string): string {
  return [...text.trim()].slice(0, QUOTED_CHARACTERS).join('').trim();
}

/** Why the workflow raised an escalation; what a person wrote travels inside as a literal text, as written. */
export const ESCALATION_REASONS = {
  triageOverdue: domainText('escalation.triage_overdue'),
  offerRoundExpired: domainText('escalation.offer_round_expired'),
  poolExhausted: (placesOpen: number) => domainText('escalation.pool_exhausted', { places: placesOpen }),
  sessionAfterEvent: domainText('escalation.session_after_event'),
  sessionNotHeld: domainText('escalation.session_not_held'),
  taskOverdue: (title: DomainText) => domainText('escalation.task_overdue', { task: title }),
  interventionReportOverdue: domainText('escalation.intervention_report_overdue'),
  followUpOverdue: (followUpId: string) => domainText('escalation.follow_up_overdue', { followUp: followUpId }),
  ongoingRisk: domainText('escalation.ongoing_risk'),
  riskRaised: (from: RiskLevel, to: RiskLevel, reason: DomainText) =>
    domainText('escalation.risk_raised', { from: riskLevelText(from), to: riskLevelText(to), reason }),
  expertConcern: (concern: string) => domainText('escalation.expert_concern', { concern: literalText(quotedStart(concern)) }),
  interventionIncident: (notes: string) => domainText('escalation.intervention_incident', { notes: literalText(quotedStart(notes)) }),
  teamEmptied: domainText('escalation.team_emptied'),
  leadLeft: domainText('escalation.lead_left'),
  notificationFailed: (channel: 'email' | 'sms') => domainText('escalation.notification_failed', { channel: channel === 'sms' ? 'SMS' : 'e-mail' }),
  returnedTasksDue: (taskIds: readonly string[], hours: number) =>
    domainText('escalation.returned_tasks_due', { tasks: taskIds.join(', '), hours }),
} as const;

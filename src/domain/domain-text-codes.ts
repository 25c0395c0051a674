/**
 * Every code of a domain text the system records. Each needs a text in every language of the catalogue's `domain`
 * namespace, which a unit test holds it to; the union type makes a producer's unknown code a compile error.
 */
export const DOMAIN_TEXT_CODES = [
  'literal',
  'riskLevel.LOW', 'riskLevel.MEDIUM', 'riskLevel.HIGH', 'riskLevel.CRITICAL',
  'risk.threats_received', 'risk.office_holder_targeted', 'risk.online_agitation', 'risk.national_media', 'risk.local_media',
  'risk.prior_incidents', 'risk.expected_attendance', 'risk.incident_during_intervention',
  'task.risk_analysis', 'task.stakeholder_map', 'task.communication_plan', 'task.meeting_scenario', 'task.threat_assessment',
  'task.security_plan', 'task.aftercare_plan', 'task.scenario_plan', 'task.crisis_communication_plan',
  'reason.expert_deactivated', 'reason.assigned_by_hand', 'reason.team_complete', 'reason.case_cancelled',
  'reason.session_held_without_task', 'reason.conflict_of_interest',
  'conflict.lives_in_municipality', 'conflict.declared',
  'escalation.triage_overdue', 'escalation.offer_round_expired', 'escalation.pool_exhausted', 'escalation.session_after_event',
  'escalation.session_not_held', 'escalation.task_overdue', 'escalation.intervention_report_overdue', 'escalation.follow_up_overdue',
  'escalation.ongoing_risk', 'escalation.risk_raised', 'escalation.expert_concern', 'escalation.intervention_incident',
  'escalation.team_emptied', 'escalation.lead_left', 'escalation.returned_tasks_due', 'escalation.notification_failed',
] as const;

/** The code of a domain text. */
export type DomainTextCode = (typeof DOMAIN_TEXT_CODES)[number];

import type { ShapeOf } from './catalogue-shape';
import type { domainNl } from './domain.nl';

/** The domain texts in English, code for code as in Dutch. */
export const domainEn: ShapeOf<typeof domainNl> = {
  literal: '{text}',
  riskLevel: { LOW: 'low', MEDIUM: 'medium', HIGH: 'high', CRITICAL: 'critical' },
  risk: {
    threats_received: 'threats have been received',
    office_holder_targeted: 'an office holder is personally targeted',
    online_agitation: 'there is online agitation',
    national_media: 'the situation has national media attention',
    local_media: 'the situation has local media attention',
    prior_incidents: 'prior incidents: {count}',
    expected_attendance: '{count} people expected',
    incident_during_intervention: 'an incident occurred during the intervention',
  },
  task: {
    risk_analysis: 'Risk analysis',
    stakeholder_map: 'Stakeholder map (residents, COA, council)',
    communication_plan: 'Communication plan',
    meeting_scenario: 'Meeting scenario and chairing plan',
    threat_assessment: 'Threat assessment with police',
    security_plan: 'Personal security plan',
    aftercare_plan: 'Aftercare plan for the office holder',
    scenario_plan: 'Scenario and security plan',
    crisis_communication_plan: 'Crisis communication plan',
  },
  reason: {
    expert_deactivated: 'the expert was deactivated',
    assigned_by_hand: 'an expert was assigned by hand',
    team_complete: 'the team is complete',
    case_cancelled: 'the case was cancelled',
    session_held_without_task: 'the preparatory session was held without this task',
    conflict_of_interest: 'conflict of interest: {conflict}',
  },
  conflict: {
    lives_in_municipality: 'lives and works in the requesting municipality',
    declared: 'declared a conflict of interest',
  },
  escalation: {
    triage_overdue: 'the request was not triaged before its deadline',
    offer_round_expired: 'an offer round expired without an answer',
    pool_exhausted: 'no eligible expert is left in the pool; places open: {places}',
    session_after_event: 'the preparatory session cannot take place before the event',
    session_not_held: 'the preparatory session was not held as scheduled',
    task_overdue: 'task "{task}" is overdue',
    intervention_report_overdue: 'the intervention report is overdue',
    follow_up_overdue: 'follow-up {followUp} is overdue',
    ongoing_risk: 'the risk is still ongoing after every follow-up',
    risk_raised: 'risk raised from {from} to {to}: {reason}',
    expert_concern: 'an expert raised a concern: {concern}',
    intervention_incident: 'an incident occurred during the intervention: {notes}',
    team_emptied: 'the only team member was deactivated; assign an expert by hand',
    notification_failed: 'a message by {channel} could not be sent; reach the person another way and check the outbox',
    lead_left: 'the team lead was deactivated; appoint a new lead',
    returned_tasks_due: 'tasks {tasks} came back from a deactivated expert and fall due within {hours} hours',
  },
};

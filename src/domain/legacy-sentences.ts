import { RISK_LEVELS, type RiskLevel } from './case.vocabulary';
import { domainText, literalText, type DomainText } from './domain-text';
import type { DomainTextCode } from './domain-text-codes';

// The English sentences events recorded before texts were coded (schema version 1), each with the code it now has.
const FIXED_SENTENCES: ReadonlyMap<string, DomainTextCode> = new Map<string, DomainTextCode>([
  ['threats have been received', 'risk.threats_received'],
  ['an office holder is personally targeted', 'risk.office_holder_targeted'],
  ['there is online agitation', 'risk.online_agitation'],
  ['the situation has national media attention', 'risk.national_media'],
  ['the situation has local media attention', 'risk.local_media'],
  ['an incident occurred during the intervention', 'risk.incident_during_intervention'],
  ['Risk analysis', 'task.risk_analysis'],
  ['Stakeholder map (residents, COA, council)', 'task.stakeholder_map'],
  ['Communication plan', 'task.communication_plan'],
  ['Meeting scenario and chairing plan', 'task.meeting_scenario'],
  ['Threat assessment with police', 'task.threat_assessment'],
  ['Personal security plan', 'task.security_plan'],
  ['Aftercare plan for the office holder', 'task.aftercare_plan'],
  ['Scenario and security plan', 'task.scenario_plan'],
  ['Crisis communication plan', 'task.crisis_communication_plan'],
  ['expert deactivated', 'reason.expert_deactivated'],
  ['assigned by hand', 'reason.assigned_by_hand'],
  ['the team is complete', 'reason.team_complete'],
  ['the case was cancelled', 'reason.case_cancelled'],
  ['the session was held without it', 'reason.session_held_without_task'],
  // Still matching's own words for a conflict (its refusals quote them), so the table also codes today's conflicts.
  ['lives and works in the requesting municipality', 'conflict.lives_in_municipality'],
  ['declared a conflict of interest', 'conflict.declared'],
  ['the request was not triaged before its deadline', 'escalation.triage_overdue'],
  ['an offer round expired without an answer', 'escalation.offer_round_expired'],
  ['the preparatory session cannot take place before the event', 'escalation.session_after_event'],
  ['the preparatory session was not held as scheduled', 'escalation.session_not_held'],
  ['the intervention report is overdue', 'escalation.intervention_report_overdue'],
  ['the risk is still ongoing after every follow-up', 'escalation.ongoing_risk'],
  ['the only team member was deactivated; assign an expert by hand', 'escalation.team_emptied'],
  ['the team lead was deactivated; appoint a new lead', 'escalation.lead_left'],
]);

const LEVEL = `(${RISK_LEVELS.join('|')})`;

// The sentences that carried values, with how each value becomes a parameter; what a person wrote stays literal.
const PATTERNS: ReadonlyArray<readonly [RegExp, (match: RegExpExecArray) => DomainText]> = [
  [/^(\d+) prior incident(?:s|\(s\))$/, (m) => domainText('risk.prior_incidents', { count: Number(m[1]) })],
  [/^(\d+) people expected$/, (m) => domainText('risk.expected_attendance', { count: Number(m[1]) })],
  [/^conflict of interest: (.+)$/s, (m) => domainText('reason.conflict_of_interest', { conflict: sentenceText(m[1]) })],
  [/^no eligible expert left in the pool; (\d+) place\(s\) open$/, (m) => domainText('escalation.pool_exhausted', { places: Number(m[1]) })],
  [/^task "(.*)" is overdue$/s, (m) => domainText('escalation.task_overdue', { task: sentenceText(m[1]) })],
  [/^follow-up (.+) is overdue$/s, (m) => domainText('escalation.follow_up_overdue', { followUp: m[1] })],
  [new RegExp(`^risk raised from ${LEVEL} to ${LEVEL}: (.*)$`, 's'), (m) => domainText('escalation.risk_raised', {
    from: domainText(`riskLevel.${m[1] as RiskLevel}`), to: domainText(`riskLevel.${m[2] as RiskLevel}`), reason: literalText(m[3]),
  })],
  [/^an expert raised a concern: (.*)$/s, (m) => domainText('escalation.expert_concern', { concern: literalText(m[1]) })],
  [/^an incident occurred during the intervention: (.*)$/s, (m) => domainText('escalation.intervention_incident', { notes: literalText(m[1]) })],
  [/^tasks (.+) came back from a deactivated expert and fall due within (\d+) hours$/s,
    (m) => domainText('escalation.returned_tasks_due', { tasks: m[1], hours: Number(m[2]) })],
];

/** The coded text of a sentence recorded in English before texts were coded; a sentence it does not know stays literal. */
export function sentenceText(sentence: string): DomainText {
  const code = FIXED_SENTENCES.get(sentence);
  if (code) return domainText(code);
  for (const [pattern, build] of PATTERNS) {
    const match = pattern.exec(sentence);
    if (match) return build(match);
  }
  return literalText(sentence);
}

/** A text as current code reads it: a recorded English sentence becomes its coded text, a coded text stays as it is. */
export function codedText(text: string | DomainText): DomainText {
  return typeof text === 'string' ? sentenceText(text) : text;
}

import type { CaseCategory, RiskLevel } from './case.vocabulary';
import { domainText, type DomainText } from './domain-text';
import { DAY, HOUR } from './durations';
import type { ExpertSkill } from './expert-profile';

/** How long the coordinator has to triage a request, by risk. */
export const TRIAGE_DEADLINE_MS: Record<RiskLevel, number> = { LOW: 3 * DAY, MEDIUM: DAY, HIGH: 8 * HOUR, CRITICAL: 2 * HOUR };

/** How long an expert has to answer an offer, by risk. */
export const OFFER_TIMEOUT_MS: Record<RiskLevel, number> = { LOW: DAY, MEDIUM: 12 * HOUR, HIGH: 4 * HOUR, CRITICAL: HOUR };

/** How long before the event the preparatory session should be held, by risk. */
export const SESSION_LEAD_TIME_MS: Record<RiskLevel, number> = { LOW: 3 * DAY, MEDIUM: 3 * DAY, HIGH: 2 * DAY, CRITICAL: DAY };

/** The earliest a session can be after the team is assembled: people need time to prepare. */
export const MIN_SESSION_NOTICE_MS = 12 * HOUR;

/** Preparation tasks are due this long before the session. */
export const TASK_DUE_BEFORE_SESSION_MS = 12 * HOUR;

/** A scheduled session that has not been held this long after its time escalates. */
export const SESSION_GRACE_MS = DAY;

/** Without an event date, the session is planned this far ahead. */
export const DEFAULT_SESSION_OFFSET_MS = 7 * DAY;

/** How long the lead has to report on the intervention after the event. */
export const INTERVENTION_REPORT_DEADLINE_MS = 2 * DAY;

/** How long the lead has to complete a follow-up once it is due. */
export const FOLLOW_UP_RESPONSE_MS = 3 * DAY;

/** An ongoing risk schedules another check-in this much later, at most this many times, then escalates. */
export const EXTRA_FOLLOW_UP_AFTER_MS = 30 * DAY;
export const MAX_EXTRA_FOLLOW_UPS = 2;

/** The size of a case's team: one lead plus support members. */
export interface TeamSize {
  readonly total: number;
}

/** Team size by category and risk: threats and higher risk need more hands. */
export function teamSizeFor(category: CaseCategory, risk: RiskLevel): TeamSize {
  const base = category === 'THREAT_TO_OFFICIAL' || category === 'SHELTER_SUPPORT' ? 2 : 1;
  const extra = risk === 'CRITICAL' ? 2 : risk === 'HIGH' ? 1 : 0;
  return { total: Math.min(base + extra, 4) };
}

/** How many candidates get an offer at once: in parallel for CRITICAL cases, one by one otherwise. */
export function offerBatchSize(risk: RiskLevel, placesLeft: number): number {
  return risk === 'CRITICAL' ? placesLeft + 1 : 1;
}

/** Skills a case needs from its team, by category. */
export const REQUIRED_SKILLS: Record<CaseCategory, readonly ExpertSkill[]> = {
  SHELTER_SUPPORT: ['stakeholderEngagement', 'communication'],
  CITIZEN_MEETING: ['mediation', 'communication'],
  THREAT_TO_OFFICIAL: ['security', 'psychosocialAftercare'],
  INCIDENT: ['crisisManagement', 'communication'],
};

/** One preparation task in a category's template. */
export interface TaskTemplate {
  readonly templateId: string;
  readonly title: DomainText;
  /** The skill that makes a team member the natural assignee. */
  readonly skill: ExpertSkill;
}

/** The preparation tasks each category starts with. */
export const PREPARATION_TEMPLATES: Record<CaseCategory, readonly TaskTemplate[]> = {
  SHELTER_SUPPORT: [
    { templateId: 'risk-analysis', title: domainText('task.risk_analysis'), skill: 'security' },
    { templateId: 'stakeholder-map', title: domainText('task.stakeholder_map'), skill: 'stakeholderEngagement' },
    { templateId: 'communication-plan', title: domainText('task.communication_plan'), skill: 'communication' },
  ],
  CITIZEN_MEETING: [
    { templateId: 'risk-analysis', title: domainText('task.risk_analysis'), skill: 'security' },
    { templateId: 'meeting-scenario', title: domainText('task.meeting_scenario'), skill: 'mediation' },
    { templateId: 'communication-plan', title: domainText('task.communication_plan'), skill: 'communication' },
  ],
  THREAT_TO_OFFICIAL: [
    { templateId: 'threat-assessment', title: domainText('task.threat_assessment'), skill: 'security' },
    { templateId: 'security-plan', title: domainText('task.security_plan'), skill: 'security' },
    { templateId: 'aftercare-plan', title: domainText('task.aftercare_plan'), skill: 'psychosocialAftercare' },
  ],
  INCIDENT: [
    { templateId: 'scenario-plan', title: domainText('task.scenario_plan'), skill: 'crisisManagement' },
    { templateId: 'communication-plan', title: domainText('task.crisis_communication_plan'), skill: 'communication' },
  ],
};

/** Days after the event on which the lead checks in; threats against office holders get a 90-day check too. */
export function followUpOffsetsDays(category: CaseCategory): readonly number[] {
  return category === 'THREAT_TO_OFFICIAL' ? [7, 30, 90] : [7, 30];
}

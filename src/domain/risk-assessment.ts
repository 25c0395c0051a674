import { RISK_LEVELS, type CaseCategory, type RiskLevel } from './case.vocabulary';
import { domainText, type DomainText } from './domain-text';
import type { RiskIndicators } from './support-request';

/** The outcome of weighing a request's risk indicators. */
export interface RiskAssessment {
  readonly riskLevel: RiskLevel;
  readonly score: number;
  readonly reasons: readonly DomainText[];
}

// Thresholds on the summed score; each is the lowest score of its level.
const LEVEL_THRESHOLDS: ReadonlyArray<readonly [RiskLevel, number]> = [
  ['CRITICAL', 9],
  ['HIGH', 6],
  ['MEDIUM', 3],
  ['LOW', 0],
];

// Threats weigh more where the request is already about intimidation of an office holder.
const THREAT_WEIGHT: Record<CaseCategory, number> = {
  THREAT_TO_OFFICIAL: 4,
  INCIDENT: 3,
  SHELTER_SUPPORT: 3,
  CITIZEN_MEETING: 3,
};

/** Scores a request's indicators into a risk level, with the reasons that raised it. */
export function assessRisk(category: CaseCategory, indicators: RiskIndicators): RiskAssessment {
  const reasons: DomainText[] = [];
  let score = 0;
  const add = (points: number, reason: DomainText): void => {
    score += points;
    reasons.push(reason);
  };

  if (indicators.threatsReceived) add(THREAT_WEIGHT[category], domainText('risk.threats_received'));
  if (indicators.officeHolderPersonallyTargeted) add(3, domainText('risk.office_holder_targeted'));
  if (indicators.onlineAgitation) add(2, domainText('risk.online_agitation'));
  if (indicators.mediaAttention === 'national') add(2, domainText('risk.national_media'));
  if (indicators.mediaAttention === 'local') add(1, domainText('risk.local_media'));
  const priorIncidents = domainText('risk.prior_incidents', { count: indicators.priorIncidents });
  if (indicators.priorIncidents >= 3) add(2, priorIncidents);
  else if (indicators.priorIncidents > 0) add(1, priorIncidents);
  const attendance = domainText('risk.expected_attendance', { count: indicators.expectedAttendance });
  if (indicators.expectedAttendance >= 500) add(2, attendance);
  else if (indicators.expectedAttendance >= 150) add(1, attendance);

  const riskLevel = LEVEL_THRESHOLDS.find(([, threshold]) => score >= threshold)?.[0] ?? RISK_LEVELS[0];
  return { riskLevel, score, reasons };
}

import { RISK_LEVELS, type CaseCategory, type RiskLevel } from './case.vocabulary';
import type { RiskIndicators } from './support-request';

/** The outcome of weighing a request's risk indicators. */
export interface RiskAssessment {
  readonly riskLevel: RiskLevel;
  readonly score: number;
  readonly reasons: readonly string[];
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
  const reasons: string[] = [];
  let score = 0;
  const add = (points: number, reason: string): void => {
    score += points;
    reasons.push(reason);
  };

  if (indicators.threatsReceived) add(THREAT_WEIGHT[category], 'threats have been received');
  if (indicators.officeHolderPersonallyTargeted) add(3, 'an office holder is personally targeted');
  if (indicators.onlineAgitation) add(2, 'there is online agitation');
  if (indicators.mediaAttention === 'national') add(2, 'the situation has national media attention');
  if (indicators.mediaAttention === 'local') add(1, 'the situation has local media attention');
  if (indicators.priorIncidents >= 3) add(2, `${indicators.priorIncidents} prior incidents`);
  else if (indicators.priorIncidents > 0) add(1, `${indicators.priorIncidents} prior incident(s)`);
  if (indicators.expectedAttendance >= 500) add(2, `${indicators.expectedAttendance} people expected`);
  else if (indicators.expectedAttendance >= 150) add(1, `${indicators.expectedAttendance} people expected`);

  const riskLevel = LEVEL_THRESHOLDS.find(([, threshold]) => score >= threshold)?.[0] ?? RISK_LEVELS[0];
  return { riskLevel, score, reasons };
}

import type { CaseCategory, RiskLevel } from './case.vocabulary';
import { HOUR, MINUTE } from './durations';

/** What can set off an escalation. */
export const ESCALATION_TRIGGERS = ['missedDeadline', 'riskRaised', 'expertConcern', 'failedMatch', 'incidentReported', 'expertDeactivated',
  'notificationFailed'] as const;
export type EscalationTrigger = (typeof ESCALATION_TRIGGERS)[number];

/** What removed the cause of an escalation, recorded when the workflow resolves it on its own. */
export const CAUSE_RESOLUTIONS = [
  'teamAssembled', 'memberAssigned', 'leadAppointed', 'returnedTasksTakenOver', 'taskCompleted', 'taskWithdrawn', 'sessionHeld',
  'interventionReported', 'followUpCompleted',
] as const;
export type CauseResolution = (typeof CAUSE_RESOLUTIONS)[number];

/** Who is asked to act, from the duty coordinator up to an outside partner. */
export type EscalationTarget = 'dutyCoordinator' | 'programmeLead' | 'COA' | 'police' | 'NCTV';

/** One rung of the ladder: whom to alert and how long they have to acknowledge. */
export interface EscalationStep {
  readonly level: number;
  readonly target: EscalationTarget;
  readonly ackTimeoutMs: number;
}

// Acknowledgement timeouts per level (duty coordinator, programme lead, partner): shorter for higher risk.
const ACK_TIMEOUTS_MS: Record<RiskLevel, readonly [number, number, number]> = {
  LOW: [24 * HOUR, 48 * HOUR, 72 * HOUR],
  MEDIUM: [8 * HOUR, 24 * HOUR, 48 * HOUR],
  HIGH: [2 * HOUR, 8 * HOUR, 24 * HOUR],
  CRITICAL: [30 * MINUTE, 2 * HOUR, 8 * HOUR],
};

/** The outside partner that fits a case: COA for shelter, NCTV for critical threats, the police otherwise. */
export function partnerFor(category: CaseCategory, risk: RiskLevel): EscalationTarget {
  if (category === 'SHELTER_SUPPORT') return 'COA';
  if (category === 'THREAT_TO_OFFICIAL' && risk === 'CRITICAL') return 'NCTV';
  return 'police';
}

/** The whole escalation ladder for a case of this category at this risk. */
export function escalationLadder(category: CaseCategory, risk: RiskLevel): readonly EscalationStep[] {
  const [duty, programme, partner] = ACK_TIMEOUTS_MS[risk];
  return [
    { level: 1, target: 'dutyCoordinator', ackTimeoutMs: duty },
    { level: 2, target: 'programmeLead', ackTimeoutMs: programme },
    { level: 3, target: partnerFor(category, risk), ackTimeoutMs: partner },
  ];
}

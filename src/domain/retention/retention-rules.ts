import type { CaseCategory } from '../case.vocabulary';

/** How a case ended, as its final event says: `CaseClosed`, `CaseCancelled` or `RequestRejected`. */
export const RETENTION_OUTCOMES = ['closed', 'cancelled', 'rejected'] as const;
export type RetentionOutcome = (typeof RETENTION_OUTCOMES)[number];

/** What happens when a case's retention period has passed: its data keys are destroyed, or it goes to an archive. */
export const RETENTION_ACTIONS = ['destroy', 'transfer'] as const;
export type RetentionAction = (typeof RETENTION_ACTIONS)[number];

/** Matches every category or every outcome in a rule. */
export const ANY = '*';

/** One line of the retention schedule: for which cases, how long after their end they are kept, and what then. */
export interface RetentionRule {
  /** A stable name for the rule, recorded on every destruction it causes, such as `threat-closed`. */
  readonly id: string;
  readonly category: CaseCategory | typeof ANY;
  readonly outcome: RetentionOutcome | typeof ANY;
  /** An ISO-8601 duration in years, months, weeks or days (`P2Y`, `P18M`, `P90D`), counted from the case's end. */
  readonly keepFor: string;
  readonly action: RetentionAction;
}

/**
 * EXAMPLE defaults, for the organisation's records officer to replace with what its selection list (Archiefwet) says;
 * they are not legal advice. Threats to office holders are kept longest and go to the archive; requests that never
 * became cases are destroyed soonest.
 */
export const DEFAULT_RETENTION_RULES: readonly RetentionRule[] = [
  { id: 'threat-closed', category: 'THREAT_TO_OFFICIAL', outcome: 'closed', keepFor: 'P10Y', action: 'transfer' },
  { id: 'threat-other', category: 'THREAT_TO_OFFICIAL', outcome: ANY, keepFor: 'P5Y', action: 'destroy' },
  { id: 'incident-closed', category: 'INCIDENT', outcome: 'closed', keepFor: 'P7Y', action: 'destroy' },
  { id: 'closed', category: ANY, outcome: 'closed', keepFor: 'P5Y', action: 'destroy' },
  { id: 'cancelled', category: ANY, outcome: 'cancelled', keepFor: 'P2Y', action: 'destroy' },
  { id: 'rejected', category: ANY, outcome: 'rejected', keepFor: 'P1Y', action: 'destroy' },
];

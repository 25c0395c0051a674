import type { CaseCategory, SafetyRegion } from './case.vocabulary';

/** Skills an expert can bring besides the categories they cover. */
export const EXPERT_SKILLS = ['security', 'communication', 'mediation', 'legal', 'psychosocialAftercare', 'crisisManagement', 'stakeholderEngagement'] as const;
export type ExpertSkill = (typeof EXPERT_SKILLS)[number];

/** A period (inclusive ISO dates or date-times) in which an expert cannot take on work. */
export interface UnavailablePeriod {
  readonly from: string;
  readonly to: string;
}

/** What matching needs to know about one expert, with their current workload. */
export interface ExpertProfile {
  readonly expertId: string;
  readonly name: string;
  readonly categories: readonly CaseCategory[];
  readonly skills: readonly ExpertSkill[];
  /** CBS code of where the expert lives; null when an old entry's name matched no register entry and awaits a fix. */
  readonly homeMunicipalityCode: string | null;
  readonly safetyRegion: SafetyRegion;
  /** The most cases this expert takes on at once. */
  readonly capacity: number;
  /** Open cases this expert is on right now. */
  readonly activeCaseCount: number;
  readonly unavailable: readonly UnavailablePeriod[];
  /** CBS codes of the municipalities the expert has declared a conflict of interest with. */
  readonly conflictMunicipalityCodes: readonly string[];
  readonly languages: readonly string[];
  readonly active: boolean;
}

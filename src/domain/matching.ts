import type { CaseCategory, RiskLevel, SafetyRegion } from './case.vocabulary';
import { DAY } from './durations';
import type { ExpertProfile, ExpertSkill } from './expert-profile';

/** What a case asks of the experts it is offered to. */
export interface MatchCriteria {
  readonly category: CaseCategory;
  readonly riskLevel: RiskLevel;
  /** The requesting municipality's CBS code; null for an old request whose name matched no register entry. */
  readonly municipalityCode: string | null;
  readonly safetyRegion: SafetyRegion;
  readonly requiredSkills: readonly ExpertSkill[];
  /** The event the team must be available through; without one, the next 30 days count. */
  readonly eventDate: string | null;
  readonly now: string;
  /** Experts already on the team or already asked for this case. */
  readonly excludeExpertIds: readonly string[];
}

/** An eligible expert with the score that ranked them and why. */
export interface RankedCandidate {
  readonly expertId: string;
  readonly name: string;
  readonly score: number;
  readonly reasons: readonly string[];
}

/** Why an expert cannot be offered a case, or null when they can. */
export function ineligibility(expert: ExpertProfile, criteria: MatchCriteria): string | null {
  if (!expert.active) return 'inactive';
  if (criteria.excludeExpertIds.includes(expert.expertId)) return 'already asked or on the team';
  if (!expert.categories.includes(criteria.category)) return `does not cover ${criteria.category}`;
  // Without both codes a conflict of interest cannot be ruled out, so the coordinator decides by hand.
  if (criteria.municipalityCode === null) return 'the requesting municipality is not in the register';
  if (expert.homeMunicipalityCode === null) return 'home municipality not in the register';
  const conflict = conflictOfInterest(expert, criteria.municipalityCode);
  if (conflict) return conflict;
  if (expert.activeCaseCount >= expert.capacity) return `at capacity (${expert.activeCaseCount}/${expert.capacity})`;
  const until = criteria.eventDate ? endOfDay(criteria.eventDate) : Date.parse(criteria.now) + 30 * DAY;
  if (expert.unavailable.some((period) => overlaps(period.from, period.to, Date.parse(criteria.now), until))) return 'unavailable before the event';
  return null;
}

/** The kinds of conflict of interest that keep an expert off a case: where they live, or what they declared. */
export type ConflictOfInterest = 'own_municipality' | 'declared_conflict';

// Recorded in offer withdrawals and refusals since before the codes; the wording must stay as it was.
const CONFLICT_TEXTS: Record<ConflictOfInterest, string> = {
  own_municipality: 'lives and works in the requesting municipality',
  declared_conflict: 'declared a conflict of interest',
};

/**
 * The conflict of interest that keeps an expert off any case of this municipality — not by offer, not by hand without
 * an override — or null. Codes, never names: a look-alike spelling of a name cannot slip past this comparison.
 */
export function conflictOfInterestKind(
  expert: Pick<ExpertProfile, 'homeMunicipalityCode' | 'conflictMunicipalityCodes'>,
  municipalityCode: string | null,
): ConflictOfInterest | null {
  if (municipalityCode === null) return null;
  if (expert.homeMunicipalityCode === municipalityCode) return 'own_municipality';
  // A profile recorded in an older workflow history predates the codes and may lack the list.
  if ((expert.conflictMunicipalityCodes ?? []).includes(municipalityCode)) return 'declared_conflict';
  return null;
}

/** Why an expert may not work on a case of this municipality, in words, or null. */
export function conflictOfInterest(
  expert: Pick<ExpertProfile, 'homeMunicipalityCode' | 'conflictMunicipalityCodes'>,
  municipalityCode: string | null,
): string | null {
  const kind = conflictOfInterestKind(expert, municipalityCode);
  return kind && describeConflict(kind);
}

/** A conflict of interest in words, as refusals and withdrawn offers have always named it. */
export function describeConflict(kind: ConflictOfInterest): string {
  return CONFLICT_TEXTS[kind];
}

/** Ranks the eligible experts for a case, best first; ties break on expert id so the order is stable. */
export function rankCandidates(experts: readonly ExpertProfile[], criteria: MatchCriteria): RankedCandidate[] {
  return experts
    .filter((expert) => ineligibility(expert, criteria) === null)
    .map((expert) => score(expert, criteria))
    .sort((a, b) => b.score - a.score || (a.expertId < b.expertId ? -1 : a.expertId > b.expertId ? 1 : 0));
}

function score(expert: ExpertProfile, criteria: MatchCriteria): RankedCandidate {
  const reasons: string[] = [];
  let points = 0;
  const matched = criteria.requiredSkills.filter((skill) => expert.skills.includes(skill));
  if (matched.length > 0) {
    points += 10 * matched.length;
    reasons.push(`has ${matched.join(', ')}`);
  }
  if (expert.safetyRegion === criteria.safetyRegion) {
    // Knowing the region's people and partners matters more than any single skill.
    points += 25;
    reasons.push('works in the same safety region');
  }
  const freeShare = (expert.capacity - expert.activeCaseCount) / expert.capacity;
  points += Math.round(10 * freeShare);
  reasons.push(`${expert.capacity - expert.activeCaseCount} of ${expert.capacity} places free`);
  return { expertId: expert.expertId, name: expert.name, score: points, reasons };
}

function overlaps(fromA: string, toA: string, fromB: number, toB: number): boolean {
  return Date.parse(fromA) <= toB && endOfDay(toA) >= fromB;
}

// A date without a time means the whole day.
function endOfDay(iso: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? Date.parse(iso) + DAY - 1 : Date.parse(iso);
}


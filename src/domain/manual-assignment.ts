import type { CaseCategory } from './case.vocabulary';
import type { ExpertProfile } from './expert-profile';
import { conflictOfInterestKind, describeConflict, type ConflictOfInterest } from './matching';

/** The longest reason a coordinator may give for overriding a conflict of interest. */
export const OVERRIDE_REASON_MAX_LENGTH = 1000;

/** The refusal code of each conflict of interest, so that a caller can offer the override. */
export const CONFLICT_OF_INTEREST_CODES = {
  own_municipality: 'conflict_of_interest_own_municipality',
  declared_conflict: 'conflict_of_interest_declared',
} as const satisfies Record<ConflictOfInterest, string>;

/** The refusal of an assignment that a conflict of interest forbids, with the code a caller offers the override on. */
export function conflictOfInterestRefusal(expertId: string, conflict: ConflictOfInterest) {
  return {
    code: CONFLICT_OF_INTEREST_CODES[conflict],
    params: { expertId },
    message: `expert ${expertId} may not work on this case: ${describeConflict(conflict)}; a coordinator may override this with a reason`,
  };
}

/** A matching rule a manual assignment set aside; recorded with the assignment and answered to the coordinator. */
export const ASSIGNMENT_WARNINGS = ['lacks_category', 'over_capacity', 'conflict_overridden'] as const;
export type AssignmentWarning = (typeof ASSIGNMENT_WARNINGS)[number];

/** A coordinator's explicit decision to assign an expert despite a conflict of interest, and why. */
export interface ConflictOverride {
  readonly conflict: ConflictOfInterest;
  readonly reason: string;
}

/** What the matching rules say about putting this expert on this case by hand. */
export type AssignmentVerdict =
  | { readonly allowed: false; readonly conflict: ConflictOfInterest }
  | { readonly allowed: true; readonly warnings: readonly AssignmentWarning[]; readonly override?: ConflictOverride };

/** The case facts a manual assignment is weighed against. */
export interface AssignmentTarget {
  readonly category: CaseCategory;
  readonly municipalityCode: string | null;
}

/**
 * Weighs a manual assignment against the matching rules: a conflict of interest refuses it unless the coordinator gave a
 * reason to override; a missing category or a full workload only warns, since assigning by hand is the way out when
 * matching found nobody. `overrideReason` is expected trimmed and non-blank.
 */
export function weighAssignment(
  expert: Pick<ExpertProfile, 'categories' | 'capacity' | 'activeCaseCount' | 'homeMunicipalityCode' | 'conflictMunicipalityCodes'>,
  target: AssignmentTarget,
  overrideReason?: string,
): AssignmentVerdict {
  const conflict = conflictOfInterestKind(expert, target.municipalityCode);
  if (conflict && overrideReason === undefined) return { allowed: false, conflict };
  const warnings: AssignmentWarning[] = [];
  if (!expert.categories.includes(target.category)) warnings.push('lacks_category');
  // This case is not among their open cases yet, so a full workload is exceeded by taking it.
  if (expert.activeCaseCount >= expert.capacity) warnings.push('over_capacity');
  // An override without a conflict overrides nothing and is not recorded. The API refuses one before asking the workflow
  // (`no_conflict_to_override`); the workflow meets one only when the conflict went away in between, and assigns.
  if (!conflict || overrideReason === undefined) return { allowed: true, warnings };
  return { allowed: true, warnings: [...warnings, 'conflict_overridden'], override: { conflict, reason: overrideReason } };
}


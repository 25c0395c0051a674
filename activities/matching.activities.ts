import type { ExpertProfile } from '../src/domain/expert-profile';
import { rankCandidates, type MatchCriteria, type RankedCandidate } from '../src/domain/matching';
import type { ExpertDirectory } from '../src/expert-directory/expert-directory.port';

/** Dependencies of the matching activities. */
export interface MatchingActivityDependencies {
  readonly expertDirectory: ExpertDirectory;
  /** The current time; injected so tests can fix it. */
  readonly clock?: () => Date;
}

/** What the workflow asks of matching; the time is the activity's own. */
export type FindCandidatesInput = Omit<MatchCriteria, 'now'>;

/** Builds the activities that read the expert pool. */
export function createMatchingActivities({ expertDirectory, clock = () => new Date() }: MatchingActivityDependencies) {
  return {
    /** Ranks the eligible experts for a case; an activity, so that the ranking is recorded in the case's history. */
    async findCandidates(input: FindCandidatesInput): Promise<RankedCandidate[]> {
      const experts = await expertDirectory.activeProfiles();
      return rankCandidates(experts, { ...input, now: clock().toISOString() });
    },
    /** Looks one expert up by id, for manual assignment and task assignment. */
    async lookupExpert(expertId: string): Promise<ExpertProfile | null> {
      return expertDirectory.profile(expertId);
    },
  };
}

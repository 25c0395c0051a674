import { patched, setHandler } from '@temporalio/workflow';
import { caseEvent } from '../../src/domain/case.events';
import { conflictOfInterestKind } from '../../src/domain/matching';
import type { ExpertProfile } from '../../src/domain/expert-profile';
import { caseReads } from '../activity-proxies';
import { now, type CaseContext } from '../case-context';
import { decideAt, decideNow } from '../case-decisions';
import { assignExpert, type AssignedCase, type ManualAssignment } from '../messages';

const { lookupExpert } = caseReads;

// Patch ids: each check issues commands (a refusal after the pool look-up, a marker) that older histories lack.
const CHECKS_CONFLICTS = 'manual-assignment-checks-conflict-of-interest';
const WEIGHS_MATCHING_RULES = 'manual-assignment-weighs-matching-rules';

/** Registers the coordinator's manual assignments, weighed against the matching rules with the pool as it is then. */
export function registerManualAssignment(context: CaseContext): void {
  setHandler(assignExpert, async ({ expertId, note, override, actor }: ManualAssignment) => {
    const command = { type: 'assignExpert', expertId, ...(note !== undefined && { note }), ...(override !== undefined && { override }) } as const;
    decideNow(context, command, actor);
    // Claimed during the pool look-up without the expert's profile, so a second assignment of them in the same moment
    // reads them as joining; the place itself counts once the profile is weighed.
    const joining = context.journal.claim([caseEvent('ExpertAssignedManually', { expertId, expertName: expertId }, actor, now())]);
    try {
      // Read when the decision is taken, not when the coordinator looked: a conflict declared since then still counts.
      const expert = await lookupExpert(expertId);
      context.journal.release(joining);
      const decided = { ...command, expert, rules: rulesOf(context, expert) } as const;
      const claim = context.journal.claim(decideNow(context, decided, actor));
      try {
        // Decided again when recorded: a deactivation that reached the case while the pool was read keeps the expert off.
        const state = await context.journal.recordFrom((current) => decideAt(context, current, decided, actor), claim);
        const assigned = claim.events.find((e) => e.type === 'ExpertAssignedManually');
        const warnings = assigned?.type === 'ExpertAssignedManually' ? assigned.data.warnings ?? [] : [];
        return { ...state, warnings } satisfies AssignedCase;
      } finally {
        context.journal.release(claim);
      }
    } finally {
      context.journal.release(joining);
    }
  }, {
    validator: ({ expertId, note, override, actor }: ManualAssignment) =>
      void decideNow(context, { type: 'assignExpert', expertId, ...(note !== undefined && { note }), ...(override !== undefined && { override }) }, actor),
  });
}

/**
 * The matching rules an assignment is weighed by: all of them now; a conflict of interest only, or none, on the paths
 * of older histories (which recorded no warnings). The patch markers sit where the weighing always stood.
 */
function rulesOf(context: CaseContext, expert: ExpertProfile | null): 'weighed' | 'conflictsOnly' | 'unweighed' {
  if (!expert || !expert.active) return 'weighed';
  if (patched(WEIGHS_MATCHING_RULES)) return 'weighed';
  return conflictOfInterestKind(expert, context.state.municipalityCode) && patched(CHECKS_CONFLICTS) ? 'conflictsOnly' : 'unweighed';
}

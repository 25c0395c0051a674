import { patched, setHandler, type ApplicationFailure } from '@temporalio/workflow';
import { caseEvent } from '../../src/domain/case.events';
import { SYSTEM_ACTOR } from '../../src/domain/case.vocabulary';
import { OVERRIDE_REASON_MAX_LENGTH, conflictOfInterestRefusal, weighAssignment, type AssignmentVerdict } from '../../src/domain/manual-assignment';
import { conflictOfInterestKind, type ConflictOfInterest } from '../../src/domain/matching';
import type { ExpertProfile } from '../../src/domain/expert-profile';
import { caseReads } from '../activity-proxies';
import { conflict, invalid, notFound, now, requireCoordinator, requireStage, requireText, type CaseContext } from '../case-context';
import { assignExpert, type AssignedCase, type ManualAssignment } from '../messages';
import { placesLeft } from './matching.stage';
import { SYSTEM_REASONS } from '../../src/domain/system-reasons';

const { lookupExpert } = caseReads;

// Patch ids: each check issues commands (a refusal after the pool look-up, a marker) that older histories lack.
const CHECKS_CONFLICTS = 'manual-assignment-checks-conflict-of-interest';
const WEIGHS_MATCHING_RULES = 'manual-assignment-weighs-matching-rules';

/** Registers the coordinator's manual assignments, weighed against the matching rules with the pool as it is then. */
export function registerManualAssignment(context: CaseContext): void {
  setHandler(assignExpert, async (assignment: ManualAssignment) => {
    const { expertId } = assignment;
    if (context.joiningExperts.has(expertId)) throw conflict(`expert ${expertId} is already joining the team`, 'already_joining', { expertId });
    context.joiningExperts.add(expertId);
    try {
      return await assign(context, assignment);
    } finally {
      context.joiningExperts.delete(expertId);
    }
  }, {
    validator: ({ expertId, override, actor }: ManualAssignment) => {
      requireCoordinator(actor);
      requireRoomForAssignment(context);
      if (typeof expertId !== 'string' || expertId === '') throw invalid('expertId is required', 'expertId', 'required');
      if (override !== undefined) {
        if (typeof override !== 'object' || override === null) throw invalid('override must be an object with a reason', 'override', 'not_an_object');
        requireText(override.reason, 'override.reason', OVERRIDE_REASON_MAX_LENGTH);
      }
      if (context.state.team.some((m) => m.expertId === expertId)) throw conflict(`expert ${expertId} is already on the team`, 'already_on_team', { expertId });
      if (context.joiningExperts.has(expertId)) throw conflict(`expert ${expertId} is already joining the team`, 'already_joining', { expertId });
    },
  });
}

async function assign(context: CaseContext, { expertId, note, override, actor }: ManualAssignment): Promise<AssignedCase> {
  // Read when the decision is taken, not when the coordinator looked: a conflict declared since then still counts.
  const expert = await lookupExpert(expertId);
  if (!expert || !expert.active) throw notFound(`expert ${expertId} does not exist or is inactive`, 'expert_unavailable', { expertId });
  const verdict = weigh(context, expert, override?.reason.trim());
  requireRoomForAssignment(context);
  if (context.state.team.some((m) => m.expertId === expertId)) throw conflict(`expert ${expertId} is already on the team`, 'already_on_team', { expertId });
  if (placesLeft(context) <= 0) throw conflict('the team is already complete', 'team_complete');
  // Counted as taken until recorded, so an acceptance in the same moment cannot overfill the team.
  context.pendingAcceptances++;
  try {
    const state = await context.journal.recordFrom((current) => {
      // A deactivation that reached the case while the pool was read keeps the expert off the team.
      if (context.deactivatedExperts.has(expertId)) throw notFound(`expert ${expertId} does not exist or is inactive`, 'expert_unavailable', { expertId });
      return [
        // An open offer to the same expert is settled by the assignment, so they cannot join the team twice.
        ...current.openOffers.filter((o) => o.expertId === expertId)
          .map((o) => caseEvent('OfferWithdrawn', { offerId: o.offerId, expertId, reason: SYSTEM_REASONS.assignedByHand }, SYSTEM_ACTOR, now())),
        caseEvent('ExpertAssignedManually', {
          expertId, expertName: expert.name, ...(note?.trim() && { note: note.trim() }),
          ...(verdict && { warnings: verdict.warnings, ...(verdict.override && { override: verdict.override }) }),
        }, actor, now()),
      ];
    });
    return { ...state, warnings: verdict?.warnings ?? [] };
  } finally {
    context.pendingAcceptances--;
  }
}

/**
 * Refuses a conflict of interest the coordinator did not override, and says which matching rules the assignment sets
 * aside; undefined on the paths of older histories, which recorded no warnings.
 */
function weigh(context: CaseContext, expert: ExpertProfile, overrideReason: string | undefined): Extract<AssignmentVerdict, { allowed: true }> | undefined {
  const { category, municipalityCode } = context.state;
  if (patched(WEIGHS_MATCHING_RULES)) {
    const verdict = weighAssignment(expert, { category, municipalityCode }, overrideReason);
    if (!verdict.allowed) throw refusal(expert.expertId, verdict.conflict);
    return verdict;
  }
  // Histories from before the weighing refused a conflict outright, or (older still) assigned freely.
  const kind = conflictOfInterestKind(expert, municipalityCode);
  if (kind && patched(CHECKS_CONFLICTS)) throw refusal(expert.expertId, kind);
  return undefined;
}

function refusal(expertId: string, kind: ConflictOfInterest): ApplicationFailure {
  const { message, code, params } = conflictOfInterestRefusal(expertId, kind);
  return conflict(message, code, params);
}

/**
 * Refuses a manual assignment unless the team has room: during matching, or later when deactivations left the team short
 * of the size matching set for it.
 */
function requireRoomForAssignment(context: CaseContext): void {
  if (context.stage === 'Matching' && !context.journal.isSealed) return;
  requireStage(context, ['Matching', 'Preparation', 'Intervention', 'FollowUp'], 'a manual assignment');
  if (context.state.team.length >= context.teamTarget) throw conflict('the team is complete; a manual assignment is possible in Matching, or later when a member has left', 'team_complete');
}

import type { CaseCommandOf, DecisionContext } from '../case-command';
import { conflict, invalid, notFound, type CaseRefusal } from '../case-refusal';
import { caseEvent, type NewCaseEvent } from '../case.events';
import type { CaseState } from '../case.state';
import { SYSTEM_ACTOR, type Actor, type CaseStage } from '../case.vocabulary';
import { CASE_TEXT_LIMITS } from '../case-text-limits';
import {
  OVERRIDE_REASON_MAX_LENGTH, conflictOfInterestRefusal, weighAssignment, type AssignmentWarning, type ConflictOverride,
} from '../manual-assignment';
import { conflictOfInterestKind, describeConflict, type ConflictOfInterest } from '../matching';
import { SYSTEM_REASONS, conflictOfInterestReason } from '../system-reasons';
import { assignedExpertOnly, coordinatorOnly, deactivatedRefusal, recordedState, stageRefusal, textRefusal } from './case-rules';
import type { Decider } from './decider';

/**
 * An expert answers an offer made to them. An acceptance by an expert whom the pool now puts in conflict with the case
 * (`command.conflict`) withdraws the offer instead, which they may never take; see `acceptanceRefusal`.
 */
export const decideOfferResponse: Decider<'respondToOffer'> = (state, command, actor, now, context) => {
  const { offerId, response, reason } = command;
  const offer = state.openOffers.find((o) => o.offerId === offerId);
  return (response !== 'accept' && response !== 'decline'
    ? invalid(`response must be "accept" or "decline", got ${JSON.stringify(response)}`, 'response', 'not_a_choice') : undefined)
    ?? (reason !== undefined ? textRefusal(reason, 'reason', CASE_TEXT_LIMITS.reason) : undefined)
    ?? stageRefusal(recordedState(state, context), context, ['Matching'], 'answering an offer')
    ?? (!offer ? notFound(`offer ${offerId} is not open on this case`, 'offer_not_open', { offerId }) : undefined)
    ?? assignedExpertOnly(actor, offer!.expertId, 'answer this offer', 'offer_not_yours')
    ?? deactivatedRefusal(actor, context)
    ?? (response === 'accept' ? joiningRefusal(state, offer!.expertId, context) : undefined)
    ?? (response === 'decline'
      ? [caseEvent('OfferDeclined', { offerId, expertId: offer!.expertId, ...(reason?.trim() && { reason: reason.trim() }) }, actor, now)]
      : command.conflict
        ? [caseEvent('OfferWithdrawn', { offerId, expertId: offer!.expertId, reason: conflictOfInterestReason(command.conflict) }, SYSTEM_ACTOR, now)]
        : [caseEvent('OfferAccepted', { offerId, expertId: offer!.expertId }, actor, now)]);
};

/** The refusal an acceptance ends in when the offer was withdrawn for a conflict of interest. */
export function acceptanceRefusal(expertId: string, kind: ConflictOfInterest): CaseRefusal {
  return conflict(`expert ${expertId} may not work on this case: ${describeConflict(kind)}`, 'offer_conflict_of_interest', { expertId });
}

// Stages in which a member who left may be replaced by hand.
const ASSIGNMENT_STAGES: readonly CaseStage[] = ['Matching', 'Preparation', 'Intervention', 'FollowUp'];

/**
 * A coordinator puts an expert on the team by hand: during matching, or later when members left the team short. Until
 * the pool's profile is read (`command.expert` undefined) the expert's own rules are not weighed yet.
 */
export const decideManualAssignment: Decider<'assignExpert'> = (state, command, actor, now, context) => {
  const { expertId, override, expert } = command;
  return coordinatorOnly(actor)
    ?? roomRefusal(state, context)
    ?? (typeof expertId !== 'string' || expertId === '' ? invalid('expertId is required', 'expertId', 'required') : undefined)
    ?? overrideRefusal(override)
    ?? joiningRefusal(state, expertId, context, true)
    ?? (expert === null || (expert && !expert.active) || context.deactivatedExperts?.has(expertId)
      ? notFound(`expert ${expertId} does not exist or is inactive`, 'expert_unavailable', { expertId }) : undefined)
    ?? assignmentEvents(state, command, actor, now);
};

function assignmentEvents(state: CaseState, command: CaseCommandOf<'assignExpert'>, actor: Actor, now: string): CaseRefusal | NewCaseEvent[] {
  const { expertId, note, expert, rules = 'weighed' } = command;
  const { category, municipalityCode } = state;
  let recorded: { readonly warnings?: readonly AssignmentWarning[]; readonly override?: ConflictOverride } = {};
  if (expert && rules === 'weighed') {
    const verdict = weighAssignment(expert, { category, municipalityCode }, command.override?.reason.trim());
    if (!verdict.allowed) return refusalOf(expertId, verdict.conflict);
    recorded = { warnings: verdict.warnings, ...(verdict.override && { override: verdict.override }) };
  }
  const conflicting = expert && rules === 'conflictsOnly' ? conflictOfInterestKind(expert, municipalityCode) : null;
  if (conflicting) return refusalOf(expertId, conflicting);
  return [
    // An open offer to the same expert is settled by the assignment, so they cannot join the team twice.
    ...state.openOffers.filter((o) => o.expertId === expertId)
      .map((o) => caseEvent('OfferWithdrawn', { offerId: o.offerId, expertId, reason: SYSTEM_REASONS.assignedByHand }, SYSTEM_ACTOR, now)),
    caseEvent('ExpertAssignedManually', { expertId, expertName: expert?.name ?? expertId, ...(note?.trim() && { note: note.trim() }), ...recorded }, actor, now),
  ];
}

function refusalOf(expertId: string, kind: ConflictOfInterest): CaseRefusal {
  const { message, code, params } = conflictOfInterestRefusal(expertId, kind);
  return conflict(message, code, params);
}

function overrideRefusal(override: unknown): CaseRefusal | undefined {
  if (override === undefined) return undefined;
  if (typeof override !== 'object' || override === null) return invalid('override must be an object with a reason', 'override', 'not_an_object');
  return textRefusal((override as { reason?: unknown }).reason, 'override.reason', OVERRIDE_REASON_MAX_LENGTH);
}

// During matching there is always room to try; later only when members left the team short of the size matching set.
function roomRefusal(state: CaseState, context: DecisionContext): CaseRefusal | undefined {
  const recorded = recordedState(state, context);
  if (recorded.stage === 'Matching' && !context.ending) return undefined;
  return stageRefusal(recorded, context, ASSIGNMENT_STAGES, 'a manual assignment')
    ?? (state.team.length >= (context.teamTarget ?? Infinity)
      ? conflict('the team is complete; a manual assignment is possible in Matching, or later when a member has left', 'team_complete') : undefined);
}

/**
 * Refuses a second way onto the team: a full team (counting places being taken), an expert already on it, or one whose
 * place is still being recorded (on the team decided on, not yet on the recorded one).
 */
function joiningRefusal(state: CaseState, expertId: string, context: DecisionContext, byHand = false): CaseRefusal | undefined {
  const recorded = recordedState(state, context);
  const onTeam = (s: CaseState) => s.team.some((m) => m.expertId === expertId);
  if (byHand && onTeam(recorded)) return conflict(`expert ${expertId} is already on the team`, 'already_on_team', { expertId });
  if (byHand && onTeam(state)) return conflict(`expert ${expertId} is already joining the team`, 'already_joining', { expertId });
  if (byHand) return recorded.stage === 'Matching' && state.team.length >= (context.teamTarget ?? Infinity) ? conflict('the team is already complete', 'team_complete') : undefined;
  if (state.team.length >= (context.teamTarget ?? Infinity)) return conflict('the team is already complete', 'team_complete');
  if (onTeam(recorded)) return conflict('this expert is already on the team', 'already_on_team', { expertId });
  if (onTeam(state)) return conflict(`expert ${expertId} is already joining the team`, 'already_joining', { expertId });
  return undefined;
}

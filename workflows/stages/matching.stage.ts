import { caseReads } from '../activity-proxies';
import { condition, patched, setHandler } from '@temporalio/workflow';
import { OFFER_TIMEOUT_MS, REQUIRED_SKILLS, offerBatchSize, teamSizeFor } from '../../src/domain/case-policy';
import { caseEvent } from '../../src/domain/case.events';
import { SYSTEM_ACTOR, type RiskLevel } from '../../src/domain/case.vocabulary';
import { addMs } from '../../src/domain/durations';
import { conflictOfInterestKind, describeConflict } from '../../src/domain/matching';
import { ESCALATION_REASONS } from '../../src/domain/escalation-reasons';
import { SYSTEM_REASONS, conflictOfInterestReason } from '../../src/domain/system-reasons';
import { conflict, notFound, now, type CaseContext } from '../case-context';
import { decideAt, decideNow } from '../case-decisions';
import type { CaseEscalations } from '../case-escalations';
import { mayBeOffered } from './team-changes.stage';
import { respondToOffer, type OfferResponse } from '../messages';

const { findCandidates, lookupExpert } = caseReads;

/** Registers the experts' answers to offers. */
export function registerMatching(context: CaseContext): void {
  setHandler(respondToOffer, async ({ offerId, response, reason, actor }: OfferResponse) => {
    const command = { type: 'respondToOffer', offerId, response, ...(reason !== undefined && { reason }) } as const;
    const offer = context.journal.pendingState!.openOffers.find((o) => o.offerId === offerId)!;
    // Claimed before the first await, so a second answer, or a second way onto the team, in the same moment sees it taken.
    const claim = context.journal.claim(decideNow(context, command, actor));
    try {
      // The pool may have changed since the offer: an expert who now lives in or declared a conflict with the case's
      // municipality cannot take it. (Histories from before this check recorded no look-up here.)
      if (response === 'accept' && patched(ACCEPT_CHECKS_CONFLICTS)) await refuseConflictOfInterest(context, offer);
      return await context.journal.recordFrom((state) => {
        // Checked again when the answer is recorded: a deactivation that arrived meanwhile has withdrawn the offer.
        if (!state.openOffers.some((o) => o.offerId === offerId) || context.deactivatedExperts.has(offer.expertId)) {
          throw notFound(`offer ${offerId} is not open on this case`, 'offer_not_open', { offerId });
        }
        return decideAt(context, state, command, actor);
      }, claim);
    } finally {
      context.journal.release(claim);
    }
  }, {
    validator: ({ offerId, response, reason, actor }: OfferResponse) =>
      void decideNow(context, { type: 'respondToOffer', offerId, response, ...(reason !== undefined && { reason }) }, actor),
  });
}

/** Matching: offers the case round by round until the team is complete, then records the team. */
export async function assembleTeam(context: CaseContext, escalations: CaseEscalations): Promise<void> {
  const { category, riskLevel } = context.state;
  const risk = riskLevel ?? 'MEDIUM';
  context.teamTarget = teamSizeFor(category, risk).total;
  const rounds = { count: 0 };
  for (;;) {
    await fillTeam(context, escalations, risk, rounds);
    await condition(() => !placesBeingTaken(context));
    // A member deactivated while the last place was being taken leaves the team short again: it is recorded only full.
    let assembled = false;
    await context.journal.recordFrom((state) => {
      if (state.team.length < context.teamTarget) return [];
      assembled = true;
      return [caseEvent('TeamAssembled', { members: state.team }, SYSTEM_ACTOR, now())];
    });
    if (assembled) return;
  }
}

async function fillTeam(context: CaseContext, escalations: CaseEscalations, risk: RiskLevel, rounds: { count: number }): Promise<void> {
  const { category } = context.state;
  while (placesLeft(context) > 0) {
    const { municipalityCode, safetyRegion, eventDate, askedExpertIds, team } = context.state;
    // The pool read may predate a deactivation that reached this case since; such an expert is not offered the case.
    const candidates = (await findCandidates({
      category, riskLevel: risk, municipalityCode, safetyRegion, eventDate, requiredSkills: REQUIRED_SKILLS[category],
      excludeExpertIds: [...askedExpertIds, ...team.map((m) => m.expertId)],
    })).filter((candidate) => mayBeOffered(context, candidate.expertId));
    if (candidates.length === 0) {
      await escalations.raise('failedMatch', 'matching', ESCALATION_REASONS.poolExhausted(placesLeft(context)));
      // Only the coordinator can fill the team now, by hand; wait until those assignments are recorded.
      await condition(() => context.state.team.length >= context.teamTarget);
      return;
    }
    const round = ++rounds.count;
    const expiresAt = addMs(now(), OFFER_TIMEOUT_MS[risk]);
    const offers = candidates.slice(0, offerBatchSize(risk, placesLeft(context))).map((candidate, index) => ({
      offerId: `offer-${round}-${index + 1}`, expertId: candidate.expertId, expertName: candidate.name,
    }));
    await context.journal.record(...offers.map((offer) => caseEvent('ExpertOffered', { ...offer, round, expiresAt }, SYSTEM_ACTOR, now())));
    const roundOpen = () => context.state.openOffers.filter((o) => o.round === round);
    const teamBefore = context.state.team.length;
    await condition(() => roundOpen().length === 0 || placesLeft(context) <= 0, OFFER_TIMEOUT_MS[risk]);
    // Let an acceptance that is being recorded finish before deciding what happens to the rest.
    await condition(() => !placesBeingTaken(context));
    // The team looked full only for a moment (an acceptance was refused, or a member was deactivated): the round's
    // offers stay open until they expire or the team is full after all.
    while (roundOpen().length > 0 && placesLeft(context) > 0 && Date.now() < Date.parse(expiresAt)) {
      await condition(() => roundOpen().length === 0 || placesLeft(context) <= 0, Date.parse(expiresAt) - Date.now());
      await condition(() => !placesBeingTaken(context));
    }
    await closeRound(context, escalations, round, context.state.team.length > teamBefore);
  }
}

async function closeRound(context: CaseContext, escalations: CaseEscalations, round: number, anyAccepted: boolean): Promise<void> {
  let expired = 0;
  // Built when the step runs, so an offer that a deactivation withdrew meanwhile is not ended a second time.
  await context.journal.recordFrom((state) => {
    const stillOpen = state.openOffers.filter((o) => o.round === round).map(({ offerId, expertId }) => ({ offerId, expertId }));
    const teamComplete = placesLeft(context) <= 0;
    if (!teamComplete) expired = stillOpen.length;
    return stillOpen.map((offer) => (teamComplete
      ? caseEvent('OfferWithdrawn', { ...offer, reason: SYSTEM_REASONS.teamComplete }, SYSTEM_ACTOR, now())
      : caseEvent('OfferExpired', offer, SYSTEM_ACTOR, now())));
  });
  if (expired > 0 && !anyAccepted) {
    await escalations.raise('missedDeadline', 'offer-round', ESCALATION_REASONS.offerRoundExpired);
  }
}

// Patch id: the check below issues a command (a pool look-up) that older histories lack.
const ACCEPT_CHECKS_CONFLICTS = 'accept-checks-conflict-of-interest';

/**
 * Refuses an acceptance by an expert whom the pool now puts in conflict with the case's municipality, and withdraws
 * their offer, which they may never take, so that matching offers the place to someone else.
 */
async function refuseConflictOfInterest(context: CaseContext, offer: { offerId: string; expertId: string }): Promise<void> {
  const expert = await lookupExpert(offer.expertId);
  const conflicting = expert && conflictOfInterestKind(expert, context.state.municipalityCode);
  if (!conflicting) return;
  await context.journal.recordFrom((state) => (state.openOffers.some((o) => o.offerId === offer.offerId)
    ? [caseEvent('OfferWithdrawn', { offerId: offer.offerId, expertId: offer.expertId, reason: conflictOfInterestReason(conflicting) }, SYSTEM_ACTOR, now())]
    : []));
  throw conflict(`expert ${offer.expertId} may not work on this case: ${describeConflict(conflicting)}`, 'offer_conflict_of_interest', { expertId: offer.expertId });
}

/** Places on the team not yet taken, counting those being taken (on the pending team, not yet on the recorded one). */
export function placesLeft(context: CaseContext): number {
  return context.teamTarget - (context.journal.pendingState?.team.length ?? 0);
}

/** Whether an acceptance or an assignment is still being recorded. */
function placesBeingTaken(context: CaseContext): boolean {
  const recorded = new Set(context.state.team.map((m) => m.expertId));
  return (context.journal.pendingState?.team ?? []).some((m) => !recorded.has(m.expertId));
}

import { caseReads } from '../activity-proxies';
import { condition, setHandler } from '@temporalio/workflow';
import { OFFER_TIMEOUT_MS, REQUIRED_SKILLS, offerBatchSize, teamSizeFor } from '../../src/domain/case-policy';
import { caseEvent, type NewCaseEvent } from '../../src/domain/case.events';
import type { CaseState } from '../../src/domain/case.state';
import { SYSTEM_ACTOR } from '../../src/domain/case.vocabulary';
import { addMs } from '../../src/domain/durations';
import { conflict, invalid, notFound, now, refuseDeactivated, requireCoordinator, requireExpert, requireStage, requireText, type CaseContext } from '../case-context';
import type { CaseEscalations } from '../case-escalations';
import { mayBeOffered } from './team-changes.stage';
import { assignExpert, respondToOffer, type ManualAssignment, type OfferResponse } from '../messages';

const { findCandidates, lookupExpert } = caseReads;

/** Registers the experts' answers to offers and the coordinator's manual assignments. */
export function registerMatching(context: CaseContext): void {
  // Offers whose answer is being recorded: a second answer to the same offer in the same moment is refused.
  const answering = new Set<string>();
  // Experts whose place on the team is being recorded, by an acceptance or by hand: the team does not show them until
  // the event is stored, so a second way in for the same expert in the same moment is refused here.
  const joining = new Set<string>();
  setHandler(respondToOffer, async ({ offerId, response, reason, actor }: OfferResponse) => {
    const offer = context.state.openOffers.find((o) => o.offerId === offerId);
    if (!offer || answering.has(offerId)) throw notFound(`offer ${offerId} is not open on this case`);
    if (response === 'accept') {
      // Claimed before the first await, so a second acceptance in the same moment sees the place taken.
      if (placesLeft(context) <= 0) throw conflict('the team is already complete');
      if (context.state.team.some((m) => m.expertId === offer.expertId)) throw conflict('this expert is already on the team');
      if (joining.has(offer.expertId)) throw conflict(`expert ${offer.expertId} is already joining the team`);
      joining.add(offer.expertId);
    }
    answering.add(offerId);
    if (response === 'accept') context.pendingAcceptances++;
    try {
      return await context.journal.record(response === 'accept'
        ? caseEvent('OfferAccepted', { offerId, expertId: offer.expertId }, actor, now())
        : caseEvent('OfferDeclined', { offerId, expertId: offer.expertId, ...(reason?.trim() && { reason: reason.trim() }) }, actor, now()));
    } finally {
      answering.delete(offerId);
      if (response === 'accept') {
        context.pendingAcceptances--;
        joining.delete(offer.expertId);
      }
    }
  }, {
    validator: ({ offerId, response, reason, actor }: OfferResponse) => {
      if (response !== 'accept' && response !== 'decline') throw invalid(`response must be "accept" or "decline", got ${JSON.stringify(response)}`);
      if (reason !== undefined) requireText(reason, 'reason', 2000);
      requireStage(context, ['Matching'], 'answering an offer');
      const offer = context.state.openOffers.find((o) => o.offerId === offerId);
      if (!offer || answering.has(offerId)) throw notFound(`offer ${offerId} is not open on this case`);
      requireExpert(actor, offer.expertId, 'answer this offer');
      refuseDeactivated(context, actor);
      if (response === 'accept' && placesLeft(context) <= 0) throw conflict('the team is already complete');
      if (response === 'accept' && joining.has(offer.expertId)) throw conflict(`expert ${offer.expertId} is already joining the team`);
    },
  });

  setHandler(assignExpert, async ({ expertId, note, actor }: ManualAssignment) => {
    if (joining.has(expertId)) throw conflict(`expert ${expertId} is already joining the team`);
    joining.add(expertId);
    try {
      return await assign(expertId, note, actor);
    } finally {
      joining.delete(expertId);
    }
  }, {
    validator: ({ expertId, actor }: ManualAssignment) => {
      requireCoordinator(actor);
      requireStage(context, ['Matching'], 'a manual assignment');
      if (typeof expertId !== 'string' || expertId === '') throw invalid('expertId is required');
      if (context.state.team.some((m) => m.expertId === expertId)) throw conflict(`expert ${expertId} is already on the team`);
      if (joining.has(expertId)) throw conflict(`expert ${expertId} is already joining the team`);
    },
  });

  async function assign(expertId: string, note: string | undefined, actor: ManualAssignment['actor']): Promise<CaseState> {
    const expert = await lookupExpert(expertId);
    if (!expert || !expert.active) throw notFound(`expert ${expertId} does not exist or is inactive`);
    requireStage(context, ['Matching'], 'a manual assignment');
    if (context.state.team.some((m) => m.expertId === expertId)) throw conflict(`expert ${expertId} is already on the team`);
    if (placesLeft(context) <= 0) throw conflict('the team is already complete');
    // Counted as taken until recorded, so an acceptance in the same moment cannot overfill the team.
    context.pendingAcceptances++;
    try {
      // An open offer to the same expert is settled by the assignment, so they cannot join the team twice.
      return await context.journal.recordFrom((state) => [
        ...state.openOffers.filter((o) => o.expertId === expertId)
          .map((o) => caseEvent('OfferWithdrawn', { offerId: o.offerId, expertId, reason: 'assigned by hand' }, SYSTEM_ACTOR, now())),
        caseEvent('ExpertAssignedManually', { expertId, expertName: expert.name, ...(note?.trim() && { note: note.trim() }) }, actor, now()),
      ]);
    } finally {
      context.pendingAcceptances--;
    }
  }
}

/** Matching: offers the case round by round until the team is complete, then records the team. */
export async function assembleTeam(context: CaseContext, escalations: CaseEscalations): Promise<void> {
  const { category, riskLevel } = context.state;
  const risk = riskLevel ?? 'MEDIUM';
  context.teamTarget = teamSizeFor(category, risk).total;
  let round = 0;
  while (placesLeft(context) > 0) {
    const { municipalityCode, safetyRegion, eventDate, askedExpertIds, team } = context.state;
    const candidates = await findCandidates({
      category, riskLevel: risk, municipalityCode, safetyRegion, eventDate, requiredSkills: REQUIRED_SKILLS[category],
      excludeExpertIds: [...askedExpertIds, ...team.map((m) => m.expertId)],
    });
    if (candidates.length === 0) {
      await escalations.raise('failedMatch', 'matching', `no eligible expert left in the pool; ${placesLeft(context)} place(s) open`);
      // Only the coordinator can fill the team now, by hand; wait until those assignments are recorded.
      await condition(() => context.state.team.length >= context.teamTarget);
      break;
    }
    round++;
    const expiresAt = addMs(now(), OFFER_TIMEOUT_MS[risk]);
    // The pool read may predate a deactivation that reached this case since; such an expert is not offered the case.
    const offers = candidates.filter((candidate) => mayBeOffered(context, candidate.expertId))
      .slice(0, offerBatchSize(risk, placesLeft(context))).map((candidate, index) => ({
      offerId: `offer-${round}-${index + 1}`, expertId: candidate.expertId, expertName: candidate.name,
    }));
    await context.journal.record(...offers.map((offer) => caseEvent('ExpertOffered', { ...offer, round, expiresAt }, SYSTEM_ACTOR, now())));
    const roundOpen = () => context.state.openOffers.filter((o) => o.round === round);
    const teamBefore = context.state.team.length;
    await condition(() => roundOpen().length === 0 || placesLeft(context) <= 0, OFFER_TIMEOUT_MS[risk]);
    // Let an acceptance that is being recorded finish before deciding what happens to the rest.
    await condition(() => context.pendingAcceptances === 0);
    await closeRound(context, escalations, roundOpen().map((o) => ({ offerId: o.offerId, expertId: o.expertId })), context.state.team.length > teamBefore);
  }
  await condition(() => context.pendingAcceptances === 0);
  await context.journal.recordFrom((state) => [caseEvent('TeamAssembled', { members: state.team }, SYSTEM_ACTOR, now())]);
}

async function closeRound(
  context: CaseContext,
  escalations: CaseEscalations,
  stillOpen: Array<{ offerId: string; expertId: string }>,
  anyAccepted: boolean,
): Promise<void> {
  if (stillOpen.length === 0) return;
  const teamComplete = placesLeft(context) <= 0;
  const events: NewCaseEvent[] = stillOpen.map((offer) => (teamComplete
    ? caseEvent('OfferWithdrawn', { ...offer, reason: 'the team is complete' }, SYSTEM_ACTOR, now())
    : caseEvent('OfferExpired', offer, SYSTEM_ACTOR, now())));
  await context.journal.record(...events);
  if (!teamComplete && !anyAccepted) {
    await escalations.raise('missedDeadline', 'offer-round', 'an offer round expired without an answer');
  }
}

/** Places on the team not yet taken, counting acceptances that are being recorded. */
export function placesLeft(context: CaseContext): number {
  return context.teamTarget - context.state.team.length - context.pendingAcceptances;
}

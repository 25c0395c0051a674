import { caseEvent } from '../../../../src/domain/case.events';
import { SYSTEM_ACTOR } from '../../../../src/domain/case.vocabulary';
import { foldCase } from '../../../../src/domain/case.state';
import type { CaseEvent } from '../../../../src/domain/case.events';
import type { ExpertProfile } from '../../../../src/domain/expert-profile';
import { SYSTEM_REASONS, conflictOfInterestReason } from '../../../../src/domain/system-reasons';
import { aSupportRequest } from '../../../support/case-fixtures';
import { COORDINATOR, LEAD, NOW, OUTSIDER, SUPPORT, given, past } from './case-spec';

const TEAM_OF_TWO = { teamTarget: 2 };
const recordedOf = (events: ReturnType<typeof past.matching>) =>
  foldCase(events.map((event, index) => ({ ...event, caseId: 'case-spec', version: index + 1 }) as CaseEvent));

describe('an answer to an offer', () => {
  it('puts the expert who accepts on the team', () => {
    given(past.matching(), TEAM_OF_TWO).when({ type: 'respondToOffer', offerId: 'offer-1-2', response: 'accept' }, SUPPORT)
      .then([caseEvent('OfferAccepted', { offerId: 'offer-1-2', expertId: SUPPORT.id }, SUPPORT, NOW)]);
  });

  it('records a decline with its reason', () => {
    given(past.matching(), TEAM_OF_TWO).when({ type: 'respondToOffer', offerId: 'offer-1-2', response: 'decline', reason: 'Away' }, SUPPORT)
      .then([caseEvent('OfferDeclined', { offerId: 'offer-1-2', expertId: SUPPORT.id, reason: 'Away' }, SUPPORT, NOW)]);
  });

  it('withdraws the offer instead when the pool now puts the expert in conflict with the case', () => {
    given(past.matching(), TEAM_OF_TWO).when({ type: 'respondToOffer', offerId: 'offer-1-2', response: 'accept', conflict: 'own_municipality' }, SUPPORT)
      .then([caseEvent('OfferWithdrawn', { offerId: 'offer-1-2', expertId: SUPPORT.id, reason: conflictOfInterestReason('own_municipality') }, SYSTEM_ACTOR, NOW)]);
  });

  it('refuses an answer other than accept or decline', () => {
    given(past.matching(), TEAM_OF_TWO).when({ type: 'respondToOffer', offerId: 'offer-1-2', response: 'later' as 'accept' }, SUPPORT).thenInvalid('response', 'not_a_choice');
  });

  it('refuses a blank reason', () => {
    given(past.matching(), TEAM_OF_TWO).when({ type: 'respondToOffer', offerId: 'offer-1-2', response: 'decline', reason: ' ' }, SUPPORT).thenInvalid('reason', 'required');
  });

  it('is refused outside matching', () => {
    given(past.teamAssembled(), TEAM_OF_TWO).when({ type: 'respondToOffer', offerId: 'offer-1-2', response: 'accept' }, SUPPORT).thenRefused('wrong_stage');
  });

  it('is refused for an offer that is not open', () => {
    given(past.matching(), TEAM_OF_TWO).when({ type: 'respondToOffer', offerId: 'offer-9-9', response: 'accept' }, SUPPORT).thenRefused('offer_not_open', { offerId: 'offer-9-9' });
  });

  it('is refused to anyone but the expert offered', () => {
    given(past.matching(), TEAM_OF_TWO).when({ type: 'respondToOffer', offerId: 'offer-1-2', response: 'accept' }, OUTSIDER).thenRefused('offer_not_yours');
  });

  it('is refused to an expert the pool has deactivated', () => {
    given(past.matching(), { ...TEAM_OF_TWO, deactivatedExperts: new Set([SUPPORT.id]) })
      .when({ type: 'respondToOffer', offerId: 'offer-1-2', response: 'accept' }, SUPPORT).thenRefused('expert_deactivated');
  });

  it('refuses an acceptance when the team is complete', () => {
    given(past.matching(), { teamTarget: 1 }).when({ type: 'respondToOffer', offerId: 'offer-1-2', response: 'accept' }, SUPPORT).thenRefused('team_complete');
  });

  it('refuses an acceptance by an expert who is already on the team', () => {
    given([...past.matching(), past.offered('offer-2-1', LEAD)], { teamTarget: 3 })
      .when({ type: 'respondToOffer', offerId: 'offer-2-1', response: 'accept' }, LEAD).thenRefused('already_on_team');
  });

  it('refuses an acceptance by an expert whose place is still being recorded', () => {
    const recorded = recordedOf([...past.matching(), past.offered('offer-2-1', SUPPORT)]);
    given([...past.matching(), past.offered('offer-2-1', SUPPORT), caseEvent('ExpertAssignedManually', { expertId: SUPPORT.id, expertName: 'S' }, COORDINATOR, NOW)], { teamTarget: 3, recorded })
      .when({ type: 'respondToOffer', offerId: 'offer-2-1', response: 'accept' }, SUPPORT).thenRefused('already_joining');
  });
});

const profile = (overrides: Partial<ExpertProfile> = {}): ExpertProfile => ({
  expertId: OUTSIDER.id, name: 'Olga', email: 'olga@example.org', regions: [], categories: [aSupportRequest().category], skills: [], capacity: 3, activeCaseCount: 0,
  active: true, unavailable: [], homeMunicipalityCode: null, conflictMunicipalityCodes: [], ...overrides,
} as unknown as ExpertProfile);

describe('a manual assignment', () => {
  const assign = (overrides = {}) => ({ type: 'assignExpert' as const, expertId: OUTSIDER.id, expert: profile(), ...overrides });

  it('puts the expert on the team with the matching rules it sets aside, and settles their open offer', () => {
    given([...past.matching(), past.offered('offer-2-1', OUTSIDER)], { teamTarget: 3 }).when(assign({ expert: profile({ categories: [] }), note: ' Known ' }))
      .then([
        caseEvent('OfferWithdrawn', { offerId: 'offer-2-1', expertId: OUTSIDER.id, reason: SYSTEM_REASONS.assignedByHand }, SYSTEM_ACTOR, NOW),
        caseEvent('ExpertAssignedManually', { expertId: OUTSIDER.id, expertName: 'Olga', note: 'Known', warnings: ['lacks_category'] }, COORDINATOR, NOW),
      ]);
  });

  it('records an overridden conflict of interest with its reason', () => {
    given(past.matching(), { teamTarget: 3 }).when(assign({ expert: profile({ conflictMunicipalityCodes: ['GM0637'] }), override: { reason: 'Only one' } }))
      .then([caseEvent('ExpertAssignedManually', {
        expertId: OUTSIDER.id, expertName: 'Olga', warnings: ['conflict_overridden'], override: { conflict: 'declared_conflict', reason: 'Only one' },
      }, COORDINATOR, NOW)]);
  });

  it('refuses a conflict of interest that was not overridden', () => {
    given(past.matching(), { teamTarget: 3 }).when(assign({ expert: profile({ conflictMunicipalityCodes: ['GM0637'] }) })).thenRefused('conflict_of_interest_declared');
  });

  it('is refused to anyone but a coordinator', () => {
    given(past.matching(), { teamTarget: 3 }).when(assign(), LEAD).thenRefused('coordinator_only');
  });

  it('is refused after matching while the team is complete', () => {
    given(past.teamAssembled(), TEAM_OF_TWO).when(assign()).thenRefused('team_complete');
  });

  it('is refused outside the stages with a team to fill', () => {
    given(past.inTriage(), TEAM_OF_TWO).when(assign()).thenRefused('wrong_stage');
  });

  it('refuses a missing expert id', () => {
    given(past.matching(), { teamTarget: 3 }).when(assign({ expertId: '' })).thenInvalid('expertId', 'required');
  });

  it('refuses an override that is not an object with a reason', () => {
    given(past.matching(), { teamTarget: 3 }).when(assign({ override: 'yes' })).thenInvalid('override', 'not_an_object');
    given(past.matching(), { teamTarget: 3 }).when(assign({ override: { reason: '' } })).thenInvalid('override.reason', 'required');
  });

  it('refuses an expert already on the team', () => {
    given(past.matching(), { teamTarget: 3 }).when(assign({ expertId: LEAD.id })).thenRefused('already_on_team', { expertId: LEAD.id });
  });

  it('refuses an expert whose place is still being recorded', () => {
    const recorded = recordedOf(past.matching());
    given([...past.matching(), past.joined('offer-1-2', SUPPORT)], { teamTarget: 3, recorded }).when(assign({ expertId: SUPPORT.id })).thenRefused('already_joining');
  });

  it('refuses an expert the pool does not know, or has deactivated', () => {
    given(past.matching(), { teamTarget: 3 }).when(assign({ expert: null })).thenRefused('expert_unavailable');
    given(past.matching(), { teamTarget: 3, deactivatedExperts: new Set([OUTSIDER.id]) }).when(assign()).thenRefused('expert_unavailable');
  });

  it('refuses a full team during matching', () => {
    given(past.matching(), { teamTarget: 1 }).when(assign()).thenRefused('team_complete');
  });
});

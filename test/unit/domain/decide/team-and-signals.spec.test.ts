import { caseEvent } from '../../../../src/domain/case.events';
import { SYSTEM_ACTOR } from '../../../../src/domain/case.vocabulary';
import { literalText } from '../../../../src/domain/domain-text';
import { SYSTEM_REASONS } from '../../../../src/domain/system-reasons';
import { COORDINATOR, LEAD, NOW, OUTSIDER, SUPPORT, given, past } from './case-spec';

const leadLeft = () => [...past.preparation(), caseEvent('TeamMemberRemoved', { expertId: LEAD.id, reason: SYSTEM_REASONS.expertDeactivated }, SYSTEM_ACTOR, NOW)];

describe('appointing a lead', () => {
  const appoint = (expertId: string) => ({ type: 'appointLead' as const, expertId });

  it('makes the member the lead', () => given(leadLeft()).when(appoint(SUPPORT.id)).then([caseEvent('LeadAppointed', { expertId: SUPPORT.id }, COORDINATOR, NOW)]));
  it('is refused to anyone but a coordinator', () => given(leadLeft()).when(appoint(SUPPORT.id), SUPPORT).thenRefused('coordinator_only'));
  it('is refused before the case has a team', () => given(past.inTriage()).when(appoint(SUPPORT.id)).thenRefused('wrong_stage'));
  it('is refused for someone not on the team, or deactivated', () => {
    given(leadLeft()).when(appoint(OUTSIDER.id)).thenRefused('not_on_team');
    given(leadLeft(), { deactivatedExperts: new Set([SUPPORT.id]) }).when(appoint(SUPPORT.id)).thenRefused('not_on_team');
  });
  it('is refused for the member who already leads', () => given(past.preparation()).when(appoint(LEAD.id)).thenRefused('already_lead'));
});

describe("an expert's deactivation", () => {
  const deactivated = (expertId: string) => ({ type: 'expertDeactivated' as const, expertId });

  it('hands back their open tasks and ends their place on the team', () => {
    given(past.preparation()).when(deactivated(SUPPORT.id)).then([
      caseEvent('TaskReturned', { taskId: 'task-2', expertId: SUPPORT.id, reason: SYSTEM_REASONS.expertDeactivated }, SYSTEM_ACTOR, NOW),
      caseEvent('TeamMemberRemoved', { expertId: SUPPORT.id, reason: SYSTEM_REASONS.expertDeactivated }, SYSTEM_ACTOR, NOW),
    ]);
  });
  it('records nothing on an ended case', () => given(past.cancelled()).when(deactivated(SUPPORT.id)).then([]));
  it('is refused unless a coordinator tells it', () => given(past.preparation()).when(deactivated(SUPPORT.id), LEAD).thenRefused('coordinator_only'));
  it('refuses a missing expert id', () => given(past.preparation()).when(deactivated('')).thenInvalid('expertId', 'required'));
});

describe('a risk change', () => {
  const change = (level: 'LOW' | 'HIGH', reason = ' Threats online ') => ({ type: 'changeRisk' as const, level, reason });

  it('records the change from the current level, with the reason in the person’s own words', () => {
    given(past.inTriage()).when(change('HIGH')).then([caseEvent('RiskLevelChanged', { from: 'MEDIUM', to: 'HIGH', reason: literalText('Threats online') }, COORDINATOR, NOW)]);
  });
  it('may come from an expert on the team', () => {
    given(past.preparation()).when(change('LOW'), SUPPORT).then([caseEvent('RiskLevelChanged', { from: 'MEDIUM', to: 'LOW', reason: literalText('Threats online') }, SUPPORT, NOW)]);
  });
  it('is refused on an ended case, naming its stage', () => given(past.cancelled()).when(change('HIGH')).thenRefused('case_ended', { caseId: 'case-spec', stage: 'Cancelled' }));
  it('refuses an unknown level', () => given(past.inTriage()).when(change('SEVERE' as 'HIGH')).thenInvalid('level', 'not_a_choice'));
  it('is refused to an expert not on the team, or deactivated', () => {
    given(past.preparation()).when(change('HIGH'), OUTSIDER).thenRefused('not_on_team', { caseId: 'case-spec', expertId: OUTSIDER.id });
    given(past.preparation(), { deactivatedExperts: new Set([SUPPORT.id]) }).when(change('HIGH'), SUPPORT).thenRefused('not_on_team');
  });
  it('is refused to an auditor', () => given(past.inTriage()).when(change('HIGH'), { role: 'auditor', id: 'a' }).thenRefused('coordinator_only'));
  it('refuses a blank reason', () => given(past.inTriage()).when(change('HIGH', '')).thenInvalid('reason', 'required'));
  // The API lets such a reason through (it counts characters, not UTF-16 units); the workflow must not drop it.
  it('counts an emoji in the reason as one character, as the API does', () => {
    const reason = '😀'.repeat(2000);
    given(past.inTriage()).when(change('HIGH', reason)).then([caseEvent('RiskLevelChanged', { from: 'MEDIUM', to: 'HIGH', reason: literalText(reason) }, COORDINATOR, NOW)]);
    given(past.inTriage()).when(change('HIGH', '😀'.repeat(2001))).thenInvalid('reason', 'too_long');
  });
  it('is refused when the level does not change', () => {
    given(past.inTriage()).when({ type: 'changeRisk', level: 'MEDIUM', reason: 'Same' }).thenRefused('risk_unchanged', { caseId: 'case-spec', riskLevel: 'MEDIUM' });
  });
});

describe('a concern', () => {
  const concern = (text = ' Worried ') => ({ type: 'raiseConcern' as const, concern: text });

  it('records the concern of an expert on the team', () => {
    given(past.preparation()).when(concern(), SUPPORT).then([caseEvent('ConcernRaised', { expertId: SUPPORT.id, concern: 'Worried' }, SUPPORT, NOW)]);
  });
  it('is refused to anyone but an expert', () => given(past.preparation()).when(concern()).thenRefused('concern_experts_only'));
  it('is refused on an ended case', () => given(past.cancelled()).when(concern(), SUPPORT).thenRefused('case_ended'));
  it('is refused to an expert not on the team', () => given(past.preparation()).when(concern(), OUTSIDER).thenRefused('not_on_team'));
  it('refuses a blank concern', () => given(past.preparation()).when(concern(''), SUPPORT).thenInvalid('concern', 'required'));
  it('counts a flag or an emoji with its presentation selector as the API does', () => {
    const concernText = '🇳🇱'.repeat(2500);
    given(past.preparation()).when(concern(concernText), SUPPORT).then([caseEvent('ConcernRaised', { expertId: SUPPORT.id, concern: concernText }, SUPPORT, NOW)]);
    given(past.preparation()).when(concern('❤️'.repeat(5000)), SUPPORT).then([caseEvent('ConcernRaised', { expertId: SUPPORT.id, concern: '❤️'.repeat(5000) }, SUPPORT, NOW)]);
    given(past.preparation()).when(concern('😀'.repeat(5001)), SUPPORT).thenInvalid('concern', 'too_long');
  });
});

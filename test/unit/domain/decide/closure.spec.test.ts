import { caseEvent, type CaseEvent } from '../../../../src/domain/case.events';
import { foldCase } from '../../../../src/domain/case.state';
import { SYSTEM_ACTOR } from '../../../../src/domain/case.vocabulary';
import { SYSTEM_REASONS } from '../../../../src/domain/system-reasons';
import { COORDINATOR, LEAD, NOW, given, past } from './case-spec';

const evaluated = () => [...past.evaluation(), caseEvent('CaseEvaluated', { summary: 'Went well' }, COORDINATOR, NOW)];

describe('acknowledging an escalation', () => {
  const acknowledge = { type: 'acknowledgeEscalation' as const, escalationId: 'esc-1' };

  it('acknowledges and resolves the open escalation', () => {
    given([...past.inTriage(), past.escalation('esc-1')]).when(acknowledge).then([
      caseEvent('EscalationAcknowledged', { escalationId: 'esc-1', level: 1 }, COORDINATOR, NOW),
      caseEvent('EscalationResolved', { escalationId: 'esc-1', outcome: 'acknowledged' }, COORDINATOR, NOW),
    ]);
  });

  it('is refused to anyone but a coordinator', () => given([...past.inTriage(), past.escalation('esc-1')]).when(acknowledge, LEAD).thenRefused('coordinator_only'));
  it('is refused for an escalation that is not open', () => given(past.inTriage()).when(acknowledge).thenRefused('escalation_not_open', { escalationId: 'esc-1' }));
  it('is refused once the case is ending', () => given([...past.inTriage(), past.escalation('esc-1')], { ending: true }).when(acknowledge).thenRefused('escalation_not_open'));
});

describe('evaluating the case', () => {
  const evaluate = { type: 'evaluateCase' as const, summary: ' Went well ' };

  it('records the evaluation', () => given(past.evaluation()).when(evaluate).then([caseEvent('CaseEvaluated', { summary: 'Went well' }, COORDINATOR, NOW)]));
  it('is refused to anyone but a coordinator', () => given(past.evaluation()).when(evaluate, LEAD).thenRefused('coordinator_only'));
  it('is refused before the follow-ups are done', () => given(past.followUp()).when(evaluate).thenRefused('wrong_stage'));
  it('is refused a second time', () => given(evaluated()).when(evaluate).thenRefused('already_evaluated'));
  it('refuses a blank summary', () => given(past.evaluation()).when({ ...evaluate, summary: '' }).thenInvalid('summary', 'required'));
});

describe('closing the case', () => {
  const close = { type: 'closeCase' as const };

  it('closes an evaluated case, with a summary when given', () => {
    given(evaluated()).when({ ...close, summary: ' Done ' }).then([caseEvent('CaseClosed', { summary: 'Done' }, COORDINATOR, NOW)]);
  });
  it('is refused to anyone but a coordinator', () => given(evaluated()).when(close, LEAD).thenRefused('coordinator_only'));
  it('refuses a blank summary', () => given(evaluated()).when({ ...close, summary: ' ' }).thenInvalid('summary', 'required'));
  it('is refused outside evaluation', () => given(past.followUp()).when(close).thenRefused('wrong_stage'));
  it('is refused while the case is already being closed', () => given(evaluated(), { ending: true }).when(close).thenRefused('case_ended'));
  it('is refused before the evaluation', () => given(past.evaluation()).when(close).thenRefused('evaluation_needed'));
  it('is refused while escalations are open', () => given([...evaluated(), past.escalation('esc-1')]).when(close).thenRefused('escalations_open'));
});

describe('cancelling the case', () => {
  const cancel = { type: 'cancelCase' as const, reason: ' No longer needed ' };

  it('withdraws open offers, tasks and escalations and cancels the case', () => {
    given([...past.matching(), past.escalation('esc-1')]).when(cancel).then([
      caseEvent('OfferWithdrawn', { offerId: 'offer-1-2', expertId: 'expert-support', reason: SYSTEM_REASONS.caseCancelled }, SYSTEM_ACTOR, NOW),
      caseEvent('EscalationResolved', { escalationId: 'esc-1', outcome: 'withdrawn' }, SYSTEM_ACTOR, NOW),
      caseEvent('CaseCancelled', { reason: 'No longer needed' }, COORDINATOR, NOW),
    ]);
  });
  it('may cancel a case whose request is still being registered', () => given([]).when(cancel).then([caseEvent('CaseCancelled', { reason: 'No longer needed' }, COORDINATOR, NOW)]));
  it('is refused to anyone but a coordinator', () => given(past.inTriage()).when(cancel, LEAD).thenRefused('coordinator_only'));
  it('is refused once the case has ended', () => given(past.cancelled()).when(cancel).thenRefused('case_ended'));
  it('refuses a reason longer than 2000 characters', () => given(past.inTriage()).when({ ...cancel, reason: 'x'.repeat(2001) }).thenInvalid('reason', 'too_long'));
});

describe('the state a decision reads', () => {
  it('is the recorded one for the stage, so a step in flight does not hide where the case is', () => {
    const recorded = foldCase(past.evaluation().map((event, index) => ({ ...event, caseId: 'case-spec', version: index + 1 }) as CaseEvent));
    given(evaluated(), { recorded }).when({ type: 'evaluateCase', summary: 'Again' }).thenRefused('already_evaluated');
  });
});

import { caseEvent } from '../../../../src/domain/case.events';
import { COORDINATOR, LEAD, NOW, given, past } from './case-spec';

describe('a triage decision', () => {
  it('accepts a request waiting in triage, with the note given', () => {
    given(past.inTriage()).when({ type: 'triage', decision: 'accept', reason: ' Fits ' })
      .then([caseEvent('RequestAccepted', { note: 'Fits' }, COORDINATOR, NOW)]);
  });

  it('rejects a request with its reason', () => {
    given(past.inTriage()).when({ type: 'triage', decision: 'reject', reason: 'Outside our remit' })
      .then([caseEvent('RequestRejected', { reason: 'Outside our remit' }, COORDINATOR, NOW)]);
  });

  it('may be taken while intake is still running, before the case has a state', () => {
    given([]).when({ type: 'triage', decision: 'accept' }).then([caseEvent('RequestAccepted', {}, COORDINATOR, NOW)]);
  });

  it('is refused to anyone but a coordinator', () => {
    given(past.inTriage()).when({ type: 'triage', decision: 'accept' }, LEAD).thenRefused('coordinator_only');
  });

  it('refuses a decision other than accept or reject', () => {
    given(past.inTriage()).when({ type: 'triage', decision: 'maybe' as 'accept' }).thenInvalid('decision', 'not_a_choice');
  });

  it('refuses a rejection without a reason', () => {
    given(past.inTriage()).when({ type: 'triage', decision: 'reject', reason: ' \u200b ' }).thenInvalid('reason', 'required');
  });

  it('refuses a reason longer than 2000 characters', () => {
    given(past.inTriage()).when({ type: 'triage', decision: 'reject', reason: 'x'.repeat(2001) }).thenInvalid('reason', 'too_long');
  });

  it('refuses a second decision once the first is taken', () => {
    given(past.accepted()).when({ type: 'triage', decision: 'accept' }).thenRefused('triage_decided');
  });

  it('refuses a second decision while the first is still being recorded', () => {
    given(past.inTriage(), { triageDecided: true }).when({ type: 'triage', decision: 'accept' }).thenRefused('triage_decided');
  });

  it('refuses a decision on a case cancelled before its triage, saying that it ended', () => {
    given(past.cancelled()).when({ type: 'triage', decision: 'accept' }).thenRefused('case_ended', { caseId: 'case-spec' });
  });
});

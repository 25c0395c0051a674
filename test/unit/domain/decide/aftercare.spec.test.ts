import { caseEvent, type CaseEvent } from '../../../../src/domain/case.events';
import { foldCase } from '../../../../src/domain/case.state';
import { SYSTEM_ACTOR } from '../../../../src/domain/case.vocabulary';
import { domainText } from '../../../../src/domain/domain-text';
import { LEAD, NOW, SUPPORT, given, past } from './case-spec';

const AFTER_EVENT = '2026-12-02T09:00:00.000Z';
const recordedOf = (events: ReturnType<typeof past.preparation>) =>
  foldCase(events.map((event, index) => ({ ...event, caseId: 'case-spec', version: index + 1 }) as CaseEvent));

describe("the lead's report on the intervention", () => {
  const report = (outcome: 'calm' | 'incident', notes = ' Quiet evening ') => ({ type: 'reportIntervention' as const, outcome, notes });

  it('records a calm intervention', () => {
    given(past.intervention()).when(report('calm'), LEAD, AFTER_EVENT).then([caseEvent('InterventionReported', { outcome: 'calm', notes: 'Quiet evening' }, LEAD, AFTER_EVENT)]);
  });

  it('raises the risk to at least HIGH after an incident', () => {
    given(past.intervention()).when(report('incident'), LEAD, AFTER_EVENT).then([
      caseEvent('InterventionReported', { outcome: 'incident', notes: 'Quiet evening' }, LEAD, AFTER_EVENT),
      caseEvent('RiskLevelChanged', { from: 'MEDIUM', to: 'HIGH', reason: domainText('risk.incident_during_intervention') }, SYSTEM_ACTOR, AFTER_EVENT),
    ]);
  });

  it('is refused outside the intervention', () => given(past.preparation()).when(report('calm'), LEAD, AFTER_EVENT).thenRefused('wrong_stage'));
  it('is refused while a report is being recorded', () => {
    given([...past.intervention(), caseEvent('InterventionReported', { outcome: 'calm', notes: 'x' }, LEAD, NOW)], { recorded: recordedOf(past.intervention()) })
      .when(report('calm'), LEAD, AFTER_EVENT).thenRefused('intervention_reporting');
  });
  it('is refused to a member who does not lead', () => given(past.intervention()).when(report('calm'), SUPPORT, AFTER_EVENT).thenRefused('lead_only'));
  it('is refused to a deactivated lead', () => given(past.intervention(), { deactivatedExperts: new Set([LEAD.id]) }).when(report('calm'), LEAD, AFTER_EVENT).thenRefused('expert_deactivated'));
  it('refuses an unknown outcome', () => given(past.intervention()).when(report('wild' as 'calm'), LEAD, AFTER_EVENT).thenInvalid('outcome', 'not_a_choice'));
  it('refuses blank notes', () => given(past.intervention()).when(report('calm', ''), LEAD, AFTER_EVENT).thenInvalid('notes', 'required'));
  it('is refused before the event took place', () => given(past.intervention()).when(report('calm'), LEAD, NOW).thenRefused('event_not_yet'));
});

describe('a follow-up check-in', () => {
  const checkIn = (followUpId: string, ongoingRisk: boolean) => ({ type: 'completeFollowUp' as const, followUpId, ongoingRisk, notes: 'Quiet' });

  it('completes the check-in', () => {
    given(past.followUp()).when(checkIn('day-7', false), LEAD).then([caseEvent('FollowUpCompleted', { followUpId: 'day-7', ongoingRisk: false, notes: 'Quiet' }, LEAD, NOW)]);
  });

  it('schedules an extra check-in after the last one when the risk goes on', () => {
    given(past.followUp()).when(checkIn('day-7', true), LEAD).then([
      caseEvent('FollowUpCompleted', { followUpId: 'day-7', ongoingRisk: true, notes: 'Quiet' }, LEAD, NOW),
      caseEvent('FollowUpScheduled', { followUpId: 'extra-1', dueAt: '2026-12-10T09:00:00.000Z' }, SYSTEM_ACTOR, NOW),
    ]);
  });

  it('is refused outside follow-up', () => given(past.intervention()).when(checkIn('day-7', false), LEAD).thenRefused('wrong_stage'));
  it('is refused to a member who does not lead', () => given(past.followUp()).when(checkIn('day-7', false), SUPPORT).thenRefused('lead_only'));
  it('is refused to a deactivated lead', () => given(past.followUp(), { deactivatedExperts: new Set([LEAD.id]) }).when(checkIn('day-7', false), LEAD).thenRefused('expert_deactivated'));
  it('is refused for a check-in not on the case', () => given(past.followUp()).when(checkIn('day-99', false), LEAD).thenRefused('follow_up_not_found'));
  it('is refused for a check-in being completed', () => {
    given(past.evaluation(), { recorded: recordedOf(past.followUp()) }).when(checkIn('day-7', false), LEAD).thenRefused('follow_up_done', { followUpId: 'day-7' });
  });
  it('refuses an ongoing risk that is not yes or no', () => given(past.followUp()).when({ ...checkIn('day-7', false), ongoingRisk: 'no' as unknown as boolean }, LEAD).thenInvalid('ongoingRisk', 'not_yes_no'));
  it('refuses blank notes', () => given(past.followUp()).when({ ...checkIn('day-7', false), notes: '' }, LEAD).thenInvalid('notes', 'required'));
});

import { caseEvent, type CaseEvent } from '../../../../src/domain/case.events';
import { foldCase } from '../../../../src/domain/case.state';
import { SYSTEM_ACTOR } from '../../../../src/domain/case.vocabulary';
import { SYSTEM_REASONS } from '../../../../src/domain/system-reasons';
import { COORDINATOR, LEAD, NOW, OUTSIDER, SUPPORT, given, past } from './case-spec';

const recordedOf = (events: ReturnType<typeof past.preparation>) =>
  foldCase(events.map((event, index) => ({ ...event, caseId: 'case-spec', version: index + 1 }) as CaseEvent));

describe('scheduling the session', () => {
  const schedule = (scheduledAt: string) => ({ type: 'scheduleSession' as const, scheduledAt });

  it('records the new time in UTC', () => {
    given(past.preparation()).when({ ...schedule('2026-11-20T20:00:00+01:00'), note: 'Town hall' })
      .then([caseEvent('PreparatorySessionScheduled', { scheduledAt: '2026-11-20T19:00:00.000Z', note: 'Town hall' }, COORDINATOR, NOW)]);
  });

  it('is refused to anyone but a coordinator', () => given(past.preparation()).when(schedule('2026-11-20T19:00:00Z'), LEAD).thenRefused('coordinator_only'));
  it('is refused outside preparation', () => given(past.intervention()).when(schedule('2026-11-20T19:00:00Z')).thenRefused('wrong_stage'));
  it('refuses a time that is not a date-time', () => given(past.preparation()).when(schedule('soon')).thenInvalid('scheduledAt', 'not_a_date_time'));
  it('refuses a time in the past', () => given(past.preparation()).when(schedule('2026-11-09T19:00:00Z')).thenInvalid('scheduledAt', 'not_in_future'));
  it('refuses a time after the event', () => given(past.preparation()).when(schedule('2026-12-02T19:00:00Z')).thenInvalid('scheduledAt', 'not_before_event'));
});

describe('completing a task', () => {
  const complete = (taskId: string, outcome = ' Done ') => ({ type: 'completeTask' as const, taskId, outcome });

  it('records the assignee completing their open task', () => {
    given(past.preparation()).when(complete('task-2'), SUPPORT).then([caseEvent('TaskCompleted', { taskId: 'task-2', outcome: 'Done' }, SUPPORT, NOW)]);
  });

  it('lets the coordinator complete a task handed back to them', () => {
    given([...past.preparation(), caseEvent('TaskReturned', { taskId: 'task-2', expertId: SUPPORT.id, reason: SYSTEM_REASONS.expertDeactivated }, SYSTEM_ACTOR, NOW)])
      .when(complete('task-2')).then([caseEvent('TaskCompleted', { taskId: 'task-2', outcome: 'Done' }, COORDINATOR, NOW)]);
  });

  it('is refused outside preparation', () => given(past.intervention()).when(complete('task-2'), SUPPORT).thenRefused('wrong_stage'));
  it('is refused for a task not on the case', () => given(past.preparation()).when(complete('task-9'), SUPPORT).thenRefused('task_not_found'));
  it('is refused to anyone but the assignee', () => given(past.preparation()).when(complete('task-2'), LEAD).thenRefused('task_not_yours'));
  it('is refused to someone else than the coordinator for a returned task', () => {
    given([...past.preparation(), caseEvent('TaskReturned', { taskId: 'task-2', expertId: SUPPORT.id, reason: SYSTEM_REASONS.expertDeactivated }, SYSTEM_ACTOR, NOW)])
      .when(complete('task-2'), SUPPORT).thenRefused('coordinator_only');
  });
  it('is refused to a deactivated assignee', () => {
    given(past.preparation(), { deactivatedExperts: new Set([SUPPORT.id]) }).when(complete('task-2'), SUPPORT).thenRefused('expert_deactivated');
  });
  it('is refused for a task already completed, naming its status', () => {
    given([...past.preparation(), caseEvent('TaskCompleted', { taskId: 'task-2', outcome: 'x' }, SUPPORT, NOW)])
      .when(complete('task-2'), SUPPORT).thenRefused('task_not_open', { taskId: 'task-2', status: 'completed' });
  });
  it('is refused for a task whose completion is still being recorded', () => {
    given([...past.preparation(), caseEvent('TaskCompleted', { taskId: 'task-2', outcome: 'x' }, SUPPORT, NOW)], { recorded: recordedOf(past.preparation()) })
      .when(complete('task-2'), SUPPORT).thenRefused('task_not_open', { taskId: 'task-2' });
  });
  it('refuses a blank outcome', () => given(past.preparation()).when(complete('task-2', ''), SUPPORT).thenInvalid('outcome', 'required'));
  it('refuses an outcome longer than 5000 characters', () => given(past.preparation()).when(complete('task-2', 'x'.repeat(5001)), SUPPORT).thenInvalid('outcome', 'too_long'));
});

describe('recording the session', () => {
  const hold = { type: 'holdSession' as const, outcomes: 'Agreed on roles' };

  it('records the session and withdraws the tasks still open', () => {
    given([...past.preparation(), caseEvent('TaskCompleted', { taskId: 'task-1', outcome: 'x' }, LEAD, NOW)]).when(hold, LEAD).then([
      caseEvent('TaskWithdrawn', { taskId: 'task-2', reason: SYSTEM_REASONS.sessionHeldWithoutTask }, SYSTEM_ACTOR, NOW),
      caseEvent('PreparatorySessionHeld', { outcomes: 'Agreed on roles' }, LEAD, NOW),
    ]);
  });

  it('may be recorded by a coordinator', () => {
    given([...past.preparation(), caseEvent('TaskCompleted', { taskId: 'task-1', outcome: 'x' }, LEAD, NOW), caseEvent('TaskCompleted', { taskId: 'task-2', outcome: 'x' }, SUPPORT, NOW)])
      .when(hold).then([caseEvent('PreparatorySessionHeld', { outcomes: 'Agreed on roles' }, COORDINATOR, NOW)]);
  });

  it('is refused outside preparation', () => given(past.followUp()).when(hold, LEAD).thenRefused('wrong_stage'));
  it('is refused while the session is already being recorded', () => {
    given(past.intervention(), { recorded: recordedOf(past.preparation()) }).when(hold, LEAD).thenRefused('session_recording');
  });
  it('is refused to a member who does not lead', () => given(past.preparation()).when(hold, SUPPORT).thenRefused('lead_or_coordinator_only'));
  it('is refused to a deactivated lead', () => given(past.preparation(), { deactivatedExperts: new Set([LEAD.id]) }).when(hold, LEAD).thenRefused('expert_deactivated'));
  it('is refused before a session is scheduled', () => {
    const unscheduled = past.preparation().filter((event) => event.type !== 'PreparatorySessionScheduled');
    given(unscheduled).when(hold, LEAD).thenRefused('session_not_scheduled');
  });
  it('refuses blank outcomes', () => given(past.preparation()).when({ ...hold, outcomes: ' ' }, LEAD).thenInvalid('outcomes', 'required'));
});

describe('passing a task on', () => {
  const reassign = (taskId: string, expertId: string) => ({ type: 'reassignTask' as const, taskId, expertId });

  it('gives the task to another member', () => {
    given(past.preparation()).when(reassign('task-2', LEAD.id)).then([caseEvent('TaskReassigned', { taskId: 'task-2', assigneeId: LEAD.id }, COORDINATOR, NOW)]);
  });

  it('is refused to anyone but a coordinator', () => given(past.preparation()).when(reassign('task-2', LEAD.id), LEAD).thenRefused('coordinator_only'));
  it('is refused outside preparation', () => given(past.intervention()).when(reassign('task-2', LEAD.id)).thenRefused('wrong_stage'));
  it('is refused for a task not on the case', () => given(past.preparation()).when(reassign('task-9', LEAD.id)).thenRefused('task_not_found'));
  it('is refused for a task no longer open', () => {
    given([...past.preparation(), caseEvent('TaskCompleted', { taskId: 'task-2', outcome: 'x' }, SUPPORT, NOW)]).when(reassign('task-2', LEAD.id)).thenRefused('task_not_open');
  });
  it('is refused to someone not on the team, or deactivated', () => {
    given(past.preparation()).when(reassign('task-2', OUTSIDER.id)).thenRefused('not_on_team');
    given(past.preparation(), { deactivatedExperts: new Set([LEAD.id]) }).when(reassign('task-2', LEAD.id)).thenRefused('not_on_team');
  });
  it('is refused to the expert who already has the task', () => given(past.preparation()).when(reassign('task-2', SUPPORT.id)).thenRefused('task_already_assigned'));
});

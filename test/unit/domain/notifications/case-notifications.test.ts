import { caseEvent, type CaseEvent, type NewCaseEvent } from '../../../../src/domain/case.events';
import { foldCase, type CaseState } from '../../../../src/domain/case.state';
import { SYSTEM_ACTOR } from '../../../../src/domain/case.vocabulary';
import { literalText } from '../../../../src/domain/domain-text';
import { notificationsFor, stillCalledFor, taskDueSoon, taskReminderAt } from '../../../../src/domain/notifications/case-notifications';
import { COORDINATOR, LEAD, SUPPORT, past } from '../decide/case-spec';

const at = '2026-11-03T10:00:00.000Z';

/** The notifications the last of `events` owes, folded as the journal folds them. */
function owedBy(events: readonly NewCaseEvent[]) {
  const stored = events.map((event, index) => ({ ...event, caseId: 'case-spec', version: index + 1 }) as CaseEvent);
  const before = foldCase(stored.slice(0, -1));
  const after = foldCase(stored) as CaseState;
  return notificationsFor(stored.at(-1)!, before, after).map(({ kind, recipient, dueAt, calendar, link, notificationId }) =>
    ({ kind, to: `${recipient.kind}:${recipient.id}`, dueAt, calendar: calendar?.method, link, notificationId }));
}

describe('the messages a recorded event owes', () => {
  it('an offer goes to the expert offered, with its expiry as the answer-by time, linking to the inbox', () => {
    expect(owedBy([...past.accepted(), past.offered('offer-1', LEAD)])).toEqual([
      { kind: 'offerMade', to: `expert:${LEAD.id}`, dueAt: '2026-11-02T10:00:00.000Z', calendar: undefined, link: 'inbox', notificationId: `v4-offerMade-expert-${LEAD.id}` },
    ]);
  });

  it('a task assigned and a task withdrawn go to its assignee; a reassigned task to the new one', () => {
    expect(owedBy([...past.teamAssembled(), past.task('task-1', LEAD)])).toMatchObject([{ kind: 'taskAssigned', to: `expert:${LEAD.id}`, dueAt: '2026-11-20T10:00:00.000Z' }]);
    const withTask = [...past.teamAssembled(), past.task('task-1', LEAD)];
    expect(owedBy([...withTask, caseEvent('TaskWithdrawn', { taskId: 'task-1', reason: literalText('not needed') }, COORDINATOR, at)]))
      .toMatchObject([{ kind: 'taskWithdrawn', to: `expert:${LEAD.id}` }]);
    expect(owedBy([...withTask, caseEvent('TaskReassigned', { taskId: 'task-1', assigneeId: SUPPORT.id }, COORDINATOR, at)]))
      .toMatchObject([{ kind: 'taskAssigned', to: `expert:${SUPPORT.id}`, dueAt: '2026-11-20T10:00:00.000Z' }]);
  });

  it('a session scheduled invites the whole team; scheduled again, it is moved with a newer sequence', () => {
    const scheduled = [...past.teamAssembled(), caseEvent('PreparatorySessionScheduled', { scheduledAt: '2026-11-25T10:00:00.000Z' }, SYSTEM_ACTOR, at)];
    expect(owedBy(scheduled).map((n) => [n.kind, n.to, n.calendar])).toEqual([
      ['sessionScheduled', `expert:${LEAD.id}`, 'REQUEST'], ['sessionScheduled', `expert:${SUPPORT.id}`, 'REQUEST'],
    ]);
    const moved = [...scheduled, caseEvent('PreparatorySessionScheduled', { scheduledAt: '2026-11-26T10:00:00.000Z' }, COORDINATOR, at)];
    expect(owedBy(moved).map((n) => [n.kind, n.dueAt])).toEqual([['sessionMoved', '2026-11-26T10:00:00.000Z'], ['sessionMoved', '2026-11-26T10:00:00.000Z']]);
    const stored = moved.map((event, index) => ({ ...event, caseId: 'c', version: index + 1 }) as CaseEvent);
    const [first] = notificationsFor(stored.at(-2)!, foldCase(stored.slice(0, -2)), foldCase(stored.slice(0, -1))!);
    const [second] = notificationsFor(stored.at(-1)!, foldCase(stored.slice(0, -1)), foldCase(stored)!);
    expect(second.calendar!.uid).toBe(first.calendar!.uid);
    expect(second.calendar!.sequence).toBeGreaterThan(first.calendar!.sequence);
  });

  it('a member removed before the session gets its cancellation; a cancelled case tells the team, withdraws open offers and cancels the session', () => {
    expect(owedBy([...past.preparation(), caseEvent('TeamMemberRemoved', { expertId: SUPPORT.id, reason: literalText('moved') }, COORDINATOR, at)]))
      .toMatchObject([{ kind: 'sessionCancelled', to: `expert:${SUPPORT.id}`, calendar: 'CANCEL' }]);
    const cancelled = owedBy([...past.preparation(), caseEvent('CaseCancelled', { reason: 'withdrawn' }, COORDINATOR, at)]);
    expect(cancelled.map((n) => `${n.kind} ${n.to}`)).toEqual([
      `caseCancelled expert:${LEAD.id}`, `caseCancelled expert:${SUPPORT.id}`,
      `sessionCancelled expert:${LEAD.id}`, `sessionCancelled expert:${SUPPORT.id}`,
    ]);
    expect(owedBy([...past.matching(), caseEvent('CaseCancelled', { reason: 'withdrawn' }, COORDINATOR, at)]).map((n) => `${n.kind} ${n.to}`))
      .toEqual([`caseCancelled expert:${LEAD.id}`, `offerWithdrawn expert:${SUPPORT.id}`]);
  });

  it('an escalation goes to its rung: the brigade roles by the case page, partners by no link at all, with the ack deadline', () => {
    const raised = caseEvent('EscalationRaised', {
      escalationId: 'esc-1', trigger: 'riskRaised', subject: 'risk', reason: literalText('x'), level: 1, target: 'dutyCoordinator', ackDeadline: '2026-11-03T12:00:00.000Z',
    }, SYSTEM_ACTOR, at);
    expect(owedBy([...past.teamAssembled(), raised])).toMatchObject([{ kind: 'escalationRaised', to: 'role:dutyCoordinator', link: 'case', dueAt: '2026-11-03T12:00:00.000Z' }]);
    const climbed = caseEvent('EscalationLevelIncreased', { escalationId: 'esc-1', level: 3, target: 'police', ackDeadline: '2026-11-04T12:00:00.000Z' }, SYSTEM_ACTOR, at);
    expect(owedBy([...past.teamAssembled(), raised, climbed])).toMatchObject([{ kind: 'escalationClimbed', to: 'partner:police', link: 'none' }]);
  });

  it('a missed deadline also tells whoever has the overdue work', () => {
    const overdue = caseEvent('EscalationRaised', {
      escalationId: 'esc-1', trigger: 'missedDeadline', subject: 'task:task-2', reason: literalText('late'), level: 1, target: 'dutyCoordinator', ackDeadline: at,
    }, SYSTEM_ACTOR, at);
    expect(owedBy([...past.preparation(), overdue]).map((n) => `${n.kind} ${n.to}`)).toEqual(['escalationRaised role:dutyCoordinator', `deadlineMissed expert:${SUPPORT.id}`]);
    const followUp = caseEvent('EscalationRaised', { ...overdue.data, subject: 'follow-up:day-7' } as never, SYSTEM_ACTOR, at);
    expect(owedBy([...past.followUp(), followUp]).map((n) => `${n.kind} ${n.to}`)).toEqual(['escalationRaised role:dutyCoordinator', `deadlineMissed expert:${LEAD.id}`]);
    const triage = caseEvent('EscalationRaised', { ...overdue.data, subject: 'triage' } as never, SYSTEM_ACTOR, at);
    expect(owedBy([...past.inTriage(), triage]).map((n) => n.kind)).toEqual(['escalationRaised']);
  });

  it('events that need nobody owe nothing, and the messages recorded about messages owe nothing either', () => {
    expect(owedBy(past.inTriage())).toEqual([]);
    expect(owedBy([...past.inTriage(), caseEvent('NotificationSent', {
      notificationId: 'n', kind: 'offerMade', channel: 'email', recipient: { kind: 'expert', id: 'e' }, transport: 'smtp', reference: 'r',
    }, SYSTEM_ACTOR, at)])).toEqual([]);
  });
});

describe('a message held back still goes only while it is called for', () => {
  it('an offer answered, a task done or a session moved meanwhile cancels the held message', () => {
    const stored = (events: readonly NewCaseEvent[]) => foldCase(events.map((e, i) => ({ ...e, caseId: 'case-spec', version: i + 1 }) as CaseEvent))!;
    const [offer] = notificationsFor({ ...past.offered('offer-1-2', SUPPORT), caseId: 'case-spec', version: 6 } as CaseEvent, null, stored(past.matching()));
    expect(stillCalledFor(offer, stored(past.matching()))).toBe(true);
    expect(stillCalledFor(offer, stored(past.teamAssembled()))).toBe(false);
    const reminder = taskDueSoon('case-spec', 'task-1', stored(past.preparation()), 12)!;
    expect(stillCalledFor(reminder, stored(past.preparation()))).toBe(true);
    expect(stillCalledFor(reminder, stored([...past.preparation(), caseEvent('TaskCompleted', { taskId: 'task-1', outcome: 'done' }, LEAD, at)]))).toBe(false);
  });
});

describe('task reminders', () => {
  it('remind a day before a task due in days, and halfway for a shorter one', () => {
    expect(taskReminderAt('2026-11-01T10:00:00.000Z', '2026-11-10T10:00:00.000Z')).toBe('2026-11-09T10:00:00.000Z');
    expect(taskReminderAt('2026-11-01T10:00:00.000Z', '2026-11-02T10:00:00.000Z')).toBe('2026-11-01T22:00:00.000Z');
  });

  it('owe nothing for a task no longer open or back with the coordinator', () => {
    const state = foldCase([...past.preparation(), caseEvent('TaskCompleted', { taskId: 'task-1', outcome: 'done' }, LEAD, at)]
      .map((e, i) => ({ ...e, caseId: 'case-spec', version: i + 1 }) as CaseEvent))!;
    expect(taskDueSoon('case-spec', 'task-1', state, 20)).toBeUndefined();
    expect(taskDueSoon('case-spec', 'task-2', state, 20)).toMatchObject({ kind: 'taskDueSoon', recipient: { id: SUPPORT.id }, notificationId: `v20-taskDueSoon-expert-${SUPPORT.id}` });
  });
});

import type { CaseEvent } from '../case.events';
import type { CaseState } from '../case.state';
import type { EscalationTarget } from '../escalation-policy';
import type { NotificationIntent, SessionCalendar } from './notification-intent';
import type { NotificationKind, NotificationRecipient } from './notification-kinds';

type Recipients = readonly NotificationRecipient[];

/**
 * The messages one recorded event owes people: whom to tell, what kind of message, by when. Pure, so that the workflow
 * works out the same list on every replay, and free of case details, which never travel into a message.
 */
export function notificationsFor(event: CaseEvent, before: CaseState | null, after: CaseState): NotificationIntent[] {
  const owed = (kind: NotificationKind, recipients: Recipients, extra: Partial<NotificationIntent> = {}): NotificationIntent[] =>
    recipients.map((recipient) => ({
      notificationId: `v${event.version}-${kind}-${recipient.kind}-${recipient.id}`,
      caseId: after.caseId,
      kind,
      recipient,
      critical: after.riskLevel === 'CRITICAL',
      link: recipient.kind === 'expert' ? 'inbox' : recipient.kind === 'role' ? 'case' : 'none',
      ...extra,
    }));
  const session = (method: SessionCalendar['method'], state: CaseState): { calendar: SessionCalendar } | object =>
    (state.session ? { calendar: { method, uid: `session-${after.caseId}@brigade`, sequence: event.version, startsAt: state.session.scheduledAt } } : {});

  switch (event.type) {
    case 'ExpertOffered':
      return owed('offerMade', [expert(event.data.expertId)], { dueAt: event.data.expiresAt });
    case 'OfferWithdrawn':
      return owed('offerWithdrawn', [expert(event.data.expertId)]);
    case 'TaskAssigned':
      return owed('taskAssigned', [expert(event.data.assigneeId)], { dueAt: event.data.dueAt });
    case 'TaskReassigned': {
      const task = after.tasks.find((t) => t.taskId === event.data.taskId);
      return owed('taskAssigned', [expert(event.data.assigneeId)], task ? { dueAt: task.dueAt } : {});
    }
    case 'TaskWithdrawn': {
      const assignee = before?.tasks.find((t) => t.taskId === event.data.taskId)?.assigneeId;
      return assignee ? owed('taskWithdrawn', [expert(assignee)]) : [];
    }
    case 'PreparatorySessionScheduled': {
      const kind = before?.session ? 'sessionMoved' : 'sessionScheduled';
      return owed(kind, team(after), { dueAt: event.data.scheduledAt, ...session('REQUEST', after) });
    }
    case 'OfferAccepted':
    case 'ExpertAssignedManually': {
      // Whoever joins after the session was planned gets the invitation the others already have.
      const joined = after.team.filter((m) => !before?.team.some((b) => b.expertId === m.expertId)).map((m) => expert(m.expertId));
      return sessionPending(after) ? owed('sessionScheduled', joined, { dueAt: after.session!.scheduledAt, ...session('REQUEST', after) }) : [];
    }
    case 'TeamMemberRemoved':
      return before && sessionPending(before) ? owed('sessionCancelled', [expert(event.data.expertId)], session('CANCEL', before)) : [];
    case 'EscalationRaised':
      return [
        ...owed('escalationRaised', [targetOf(event.data.target)], { dueAt: event.data.ackDeadline, level: event.data.level, ...region(after, event.data.target) }),
        ...(event.data.trigger === 'missedDeadline' ? owed('deadlineMissed', responsibleFor(event.data.subject, after), { critical: false }) : []),
      ];
    case 'EscalationLevelIncreased':
      return owed('escalationClimbed', [targetOf(event.data.target)], { dueAt: event.data.ackDeadline, level: event.data.level, ...region(after, event.data.target) });
    case 'CaseCancelled': {
      if (!before) return [];
      return [
        ...owed('caseCancelled', team(before)),
        ...owed('offerWithdrawn', before.openOffers.map((o) => expert(o.expertId))),
        ...(sessionPending(before) ? owed('sessionCancelled', team(before), session('CANCEL', before)) : []),
      ];
    }
    default:
      return [];
  }
}

/**
 * Whether a message held back (by quiet hours) still has a reason to go: the offer is still open, the task still the
 * recipient's, the session still at that time. Whatever else changed, the newer event brings its own message.
 */
export function stillCalledFor(intent: NotificationIntent, state: CaseState): boolean {
  const expertId = intent.recipient.id;
  switch (intent.kind) {
    case 'offerMade':
      return state.openOffers.some((o) => o.expertId === expertId && o.expiresAt === intent.dueAt);
    case 'taskAssigned':
    case 'taskDueSoon':
      return state.tasks.some((t) => t.status === 'open' && t.assigneeId === expertId && t.dueAt === intent.dueAt);
    case 'sessionScheduled':
    case 'sessionMoved':
      return state.session?.heldAt === null && state.session.scheduledAt === intent.calendar?.startsAt && state.team.some((m) => m.expertId === expertId);
    case 'escalationRaised':
    case 'escalationClimbed':
      return state.openEscalations.some((e) => e.level === intent.level && e.ackDeadline === intent.dueAt);
    default:
      return true;
  }
}

/** When to remind the assignee of a task: a day before it is due, or halfway for a task given less than two days. */
export function taskReminderAt(assignedAt: string, dueAt: string): string {
  const assigned = Date.parse(assignedAt);
  const due = Date.parse(dueAt);
  const day = 24 * 60 * 60 * 1000;
  return new Date(due - assigned >= 2 * day ? due - day : assigned + (due - assigned) / 2).toISOString();
}

/** The reminder a task still open at its reminder time owes its assignee. */
export function taskDueSoon(caseId: string, taskId: string, state: CaseState, version: number): NotificationIntent | undefined {
  const task = state.tasks.find((t) => t.taskId === taskId);
  if (!task || task.status !== 'open' || task.assigneeId === null) return undefined;
  return {
    notificationId: `v${version}-taskDueSoon-expert-${task.assigneeId}`,
    caseId, kind: 'taskDueSoon', recipient: expert(task.assigneeId), critical: state.riskLevel === 'CRITICAL', dueAt: task.dueAt, link: 'inbox',
  };
}

function expert(id: string): NotificationRecipient {
  return { kind: 'expert', id };
}

function team(state: CaseState): Recipients {
  return state.team.map((m) => expert(m.expertId));
}

function sessionPending(state: CaseState): boolean {
  return state.session !== null && state.session.heldAt === null;
}

function targetOf(target: EscalationTarget): NotificationRecipient {
  return target === 'dutyCoordinator' || target === 'programmeLead' ? { kind: 'role', id: target } : { kind: 'partner', id: target };
}

// A partner is reached through its contact point for the case's safety region (or its national desk).
function region(state: CaseState, target: EscalationTarget): Partial<NotificationIntent> {
  return targetOf(target).kind === 'partner' ? { safetyRegion: state.safetyRegion } : {};
}

// Keyed by the subject the workflow raised the escalation under (see `escalations.raise`): who has the overdue work.
function responsibleFor(subject: string, state: CaseState): Recipients {
  const colon = subject.indexOf(':');
  const kind = colon < 0 ? subject : subject.slice(0, colon);
  const id = colon < 0 ? '' : subject.slice(colon + 1);
  if (kind === 'task') {
    const assignee = state.tasks.find((t) => t.taskId === id)?.assigneeId;
    return assignee ? [expert(assignee)] : [];
  }
  const lead = state.team.find((m) => m.role === 'lead');
  const leadsWork = kind === 'follow-up' || kind === 'session' || kind === 'intervention-report';
  return leadsWork && lead ? [expert(lead.expertId)] : [];
}

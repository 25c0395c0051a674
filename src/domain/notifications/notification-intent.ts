import type { NotificationKind, NotificationLink, NotificationRecipient } from './notification-kinds';

/** The calendar part of a session message: an invitation (`REQUEST`) or its withdrawal (`CANCEL`). */
export interface SessionCalendar {
  readonly method: 'REQUEST' | 'CANCEL';
  /** Stable for the case's session, so that a move or a cancellation replaces the invitation already in a calendar. */
  readonly uid: string;
  /** Grows with every change of the session, as iCalendar asks of an updated invitation. */
  readonly sequence: number;
  readonly startsAt: string;
}

/**
 * One message the case owes one person, worked out from a recorded event. It carries no case details: only what the
 * message may say (what to do, by when, where to click), so nothing sensitive reaches Temporal, a template or a mailbox.
 */
export interface NotificationIntent {
  /** Unique within the case and the same on every replay: the event's version, the kind and the recipient. */
  readonly notificationId: string;
  readonly caseId: string;
  readonly kind: NotificationKind;
  readonly recipient: NotificationRecipient;
  /** Critical messages go by text message too and are never held back by quiet hours. */
  readonly critical: boolean;
  /** The moment the recipient has to act by, when there is one. */
  readonly dueAt?: string;
  /** The escalation rung, for escalation messages. */
  readonly level?: number;
  /** The safety region whose partner contact point is meant, for partner messages. */
  readonly safetyRegion?: string;
  readonly link: NotificationLink;
  readonly calendar?: SessionCalendar;
}

import type { DeliveryStatus } from '../domain/notifications/delivery-status';
import type { NotificationChannel, NotificationLanguage } from '../domain/notifications/notification-kinds';

/** Who a delivery went to: the kind and id the case knows them by, and the address the channel used. */
export interface OutboxRecipient {
  readonly kind: 'expert' | 'role' | 'partner';
  readonly id: string;
  /** An e-mail address or, for a text message, a phone number. */
  readonly address: string;
}

/** One delivery of `GET /outbox`: one message to one person on one channel, and where it stands. */
export interface OutboxItem {
  /** `<caseId>/<notificationId>/<channel>`; URL-encode it (its slashes too) in `GET /outbox/:deliveryKey`. */
  readonly deliveryKey: string;
  readonly caseId: string;
  readonly notificationId: string;
  /** The notification kind, which is also the name of the message's template. */
  readonly kind: string;
  readonly channel: NotificationChannel;
  /** What carried it: `embedded`, `smtp`, `notify`, `gateway` … */
  readonly transport: string;
  readonly recipient: OutboxRecipient;
  /** Null for a text message, which has none. */
  readonly subject: string | null;
  readonly language: NotificationLanguage;
  readonly createdAt: string;
  readonly attemptCount: number;
  /** The error code of the newest attempt that failed; null when none did. */
  readonly lastErrorCode: string | null;
  readonly status: DeliveryStatus;
  /** When the channel accepted it; null unless sent. */
  readonly sentAt: string | null;
}

/** One page of `GET /outbox`, newest first. */
export interface OutboxPage {
  readonly items: readonly OutboxItem[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** One try at sending a delivery. */
export interface OutboxAttempt {
  readonly attempt: number;
  readonly startedAt: string;
  /** Null when this try was not refused. */
  readonly errorCode: string | null;
  readonly error: string | null;
}

/** How a delivery ended, once it has. */
export interface OutboxOutcome {
  readonly outcome: 'sent' | 'failed';
  /** The Message-ID or the Notify id the channel gave, for a sent message. */
  readonly reference: string | null;
  /** Why it failed, for a failed one. */
  readonly detail: string | null;
  readonly occurredAt: string;
}

/** The calendar invitation of a session message, with what a reader looks for first. */
export interface OutboxCalendar {
  /** `REQUEST` (an invitation or its update) or `CANCEL`, as the iCalendar object says. */
  readonly method: string | null;
  /** When the session starts: RFC 3339 in UTC, or the local time as written when `timeZone` names its zone. */
  readonly startsAt: string | null;
  readonly timeZone: string | null;
  /** The iCalendar object as sent. */
  readonly raw: string;
}

/** The copy of a message that the SMTP server inside Brigade received (the embedded default only). */
export interface ReceivedCopy {
  readonly messageId: string;
  readonly receivedAt: string;
  readonly envelopeFrom: string;
  readonly envelopeTo: readonly string[];
  readonly subject: string | null;
  /** The message as it came over the wire. */
  readonly raw: string;
}

/** One delivery of `GET /outbox/:deliveryKey`: the message as sent, every try, how it ended, and the copy received. */
export interface OutboxMessage extends OutboxItem {
  readonly body: string;
  readonly calendar: OutboxCalendar | null;
  readonly attempts: readonly OutboxAttempt[];
  readonly outcome: OutboxOutcome | null;
  /** Null when no copy was received: another transport carried it, or it has not arrived. */
  readonly receivedCopy: ReceivedCopy | null;
}

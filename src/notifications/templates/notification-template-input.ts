import type { NotificationKind, NotificationLanguage } from '../../domain/notifications/notification-kinds';

/** Who reads the message: an expert or a brigade role has an account in Brigade, a partner (COA, police, NCTV) has none. */
export type TemplateRecipientKind = 'expert' | 'role' | 'partner';

/** How a partner reaches the brigade's duty coordinator, from configuration. */
export interface DutyContact {
  readonly phone?: string;
  readonly email?: string;
}

/**
 * All a template may know. There is deliberately no field for case text (description, office holder, municipality,
 * category, risk reasons, notes, outcomes): what is not in this type cannot end up in a message.
 */
export interface NotificationTemplateInput {
  readonly kind: NotificationKind;
  readonly language: NotificationLanguage;
  readonly recipientKind: TemplateRecipientKind;
  /** Printed in the greeting only, after cleaning; never in the subject or the text message. */
  readonly recipientName?: string;
  /** ISO 8601 moment the recipient has to act by. */
  readonly dueAt?: string;
  /** The escalation rung, for escalation messages. */
  readonly level?: number;
  /** Absolute URL to the screens, built by the sender from the configured public URL; absent for partners. */
  readonly link?: string;
  readonly critical: boolean;
  /** IANA time zone the moments are written in, such as `Europe/Amsterdam`. */
  readonly timeZone: string;
  /** For partners, who are asked to call or write the duty coordinator instead of following a link. */
  readonly dutyContact?: DutyContact;
  /** The session a session message is about, when an invitation or its cancellation is attached. */
  readonly calendar?: { readonly method: 'REQUEST' | 'CANCEL'; readonly startsAt: string };
}

/** One message in three forms: the e-mail's subject and plain-text body, and the text message. */
export interface RenderedNotification {
  readonly subject: string;
  readonly text: string;
  readonly sms: string;
}

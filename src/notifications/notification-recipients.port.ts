import type { NotificationLanguage, NotificationRecipient } from '../domain/notifications/notification-kinds';
import type { NotificationPreferences } from '../domain/notifications/notification-preferences';

/** How to reach one recipient now: addresses, language and (for an expert) their choices. */
export interface RecipientContact {
  readonly name?: string;
  readonly email?: string;
  /** E.164. */
  readonly phone?: string;
  readonly language: NotificationLanguage;
  readonly preferences?: NotificationPreferences;
  /** False for an expert who left the pool: nothing more is sent to them, and that is no failure. */
  readonly active: boolean;
}

/** Looks recipients up when a message is planned and again when it is sent, so a changed address is honoured. */
export interface NotificationRecipients {
  /** The recipient's contact, or undefined when nobody can be reached (an expert gone, no contact point for that partner). */
  contactOf(recipient: NotificationRecipient, safetyRegion?: string): Promise<RecipientContact | undefined>;
}

export const NOTIFICATION_RECIPIENTS = Symbol('NOTIFICATION_RECIPIENTS');

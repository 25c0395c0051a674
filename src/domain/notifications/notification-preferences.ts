import type { NotificationChannel, NotificationKind } from './notification-kinds';

/** A daily span, in the brigade's time zone, in which only critical messages are sent; it may run past midnight. */
export interface QuietHours {
  /** `HH:MM`, 24-hour clock. */
  readonly start: string;
  readonly end: string;
}

/** What an expert chose: channels per kind of message (e-mail when a kind is not named) and quiet hours. */
export interface NotificationPreferences {
  readonly channels: Partial<Readonly<Record<NotificationKind, readonly NotificationChannel[]>>>;
  readonly quietHours: QuietHours | null;
}

/** Every kind by e-mail, no quiet hours: what an expert gets until they choose. */
export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = { channels: {}, quietHours: null };

/** `HH:MM` from 00:00 to 23:59. */
export function isClockTime(value: string): boolean {
  return /^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(value);
}

import type { NotificationLanguage } from '../domain/notifications/notification-kinds';
import type { NotificationPreferences } from '../domain/notifications/notification-preferences';

/** An expert's own notification settings, as `GET /me/notification-preferences` shows them. */
export interface NotificationSettingsView extends NotificationPreferences {
  readonly language: NotificationLanguage;
  /** Whether the pool holds a phone number text messages can go to; without one, SMS cannot be chosen. */
  readonly hasPhone: boolean;
}

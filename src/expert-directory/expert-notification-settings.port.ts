import type { NotificationLanguage } from '../domain/notifications/notification-kinds';
import type { NotificationPreferences } from '../domain/notifications/notification-preferences';

/** Where an expert's own notification choices are kept. */
export interface ExpertNotificationSettings {
  /** Replaces the expert's preferences, and their language when one is given; false when there is no such expert. */
  save(expertId: string, preferences: NotificationPreferences, language?: NotificationLanguage): Promise<boolean>;
}

/** Injection token for the expert notification settings port. */
export const EXPERT_NOTIFICATION_SETTINGS = Symbol('ExpertNotificationSettings');

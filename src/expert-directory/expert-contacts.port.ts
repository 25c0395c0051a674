import type { NotificationLanguage } from '../domain/notifications/notification-kinds';
import type { NotificationPreferences } from '../domain/notifications/notification-preferences';

/** How to reach one expert: their addresses, language and what they chose, as the pool holds them now. */
export interface ExpertContact {
  readonly expertId: string;
  readonly name: string;
  readonly email: string;
  /** E.164, such as +31612345678; null when the pool holds no number a text message can go to. */
  readonly phone: string | null;
  readonly language: NotificationLanguage;
  readonly preferences: NotificationPreferences;
  /** A deactivated expert is told nothing more. */
  readonly active: boolean;
}

/** The reader the notification sender uses to address an expert, at sending time, so a changed address is used at once. */
export interface ExpertContacts {
  /** The expert's contact details and preferences; undefined when there is no such expert. */
  contactOf(expertId: string): Promise<ExpertContact | undefined>;
}

/** Injection token for the expert contacts port. */
export const EXPERT_CONTACTS = Symbol('ExpertContacts');

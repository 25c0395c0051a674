import type { NotificationLanguage } from '../../domain/notifications/notification-kinds';
import { notificationTextsEn } from './notification-texts.en';
import { notificationTextsNl } from './notification-texts.nl';
import type { LanguageTexts } from './notification-text-shape';

/** The one place the messages' texts are found, per language; a language left out does not compile. */
export const NOTIFICATION_TEXTS: { readonly [L in NotificationLanguage]: LanguageTexts } = {
  nl: notificationTextsNl,
  en: notificationTextsEn,
};

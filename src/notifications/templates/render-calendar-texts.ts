import type { NotificationLanguage } from '../../domain/notifications/notification-kinds';
import { checkedLink } from './clean-input';
import { NOTIFICATION_TEXTS } from './notification-texts';

declare const fromTemplates: unique symbol;

/** A text only the templates can make, so that no case text can be handed to a calendar invitation in its place. */
export type TemplateText = string & { readonly [fromTemplates]: true };

/** The title and description a calendar invitation shows. */
export interface CalendarTexts {
  readonly summary: TemplateText;
  readonly description: TemplateText;
}

/** The calendar invitation's neutral title and description in the recipient's language: the link, nothing of the case. */
export function renderCalendarTexts(input: { readonly language: NotificationLanguage; readonly link?: string }): CalendarTexts {
  const texts = NOTIFICATION_TEXTS[input.language];
  const link = input.link === undefined ? undefined : checkedLink(input.link);
  return { summary: texts.calendarSummary as TemplateText, description: texts.calendarDescription(link) as TemplateText };
}

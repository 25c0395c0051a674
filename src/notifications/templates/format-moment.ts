import type { LanguageTexts, MomentParts } from './notification-text-shape';

/** Reads an ISO 8601 moment, refusing anything a message would otherwise print as "Invalid Date" or "NaN". */
export function parseMoment(iso: string): Date {
  // Date.parse accepts loose forms such as "7 Dec"; a message's moments come from the domain in ISO form only.
  const moment = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso) ? new Date(iso) : new Date(Number.NaN);
  if (Number.isNaN(moment.getTime())) throw new RangeError('A notification moment must be an ISO 8601 date and time.');
  return moment;
}

function momentParts(iso: string, locale: string, timeZone: string, width: 'long' | 'short'): MomentParts {
  const format = new Intl.DateTimeFormat(locale, {
    timeZone, weekday: width, day: 'numeric', month: width, year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  });
  const parts = Object.fromEntries(format.formatToParts(parseMoment(iso)).map((part) => [part.type, part.value]));
  return {
    weekday: parts.weekday, day: parts.day, month: parts.month, year: parts.year, time: `${parts.hour}:${parts.minute}`,
  };
}

/** Writes a moment out in full for an e-mail, in the recipient's language and the given time zone. */
export function longMoment(iso: string, texts: LanguageTexts, timeZone: string): string {
  return texts.longMoment(momentParts(iso, texts.locale, timeZone, 'long'));
}

/** Writes a moment briefly for a text message, in the recipient's language and the given time zone. */
export function shortMoment(iso: string, texts: LanguageTexts, timeZone: string): string {
  return texts.shortMoment(momentParts(iso, texts.locale, timeZone, 'short'));
}

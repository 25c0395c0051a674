import { dutchDateTimeFormat } from '../dutch-time';
import { localeOf, type Language } from './messages';

/** A date and time as people read it in the language, in Dutch time, e.g. "30 nov 2026, 14:05". */
export function formatDateTime(iso: string | null | undefined, language: Language): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dutchDateTimeFormat(localeOf(language), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A time of day with seconds, in Dutch time, for "updated at" lines. */
export function formatTime(date: Date, language: Language): string {
  return dutchDateTimeFormat(localeOf(language), { timeStyle: 'medium' }).format(date);
}

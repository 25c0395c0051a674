/** Why a typed date and time cannot be read: not in the pattern, a day the calendar lacks, or a time the day lacks. */
export type DateTimeProblem = 'format' | 'impossibleDate' | 'impossibleTime';

/** What a date-time field holds: nothing, an instant, or text that names none. */
export type DateTimeReading =
  | { readonly kind: 'empty' }
  | { readonly kind: 'instant'; readonly iso: string }
  | { readonly kind: 'unreadable'; readonly problem: DateTimeProblem };

// Day first, as Dutch pages write it (31-12-2026 19:30); a slash or dot between the date's parts and a dot in the time
// are common Dutch spellings too, so they are read rather than refused.
const DAY_FIRST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s+(\d{1,2})[:.](\d{2})$/;

function daysIn(year: number, month: number): number {
  return new Date(year, month, 0).getDate();
}

/**
 * Reads a date and time typed day first ("31-12-2026 19:30") as the instant it names in the browser's zone, as the
 * RFC 3339 date-time (UTC, "Z") the API takes; a 31 February, a 25th hour or a time a clock change skips is unreadable.
 */
export function readDateTimeText(text: string): DateTimeReading {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  const match = DAY_FIRST.exec(trimmed);
  if (!match) return { kind: 'unreadable', problem: 'format' };
  const [day, month, year, hour, minute] = match.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return { kind: 'unreadable', problem: 'impossibleDate' };
  if (hour > 23 || minute > 59) return { kind: 'unreadable', problem: 'impossibleTime' };
  const local = new Date(year, month - 1, day, hour, minute);
  // In the hour a clock change skips, the Date moves the time on; that moment was never on the clock.
  if (local.getHours() !== hour || local.getMinutes() !== minute) return { kind: 'unreadable', problem: 'impossibleTime' };
  return { kind: 'instant', iso: local.toISOString() };
}

/** What a date-time field sends: its instant, nothing when empty, and unreadable text as typed for the API to refuse. */
export function instantOfDateTimeText(text: string): string | undefined {
  const reading = readDateTimeText(text);
  return reading.kind === 'instant' ? reading.iso : reading.kind === 'empty' ? undefined : text;
}

import { instantOfDutchWallClock } from './dutch-time';

/**
 * Why a typed date and time cannot be read: not in the pattern, a year before 1900 (a typing slip: "0000", "0202"), a day
 * the calendar lacks, or a time the day lacks.
 */
export type DateTimeProblem = 'format' | 'yearTooEarly' | 'impossibleDate' | 'impossibleTime';

/** The first year a typed date may have; Brigade takes nothing before 2015, so an earlier year is a slip of the keys. */
export const FIRST_TYPED_YEAR = 1900;

/** What a date-time field holds: nothing, an instant, or text that names none. */
export type DateTimeReading =
  | { readonly kind: 'empty' }
  | { readonly kind: 'instant'; readonly iso: string }
  | { readonly kind: 'unreadable'; readonly problem: DateTimeProblem };

// Day first, as Dutch pages write it (31-12-2026 19:30); a slash or dot between the date's parts and a dot in the time
// are common Dutch spellings too, so they are read rather than refused.
const DAY_FIRST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s+(\d{1,2})[:.](\d{2})$/;

// By the Gregorian rules rather than `new Date(year, …)`, which reads a year below 100 as 19xx.
function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Reads a date and time typed day first ("31-12-2026 19:30") as the instant it names in Dutch time (Europe/Amsterdam),
 * whatever the browser's zone, as the RFC 3339 date-time (UTC, "Z") the API takes; a 31 February, a 25th hour or a time
 * the spring clock change skips is unreadable, and a time the autumn change shows twice is its first occurrence.
 */
export function readDateTimeText(text: string): DateTimeReading {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  const match = DAY_FIRST.exec(trimmed);
  if (!match) return { kind: 'unreadable', problem: 'format' };
  const [day, month, year, hour, minute] = match.slice(1).map(Number);
  if (year < FIRST_TYPED_YEAR) return { kind: 'unreadable', problem: 'yearTooEarly' };
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return { kind: 'unreadable', problem: 'impossibleDate' };
  if (hour > 23 || minute > 59) return { kind: 'unreadable', problem: 'impossibleTime' };
  const at = instantOfDutchWallClock(year, month, day, hour, minute);
  // The hour the spring clock change skips was never on a Dutch clock.
  if (at === undefined) return { kind: 'unreadable', problem: 'impossibleTime' };
  return { kind: 'instant', iso: new Date(at).toISOString() };
}

/** What a date-time field sends: its instant, nothing when empty, and unreadable text as typed for the API to refuse. */
export function instantOfDateTimeText(text: string): string | undefined {
  const reading = readDateTimeText(text);
  return reading.kind === 'instant' ? reading.iso : reading.kind === 'empty' ? undefined : text;
}

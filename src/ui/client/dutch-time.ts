import { TEXT_TIME_ZONE } from '../../i18n/catalogue/render-params';

/**
 * The screens' one door to the clock on the wall: every date and time they show, and every one typed into them, is
 * Dutch time (Europe/Amsterdam, the zone the server's texts use too), whatever zone the browser runs in. Nothing else in
 * the client builds an `Intl.DateTimeFormat` or calls a local-zone `Date` method, so no screen can drift to another zone.
 */
export const SCREEN_TIME_ZONE = TEXT_TIME_ZONE;

/** An `Intl.DateTimeFormat` in the locale that writes moments in Dutch time, whatever the options ask for besides. */
export function dutchDateTimeFormat(locale: string, options: Omit<Intl.DateTimeFormatOptions, 'timeZone'>): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: SCREEN_TIME_ZONE });
}

/** A wall-clock reading to the second: year, month (1–12), day, hour (0–23), minute, second. */
interface WallClock {
  readonly year: number; readonly month: number; readonly day: number;
  readonly hour: number; readonly minute: number; readonly second: number;
}

// Numbers only, in the Latin digits and the 0–23 hour cycle, so the parts read back as the wall clock.
const WALL_CLOCK_PARTS = dutchDateTimeFormat('en-GB', {
  year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23',
});

function wallClockAt(ms: number): WallClock {
  const parts = Object.fromEntries(WALL_CLOCK_PARTS.formatToParts(ms).map((part) => [part.type, Number(part.value)]));
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

// Date.UTC counts a year below 100 as 19xx; setUTCFullYear takes the year as given.
function utcMsOf(clock: WallClock): number {
  const date = new Date(0);
  date.setUTCFullYear(clock.year, clock.month - 1, clock.day);
  date.setUTCHours(clock.hour, clock.minute, clock.second, 0);
  return date.getTime();
}

// How far Dutch time is ahead of UTC at a moment, in milliseconds (+1 h in winter, +2 h in summer).
function offsetAt(ms: number): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return utcMsOf(wallClockAt(whole)) - whole;
}

const DAY_MS = 86_400_000;

/**
 * The moment (ms since 1970) at which the Dutch clock shows the given date and time to the minute, or undefined when it
 * never does: the hour the spring clock change skips (29-03-2026 02:30). A time the autumn change shows twice
 * (25-10-2026 02:30) is its first, earlier occurrence, still summer time (00:30 UTC), the moment that comes first.
 */
export function instantOfDutchWallClock(year: number, month: number, day: number, hour: number, minute: number): number | undefined {
  const clock: WallClock = { year, month, day, hour, minute, second: 0 };
  const asIfUtc = utcMsOf(clock);
  // The offsets a day either side cover every offset the clock can have at that wall time.
  const offsets = new Set([offsetAt(asIfUtc - DAY_MS), offsetAt(asIfUtc), offsetAt(asIfUtc + DAY_MS)]);
  const matching = [...offsets]
    .map((offset) => asIfUtc - offset)
    .filter((candidate) => {
      const shown = wallClockAt(candidate);
      return shown.year === year && shown.month === month && shown.day === day && shown.hour === hour && shown.minute === minute && shown.second === 0;
    });
  return matching.length === 0 ? undefined : Math.min(...matching);
}

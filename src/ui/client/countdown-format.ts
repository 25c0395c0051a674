/** How far away a deadline is, in whole units, and whether it has passed. */
export interface CountdownParts {
  readonly overdue: boolean;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

/** The unit words of a language, as `countdown` in the dictionaries has them. */
export interface CountdownWords {
  readonly left: (text: string) => string;
  readonly overdue: (text: string) => string;
  readonly days: (n: number) => string;
  readonly hours: (n: number) => string;
  readonly minutes: (n: number) => string;
  readonly seconds: (n: number) => string;
}

/** Splits the time between now and a deadline into days, hours, minutes and seconds (rounded down). */
export function countdownParts(deadlineMs: number, nowMs: number): CountdownParts {
  const overdue = deadlineMs < nowMs;
  let rest = Math.floor(Math.abs(deadlineMs - nowMs) / 1000);
  const days = Math.floor(rest / 86_400);
  rest -= days * 86_400;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  return { overdue, days, hours, minutes, seconds: rest - minutes * 60 };
}

/**
 * The two largest units that matter, read as "nog 2 d 3 u" or "5 min 10 s te laat": precise where a deadline is near,
 * calm where it is far. The words say "overdue", so colour is never the only sign.
 */
export function formatCountdown(parts: CountdownParts, words: CountdownWords): string {
  const text = formatDuration(parts, words);
  return parts.overdue ? words.overdue(text) : words.left(text);
}

/** The two largest units of a span that matter, without "left" or "overdue": "2 d 3 u". */
export function formatDuration(parts: CountdownParts, words: Pick<CountdownWords, 'days' | 'hours' | 'minutes' | 'seconds'>): string {
  const units = [
    [parts.days, words.days],
    [parts.hours, words.hours],
    [parts.minutes, words.minutes],
    [parts.seconds, words.seconds],
  ] as const;
  const first = units.findIndex(([value]) => value > 0);
  const shown = first === -1 ? [units[3]] : units.slice(first, Math.min(first + 2, units.length));
  return shown.map(([value, word]) => word(value)).join(' ');
}

// Years, months, weeks and days only: a retention period is counted in calendar units, never in hours.
const ISO_PERIOD = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

/** A retention period in calendar units. */
export interface RetentionPeriod {
  readonly years: number;
  readonly months: number;
  readonly days: number;
}

/** Reads an ISO-8601 period such as `P5Y` or `P90D`; undefined when it is not one (or is zero). */
export function parseRetentionPeriod(text: string): RetentionPeriod | undefined {
  const match = typeof text === 'string' ? ISO_PERIOD.exec(text) : null;
  if (!match || text === 'P') return undefined;
  const [years, months, weeks, days] = match.slice(1).map((part) => Number(part ?? 0));
  const period = { years, months, days: days + 7 * weeks };
  return period.years + period.months + period.days > 0 ? period : undefined;
}

/** The moment a period after `fromIso` ends, in UTC calendar arithmetic (31 January plus one month is 3 March). */
export function addRetentionPeriod(fromIso: string, period: RetentionPeriod): string {
  const at = new Date(fromIso);
  at.setUTCFullYear(at.getUTCFullYear() + period.years, at.getUTCMonth() + period.months, at.getUTCDate() + period.days);
  return at.toISOString();
}

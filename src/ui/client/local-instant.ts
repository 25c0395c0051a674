/**
 * The instant a `datetime-local` input's value names in the browser's zone, as the RFC 3339 date-time (UTC, "Z") the
 * API takes; empty input gives undefined, and a value the browser would not produce goes as typed, for the API to refuse
 * by name.
 */
export function localInstant(local: string): string | undefined {
  if (local.trim() === '') return undefined;
  const parsed = new Date(local);
  return Number.isNaN(parsed.getTime()) ? local : parsed.toISOString();
}

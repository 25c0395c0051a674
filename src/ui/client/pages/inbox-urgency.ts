/** How pressing an item in the expert's inbox is: past due, due within a day, later, or without a date. */
export type Urgency = 'overdue' | 'dueSoon' | 'later' | 'none';

/** An item due within this long counts as due soon. */
export const DUE_SOON_MS = 24 * 60 * 60 * 1000;

/** The urgency of something due at `dueAt` (an ISO time, or null when nothing is due), seen at `now` (epoch ms). */
export function urgencyOf(dueAt: string | null, now: number): Urgency {
  const due = instant(dueAt);
  if (due === Number.POSITIVE_INFINITY) return 'none';
  if (due < now) return 'overdue';
  return due - now <= DUE_SOON_MS ? 'dueSoon' : 'later';
}

/**
 * The items with the soonest due first and undated ones last; equal ones keep their order, so the list does not jump
 * between two polls.
 */
export function soonestDueFirst<T>(items: readonly T[], dueOf: (item: T) => string | null): T[] {
  return items
    .map((item, index) => ({ item, index, due: instant(dueOf(item)) }))
    .sort((a, b) => (a.due === b.due ? a.index - b.index : a.due < b.due ? -1 : 1))
    .map(({ item }) => item);
}

/** How many of the items are past due at `now`. */
export function overdueCount<T>(items: readonly T[], dueOf: (item: T) => string | null, now: number): number {
  return items.filter((item) => urgencyOf(dueOf(item), now) === 'overdue').length;
}

// Recorded times need not share an offset or precision, so they are compared as instants; a missing or unreadable one goes last.
function instant(time: string | null): number {
  const parsed = time === null ? Number.NaN : Date.parse(time);
  return Number.isNaN(parsed) ? Number.POSITIVE_INFINITY : parsed;
}

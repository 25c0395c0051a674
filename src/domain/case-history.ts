import type { CaseEvent } from './case.events';
import { evolve, type CaseState } from './case.state';

/** A point in a case's history: just after a version, or a moment in time. */
export type HistoryPoint = { readonly version: number } | { readonly at: string };

/** The events of a case up to a point in its history, or why the case had no state there. */
export type HistorySelection =
  | { readonly kind: 'events'; readonly events: readonly CaseEvent[] }
  | { readonly kind: 'beyond-last-version'; readonly lastVersion: number }
  | { readonly kind: 'before-first-event'; readonly firstOccurredAt: string | null };

/** What folding a stream gave: the state, or the first event that cannot follow the ones before it. */
export type HistoryFold =
  | { readonly valid: true; readonly state: CaseState | null; readonly failedVersion: null; readonly problem: null }
  | { readonly valid: false; readonly state: null; readonly failedVersion: number; readonly problem: string };

/**
 * Selects the events up to and including a version, or those that occurred at or before a time. A state is always
 * the fold of a prefix of the stream, so the selection by time stops at the first event after it; events are
 * appended in workflow-time order, so that prefix is every event that occurred by then.
 */
export function eventsUpTo(events: readonly CaseEvent[], point: HistoryPoint): HistorySelection {
  const selected = 'version' in point
    ? takeWhile(events, (event) => event.version <= point.version)
    : takeWhile(events, (event) => Date.parse(event.occurredAt) <= Date.parse(point.at));
  if ('version' in point && point.version > (events.at(-1)?.version ?? 0)) {
    return { kind: 'beyond-last-version', lastVersion: events.at(-1)?.version ?? 0 };
  }
  if (selected.length === 0) return { kind: 'before-first-event', firstOccurredAt: events[0]?.occurredAt ?? null };
  return { kind: 'events', events: selected };
}

/** Folds a stream with `evolve`, reporting the first event it refuses instead of throwing. */
export function foldHistory(events: readonly CaseEvent[]): HistoryFold {
  let state: CaseState | null = null;
  for (const event of events) {
    try {
      state = evolve(state, event);
    } catch (error) {
      // A stream from outside (an exported bundle) may hold any shape of data, so every refusal is a finding.
      return { valid: false, state: null, failedVersion: event.version, problem: error instanceof Error ? error.message : String(error) };
    }
  }
  return { valid: true, state, failedVersion: null, problem: null };
}

function takeWhile<T>(items: readonly T[], predicate: (item: T) => boolean): T[] {
  const end = items.findIndex((item) => !predicate(item));
  return end === -1 ? [...items] : items.slice(0, end);
}

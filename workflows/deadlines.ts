import { condition } from '@temporalio/workflow';
import type { CaseContext } from './case-context';

/** A moment by which something must have happened, and what to do when it has not. */
export interface Deadline {
  /** Identifies the deadline; a moved deadline gets a new key and can fire again. */
  readonly key: string;
  readonly at: string;
  readonly onMissed: () => Promise<void>;
}

/** Sleeps on durable timers until `done`, firing each deadline once when it passes first. */
export async function watchDeadlines(context: CaseContext, done: () => boolean, deadlines: () => Deadline[]): Promise<void> {
  const fired = new Set<string>();
  while (!done()) {
    const pending = deadlines()
      .filter((deadline) => !fired.has(deadline.key))
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const revision = context.deadlineRevision;
    const wake = () => done() || context.deadlineRevision !== revision;
    if (pending.length === 0) {
      await condition(wake);
      continue;
    }
    const [next] = pending;
    // At least a millisecond: a zero timeout would mean "no timeout" to condition().
    const waitMs = Math.max(1, Date.parse(next.at) - Date.now());
    if (await condition(wake, waitMs)) continue;
    fired.add(next.key);
    // What was due may have been done while the timer ran; only a deadline that still stands is missed.
    const stillDue = deadlines().find((deadline) => deadline.key === next.key);
    if (stillDue && !done()) await stillDue.onMissed();
  }
}

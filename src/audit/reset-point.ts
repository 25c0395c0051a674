import type { History } from '@temporalio/common/lib/proto-utils';
import type { temporal } from '@temporalio/proto';
import type { AesGcmPayloadCodec } from '../crypto/aes-gcm-payload-codec';
import { replayHistories } from './workflow-replayer';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** Where to reset a workflow whose history today's code cannot replay in full, or why there is no such point. */
export type ResetPoint =
  | { readonly kind: 'reset'; readonly eventId: number; readonly workflowTask: number; readonly divergence: string }
  | { readonly kind: 'replays'; readonly explanation: string }
  | { readonly kind: 'none'; readonly explanation: string };

/**
 * Finds the last good point of a history: the completion of the first workflow task whose recorded commands today's code
 * does not make again. Resetting there (`temporal workflow reset --event-id`) keeps every task before it and has that
 * task run afresh. Each candidate prefix is replayed with today's workflow code, halving the range each time.
 */
export async function findResetPoint(workflowId: string, history: History, codec: AesGcmPayloadCodec): Promise<ResetPoint> {
  const events = history.events ?? [];
  const completions = events.flatMap((event, index) => (event.workflowTaskCompletedEventAttributes ? [index] : []));
  const whole = await divergenceOf(workflowId, events, codec);
  if (whole === null) {
    return { kind: 'replays', explanation: 'today\'s code replays the whole history: the failing task is new work, not a recorded one, and a reset would fail again' };
  }
  // Invariant: the tasks before `good` replay; the task at `bad` (index into completions) does not.
  let good = 0;
  let bad = completions.length;
  let divergence = whole;
  while (good < bad) {
    const middle = Math.floor((good + bad) / 2);
    const found = await divergenceOf(workflowId, events.slice(0, endOfTask(events, completions[middle])), codec);
    if (found === null) {
      good = middle + 1;
    } else {
      bad = middle;
      divergence = found;
    }
  }
  if (bad === completions.length) {
    return { kind: 'replays', explanation: 'every completed workflow task replays: the failure is in the task being attempted now, not in the history' };
  }
  if (bad === 0) return { kind: 'none', explanation: `the first workflow task already diverges, so there is no earlier point to reset to: ${divergence}` };
  return { kind: 'reset', eventId: Number(events[completions[bad]].eventId), workflowTask: bad + 1, divergence };
}

// A task's commands are the events after its completion, up to the next workflow task (or the end of the history).
function endOfTask(events: readonly HistoryEvent[], completion: number): number {
  const next = events.findIndex((event, index) => index > completion && event.workflowTaskScheduledEventAttributes);
  return next === -1 ? events.length : next;
}

async function divergenceOf(workflowId: string, events: readonly HistoryEvent[], codec: AesGcmPayloadCodec): Promise<string | null> {
  const report = await replayHistories([{ workflowId, history: { events: [...events] } }], [], codec);
  const [replay] = report.workflows;
  if (replay.status === 'unavailable') throw new Error(replay.message ?? `the history of ${workflowId} cannot be read`);
  return replay.status === 'diverged' ? replay.message ?? 'diverged' : null;
}

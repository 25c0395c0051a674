import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { historyFromJSON, type History } from '@temporalio/common/lib/proto-utils';
import type { temporal } from '@temporalio/proto';
import type { RecordCaseEventsInput } from '../../activities/event.activities';
import { payloadKeyIdsIn } from '../crypto/payload-key-ids';
import type { AppendResult } from '../event-store/event-store.port';
import { missingPayloadKeyMessage, payloadKeysLacking, type HeldPayloadKeys } from './missing-payload-key';
import type { RecordedWorkflowHistory } from './workflow-replayer';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

// The activity through which a workflow records a case's events.
const RECORD_CASE_EVENTS_ACTIVITY = 'recordCaseEvents';

/** How a recording's activity ended in its history; `pending` has not ended there (yet). */
export type RecordingOutcome = 'completed' | 'failed' | 'timedOut' | 'canceled' | 'pending';

/** One `recordCaseEvents` call in a workflow history: what the workflow asked to record, from where, and how it ended. */
export interface CaseRecording {
  readonly workflowId: string;
  /** The run that scheduled the activity, as the activity saw it in its context. */
  readonly runId: string | undefined;
  readonly activityId: string;
  readonly input: RecordCaseEventsInput;
  readonly outcome: RecordingOutcome;
  /** What the store answered, for a completed recording. */
  readonly result: AppendResult | null;
}

/** What reads recorded payloads: a codec such as `AesGcmPayloadCodec`, which also says which keys it holds. */
export type RecordedPayloadReader = HeldPayloadKeys & { decode(payloads: Payload[]): Promise<Payload[]> };

/** The recordings found in a set of histories, or why they could not be read. */
export type CaseRecordings =
  | { readonly recordings: readonly CaseRecording[]; readonly unreadable: null }
  | { readonly recordings: null; readonly unreadable: string };

const CLOSE_OUTCOMES = [
  ['activityTaskCompletedEventAttributes', 'completed'],
  ['activityTaskFailedEventAttributes', 'failed'],
  ['activityTaskTimedOutEventAttributes', 'timedOut'],
  ['activityTaskCanceledEventAttributes', 'canceled'],
] as const;

interface ActivityClose {
  readonly outcome: RecordingOutcome;
  readonly result: Payload[] | null;
}

/**
 * Every `recordCaseEvents` call in the histories, with its input and result decoded through `reader`; unreadable, with
 * the reason, when a payload needs a key the reader lacks or does not decode into a recording.
 */
export async function recordingsIn(histories: readonly RecordedWorkflowHistory[], reader: RecordedPayloadReader): Promise<CaseRecordings> {
  const recordings: CaseRecording[] = [];
  for (const { workflowId, history } of histories) {
    try {
      recordings.push(...await recordingsOf(workflowId, historyOf(history), reader));
    } catch (error) {
      const unreadable = error instanceof UnreadableRecording ? error.message : `the history of ${workflowId} cannot be read: ${String(error)}`;
      return { recordings: null, unreadable };
    }
  }
  return { recordings, unreadable: null };
}

class UnreadableRecording extends Error {}

async function recordingsOf(workflowId: string, history: History, reader: RecordedPayloadReader): Promise<CaseRecording[]> {
  const events = history.events ?? [];
  const closes = activityCloses(events);
  // A reset run carries its base run's events up to the reset point: activities before it ran in the original run.
  let runId = events[0]?.workflowExecutionStartedEventAttributes?.originalExecutionRunId ?? undefined;
  const recordings: CaseRecording[] = [];
  for (const event of events) {
    runId = event.workflowTaskFailedEventAttributes?.newRunId || runId;
    const scheduled = event.activityTaskScheduledEventAttributes;
    if (scheduled?.activityType?.name !== RECORD_CASE_EVENTS_ACTIVITY) continue;
    const where = `recordCaseEvents (event ${String(event.eventId)}) in the history of ${workflowId}`;
    const close = closes.get(String(event.eventId)) ?? { outcome: 'pending', result: null };
    const payloads = [...scheduled.input?.payloads ?? [], ...close.result ?? []];
    // Only the payloads read here need a key: a reader may lack one that only encrypts, say, an update's argument.
    const lacking = payloadKeysLacking(payloadKeyIdsIn(payloads), reader);
    if (lacking.length > 0) throw new UnreadableRecording(missingPayloadKeyMessage(`the ${where}`, lacking, reader));
    const input = await decoded(scheduled.input?.payloads, reader);
    if (!isRecordInput(input)) throw new UnreadableRecording(`the input of ${where} is not a list of case events to record`);
    const result = close.result ? await decoded(close.result, reader) as AppendResult : null;
    recordings.push({ workflowId, runId, activityId: scheduled.activityId ?? '', input, outcome: close.outcome, result });
  }
  return recordings;
}

// Each close event names the scheduled event it ends, so recordings are matched with their ends by that id.
function activityCloses(events: readonly HistoryEvent[]): Map<string, ActivityClose> {
  const closes = new Map<string, ActivityClose>();
  for (const event of events) {
    for (const [attributes, outcome] of CLOSE_OUTCOMES) {
      const closed = event[attributes];
      if (!closed) continue;
      const result = outcome === 'completed' ? event.activityTaskCompletedEventAttributes?.result?.payloads ?? null : null;
      closes.set(String(closed.scheduledEventId), { outcome, result });
    }
  }
  return closes;
}

async function decoded(payloads: Payload[] | null | undefined, reader: RecordedPayloadReader): Promise<unknown> {
  const [payload] = await reader.decode(payloads ?? []);
  return payload ? defaultPayloadConverter.fromPayload(payload) : undefined;
}

function isRecordInput(value: unknown): value is RecordCaseEventsInput {
  const input = value as Partial<RecordCaseEventsInput> | null;
  return typeof input === 'object' && input !== null && typeof input.caseId === 'string' && Number.isInteger(input.expectedVersion)
    && Array.isArray(input.events) && typeof input.idempotencyKey === 'string';
}

/** A history as Temporal returns it, or in the JSON form bundles carry (`historyToJSON`), as the proto object. */
function historyOf(history: History | unknown): History {
  const events = (history as { events?: unknown } | null)?.events;
  // The JSON form writes 64-bit event ids as strings and bytes as base64; the proto holds Longs and Uint8Arrays.
  const json = Array.isArray(events) && events.some((event) => typeof (event as { eventId?: unknown } | null)?.eventId === 'string');
  return json ? historyFromJSON(history) : history as History;
}

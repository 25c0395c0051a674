import type { Payload, PayloadCodec } from '@temporalio/common';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { NewCaseEvent } from '../../src/domain/case.events';
import type { StoredCaseEvent } from '../../src/event-store/event-store.port';
import { GENESIS_HASH, chainHash } from '../../src/event-store/hash-chain';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'histories');

/** A history event in the JSON form `historyToJSON` writes; only what the stored stream is built from is typed. */
export interface JsonHistoryEvent {
  readonly eventId: string;
  readonly workflowExecutionStartedEventAttributes?: { readonly originalExecutionRunId: string };
  readonly activityTaskScheduledEventAttributes?: {
    readonly activityId: string;
    readonly activityType: { readonly name: string };
    readonly input: { readonly payloads: JsonPayload[] };
  };
  activityTaskCompletedEventAttributes?: { scheduledEventId: string; result?: { payloads: JsonPayload[] } };
  readonly [attributes: string]: unknown;
}

/** A payload in JSON form: metadata values and data in base64. */
export interface JsonPayload {
  readonly metadata: Record<string, string>;
  readonly data: string;
}

/** A recorded workflow history as the replay fixtures hold it. */
export interface HistoryFixture {
  readonly workflowId: string;
  readonly history: { events: JsonHistoryEvent[] };
}

/** The names of the replay fixtures, sorted. */
export const HISTORY_FIXTURES = readdirSync(FIXTURES).filter((file) => file.endsWith('.json')).sort();

/** A fresh copy of one replay fixture, free to be altered. */
export function historyFixture(file: string): HistoryFixture {
  return JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8'));
}

/** The fixture's own history and those of the other workflows of its case (the case workflow and its ladders). */
export function caseFixtures(file: string): HistoryFixture[] {
  const caseWorkflowId = historyFixture(file).workflowId.replace(/-esc-\d+$/, '');
  return HISTORY_FIXTURES.map(historyFixture).filter(({ workflowId }) => workflowId.replace(/-esc-\d+$/, '') === caseWorkflowId);
}

/** The case id of a case's workflow histories. */
export function caseIdOf(fixtures: readonly HistoryFixture[]): string {
  return fixtures[0].workflowId.replace(/^case-/, '').replace(/-esc-\d+$/, '');
}

/** An event as the store would hold it, before it is numbered into a hash chain. */
export type UnchainedEvent = Omit<StoredCaseEvent, 'version' | 'position' | 'prevHash' | 'hash'>;

/**
 * The events the completed `recordCaseEvents` calls of the histories appended, in stream order, with the envelope the
 * store would have given them; read straight from the JSON, so that the module under test is checked, not echoed.
 */
export async function recordedStream(fixtures: readonly HistoryFixture[], codec: PayloadCodec): Promise<UnchainedEvent[]> {
  const steps: Array<{ expectedVersion: number; events: UnchainedEvent[] }> = [];
  for (const { workflowId, history } of fixtures) {
    const runId = history.events[0].workflowExecutionStartedEventAttributes!.originalExecutionRunId;
    const completed = new Set(history.events.map((event) => event.activityTaskCompletedEventAttributes?.scheduledEventId));
    for (const event of history.events) {
      const scheduled = event.activityTaskScheduledEventAttributes;
      if (scheduled?.activityType.name !== 'recordCaseEvents' || !completed.has(event.eventId)) continue;
      const input = await jsonOf(scheduled.input.payloads[0], codec) as { caseId: string; expectedVersion: number; events: NewCaseEvent[]; idempotencyKey: string };
      const causation = { workflowId, runId, activityId: scheduled.activityId };
      const events = input.events.map((proposed) => ({
        ...proposed, caseId: input.caseId, recordedAt: proposed.occurredAt, causation, idempotencyKey: input.idempotencyKey,
      }) as UnchainedEvent);
      steps.push({ expectedVersion: input.expectedVersion, events });
    }
  }
  return steps.sort((a, b) => a.expectedVersion - b.expectedVersion).flatMap(({ events }) => events);
}

/** Numbers the events from 1 and hash-chains them as the store does, so the chain itself verifies. */
export function chained(events: readonly UnchainedEvent[]): StoredCaseEvent[] {
  let prevHash = GENESIS_HASH;
  return events.map((event, index) => {
    const numbered = { ...event, version: index + 1 } as Omit<StoredCaseEvent, 'position' | 'prevHash' | 'hash'>;
    const hash = chainHash(prevHash, numbered);
    const stored = { ...numbered, position: index + 1, prevHash, hash } as StoredCaseEvent;
    prevHash = hash;
    return stored;
  });
}

/** The value a JSON-form payload holds, decrypted through `codec`. */
export async function jsonOf(payload: JsonPayload, codec: PayloadCodec): Promise<unknown> {
  const [decoded] = await codec.decode([fromJson(payload)]);
  return JSON.parse(Buffer.from(decoded.data ?? []).toString('utf8'));
}

/** A value as a plain-JSON payload in the JSON form histories are written in. */
export function jsonPayload(value: unknown): JsonPayload {
  return { metadata: { encoding: Buffer.from('json/plain').toString('base64') }, data: Buffer.from(JSON.stringify(value)).toString('base64') };
}

function fromJson({ metadata, data }: JsonPayload): Payload {
  return {
    metadata: Object.fromEntries(Object.entries(metadata).map(([key, value]) => [key, Buffer.from(value, 'base64')])),
    data: Buffer.from(data, 'base64'),
  };
}

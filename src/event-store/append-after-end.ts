import type { NewCaseEvent } from '../domain/case.events';
import { InvalidAppendError, VersionConflictError } from './event-store.errors';
import type { AppendResult, Causation, EventStore } from './event-store.port';

// Others append to an ended case too (the archiver, another destruction): a conflict means reading the new end and trying again.
const ATTEMPTS = 5;

/**
 * Appends one event to an ended case's stream at whatever version it has reached, under an idempotency key that makes a
 * repeat record nothing; for facts recorded after the case workflow has closed.
 */
export async function appendAfterEnd(
  eventStore: EventStore, caseId: string, event: NewCaseEvent, idempotencyKey: string, causation: Causation = {},
): Promise<AppendResult> {
  for (let attempt = 1; ; attempt += 1) {
    const stream = await eventStore.readStream(caseId);
    if (stream.length === 0) throw new InvalidAppendError(`case ${caseId} has no recorded events to record ${event.type} in`);
    try {
      return await eventStore.append({ caseId, expectedVersion: stream.at(-1)!.version, events: [event], idempotencyKey, causation });
    } catch (error) {
      if (!(error instanceof VersionConflictError) || attempt >= ATTEMPTS) throw error;
    }
  }
}

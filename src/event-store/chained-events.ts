import { evolve, type CaseState } from '../domain/case.state';
import { upcastCaseState } from '../domain/case-state-upcaster';
import type { CaseEvent, NewCaseEvent } from '../domain/case.events';
import type { AppendRequest } from './event-store.port';
import { chainHash } from './hash-chain';
import type { StreamHead } from './stream-head';

/** One event as the append function takes it: `case_events`' columns by name, numbered, hashed and linked; its time apart. */
export interface ChainedEventRow {
  readonly version: number;
  readonly type: string;
  readonly schema_version: number;
  readonly data: unknown;
  readonly actor_role: string;
  readonly actor_id: string;
  readonly actor_name: string | null;
  readonly actor_via: string | null;
  readonly prev_hash: string;
  readonly hash: string;
}

/** An append's events chained onto the stream's head, and the state folded over them (still to be sealed). */
export interface ChainedAppend {
  readonly rows: readonly ChainedEventRow[];
  readonly state: CaseState;
}

/**
 * Numbers the sealed events after the head, hashes each over its canonical envelope linked to the one before, and folds
 * the plain events into the head's state; a fold that refuses the events (a stream not opened by RequestReceived) throws.
 */
export function chainEvents(request: AppendRequest, sealed: readonly NewCaseEvent[], head: StreamHead): ChainedAppend {
  const { caseId, idempotencyKey } = request;
  const recordedAt = head.now.toISOString();
  const causation = request.causation ?? {};
  let prevHash = head.lastHash;
  // The row may hold a state folded before texts were coded; what this append writes back is today's shape.
  let state: CaseState | null = head.state ? upcastCaseState(head.state) : null;
  const rows = request.events.map((proposed, index): ChainedEventRow => {
    const envelope = { caseId, version: head.version + index + 1, occurredAt: new Date(proposed.occurredAt).toISOString() };
    // Normalised so that what is hashed is exactly what PostgreSQL gives back on reading.
    const event = { ...sealed[index], ...envelope, data: JSON.parse(JSON.stringify(sealed[index].data)) } as CaseEvent;
    const hash = chainHash(prevHash, { ...event, recordedAt, causation, idempotencyKey });
    // The state folds what was written; its own sensitive fields are sealed afterwards, under the case's key.
    state = evolve(state, { ...proposed, ...envelope, data: JSON.parse(JSON.stringify(proposed.data)) } as CaseEvent);
    const row = {
      version: event.version, type: event.type, schema_version: event.schemaVersion, data: event.data, actor_role: event.actor.role,
      actor_id: event.actor.id, actor_name: event.actor.name ?? null, actor_via: event.actor.via ?? null, prev_hash: prevHash, hash,
    };
    prevHash = hash;
    return row;
  });
  return { rows, state: state! };
}

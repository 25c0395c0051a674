import { hash } from 'node:crypto';
import { canonicalJson } from '../domain/canonical-json';
import { GENESIS_HASH } from '../database/event-chain-schema';
import type { ChainVerification, StoredCaseEvent } from './event-store.port';

// The genesis hash is part of the schema's chain guard; the store's callers and tests know it from here.
export { GENESIS_HASH };

/** The fields of an event that its hash covers: everything in the envelope except the hashes themselves. */
export interface HashedEventFields {
  readonly caseId: string;
  readonly version: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly actor: { readonly role: string; readonly id: string; readonly name?: string; readonly via?: string };
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly causation: { readonly workflowId?: string; readonly runId?: string; readonly activityId?: string };
  readonly idempotencyKey: string;
}

/** SHA-256 over the previous hash and the canonical serialisation of the event, hex-encoded. */
export function chainHash(prevHash: string, event: HashedEventFields): string {
  return hash('sha256', `${prevHash}\n${canonicalEnvelope(event)}`);
}

// The canonicalJson of the hashed fields, with the envelope's keys written in their sorted order by hand: sorting the
// same keys for every event was most of what auditing a store cost. Only the members' values go through canonicalJson,
// and an undefined member is left out as canonicalJson leaves it out.
function canonicalEnvelope(event: HashedEventFields): string {
  const role = json(event.actor.role);
  // A name is a member only when there is one, so every event recorded before names were kept hashes as it did.
  const named = member(member('{', 'id', json(event.actor.id)), 'name', json(event.actor.name ?? undefined));
  const actor = `${member(member(named, 'role', role), 'via', json(event.actor.via ?? undefined))}}`;
  const { causation } = event;
  const causes = `${member(member(member('{', 'activityId', json(causation.activityId ?? undefined)),
    'runId', json(causation.runId ?? undefined)), 'workflowId', json(causation.workflowId ?? undefined))}}`;
  let text = member('{', 'actor', actor);
  text = member(text, 'caseId', json(event.caseId));
  text = member(text, 'causation', causes);
  text = member(text, 'data', json(event.data));
  text = member(text, 'idempotencyKey', json(event.idempotencyKey));
  text = member(text, 'occurredAt', json(event.occurredAt));
  text = member(text, 'recordedAt', json(event.recordedAt));
  text = member(text, 'schemaVersion', json(event.schemaVersion));
  text = member(text, 'type', json(event.type));
  text = member(text, 'version', json(event.version));
  return `${text}}`;
}

function json(value: unknown): string | undefined {
  return value === undefined ? undefined : canonicalJson(value);
}

// Appends `"key":value` to the text of an object begun with "{", or nothing when the value is left out.
function member(text: string, key: string, valueJson: string | undefined): string {
  if (valueJson === undefined) return text;
  return `${text}${text.length > 1 ? ',' : ''}"${key}":${valueJson}`;
}

/**
 * Recomputes a chain of stored events and reports the first one that does not match, if any. `hashMatches` says whether
 * the event at a position hashes to its stored hash, for a caller that recomputed the hashes elsewhere (another thread).
 */
export function findChainBreak<E extends HashedEventFields & { readonly prevHash: string; readonly hash: string }>(
  events: readonly E[],
  hashMatches: (event: E, index: number) => boolean = (event) => chainHash(event.prevHash, event) === event.hash,
): { version: number; problem: string } | null {
  let expectedPrev = GENESIS_HASH;
  for (let index = 0; index < events.length; index++) {
    const event = events[index];
    const expectedVersion = index + 1;
    if (event.version !== expectedVersion) {
      return { version: expectedVersion, problem: `version ${expectedVersion} is missing (found ${event.version})` };
    }
    if (event.prevHash !== expectedPrev) {
      return { version: event.version, problem: `prev_hash does not link to version ${event.version - 1}` };
    }
    if (!hashMatches(event, index)) {
      return { version: event.version, problem: 'hash does not match the event content' };
    }
    expectedPrev = event.hash;
  }
  return null;
}

/**
 * Checks a stream's chain, then that it ends where the read model says it was last recorded: a chain that verifies can
 * still have lost its tail. `hashMatches` is for hashes recomputed elsewhere, as `findChainBreak` takes it.
 */
export function verifyChainAgainstProjection(
  caseId: string, events: readonly StoredCaseEvent[], projection: { readonly version: number; readonly lastHash: string } | null,
  hashMatches?: (event: StoredCaseEvent, index: number) => boolean,
): ChainVerification {
  const broken = findChainBreak(events, hashMatches);
  const lastHash = events.at(-1)?.hash ?? null;
  const result = { caseId, eventCount: events.length, lastHash };
  if (broken) return { ...result, valid: false, firstInvalidVersion: broken.version, problem: broken.problem };
  if (projection && (projection.version !== events.length || projection.lastHash !== lastHash)) {
    return {
      ...result, valid: false, firstInvalidVersion: Math.min(projection.version, events.length + 1),
      problem: `the stream ends at version ${events.length} but was recorded up to version ${projection.version}`,
    };
  }
  return { ...result, valid: true, firstInvalidVersion: null, problem: null };
}

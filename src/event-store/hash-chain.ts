import { createHash } from 'node:crypto';
import { canonicalJson } from '../domain/canonical-json';

/** The `prev_hash` of every case's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an event that its hash covers: everything in the envelope except the hashes themselves. */
export interface HashedEventFields {
  readonly caseId: string;
  readonly version: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly actor: { readonly role: string; readonly id: string };
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly causation: { readonly workflowId?: string; readonly runId?: string; readonly activityId?: string };
  readonly idempotencyKey: string;
}

/** SHA-256 over the previous hash and the canonical serialisation of the event, hex-encoded. */
export function chainHash(prevHash: string, event: HashedEventFields): string {
  const fields: HashedEventFields = {
    caseId: event.caseId,
    version: event.version,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    actor: { role: event.actor.role, id: event.actor.id },
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    causation: {
      workflowId: event.causation.workflowId ?? undefined,
      runId: event.causation.runId ?? undefined,
      activityId: event.causation.activityId ?? undefined,
    },
    idempotencyKey: event.idempotencyKey,
  };
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(fields)).digest('hex');
}

/** Recomputes a chain of stored events and reports the first one that does not match, if any. */
export function findChainBreak(
  events: ReadonlyArray<HashedEventFields & { readonly prevHash: string; readonly hash: string }>,
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
    if (chainHash(event.prevHash, event) !== event.hash) {
      return { version: event.version, problem: 'hash does not match the event content' };
    }
    expectedPrev = event.hash;
  }
  return null;
}

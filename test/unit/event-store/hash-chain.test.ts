import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../src/domain/canonical-json';
import { GENESIS_HASH, chainHash, findChainBreak, type HashedEventFields } from '../../../src/event-store/hash-chain';

function anEvent(version: number, data: unknown = { n: version }): HashedEventFields {
  return {
    caseId: '7d1f0a4e-2b3c-4d5e-8f60-718293a4b5c6', version, type: 'IntakeAssessed', schemaVersion: 1, data,
    actor: { role: 'system', id: 'test' }, occurredAt: '2026-11-01T09:00:00.000Z', recordedAt: '2026-11-01T09:00:00.010Z',
    causation: { workflowId: 'case-x', runId: 'r', activityId: String(version) }, idempotencyKey: `k-${version}`,
  };
}

function aChain(length: number) {
  let prev = GENESIS_HASH;
  return Array.from({ length }, (_, index) => {
    const event = anEvent(index + 1);
    const hash = chainHash(prev, event);
    const linked = { ...event, prevHash: prev, hash };
    prev = hash;
    return linked;
  });
}

describe('the hash chain', () => {
  it('gives a 64-character hex digest that changes with any field', () => {
    const base = chainHash(GENESIS_HASH, anEvent(1));
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(GENESIS_HASH, { ...anEvent(1), actor: { role: 'system', id: 'other' } })).not.toBe(base);
    expect(chainHash(GENESIS_HASH, { ...anEvent(1), recordedAt: '2026-11-01T09:00:00.011Z' })).not.toBe(base);
    expect(chainHash('f'.repeat(64), anEvent(1))).not.toBe(base);
  });

  it.each([
    ['full causation', anEvent(3)],
    ['no causation', { ...anEvent(4), causation: {} }],
    ['null causation members, as a bundle may carry them', { ...anEvent(5), causation: { workflowId: null, runId: 'r', activityId: null } as never }],
    ['a missing type, as a forged bundle may have', { ...anEvent(6), type: undefined as never }],
    ['nested data and a stored envelope around it', { ...anEvent(7, { z: [1, { b: null, a: 'ü' }], a: true }), position: 9, prevHash: 'p', hash: 'h' }],
  ])('is SHA-256 of the previous hash, a newline and the canonical JSON of the hashed fields alone (%s)', (_, event) => {
    const fields = {
      caseId: event.caseId, version: event.version, type: event.type, schemaVersion: event.schemaVersion, data: event.data,
      actor: { role: event.actor.role, id: event.actor.id }, occurredAt: event.occurredAt, recordedAt: event.recordedAt,
      causation: { workflowId: event.causation.workflowId ?? undefined, runId: event.causation.runId ?? undefined, activityId: event.causation.activityId ?? undefined },
      idempotencyKey: event.idempotencyKey,
    };
    expect(chainHash(GENESIS_HASH, event)).toBe(createHash('sha256').update(`${GENESIS_HASH}\n${canonicalJson(fields)}`).digest('hex'));
  });

  it('does not depend on the order of keys in the payload', () => {
    expect(chainHash(GENESIS_HASH, anEvent(1, { a: 1, b: 2 }))).toBe(chainHash(GENESIS_HASH, anEvent(1, { b: 2, a: 1 })));
  });

  it('finds no break in an intact chain', () => {
    expect(findChainBreak(aChain(5))).toBeNull();
  });

  it('names the version whose content changed', () => {
    const chain = aChain(5);
    chain[2] = { ...chain[2], data: { n: 99 } };
    expect(findChainBreak(chain)).toEqual({ version: 3, problem: 'hash does not match the event content' });
  });

  it('names the missing version when one is removed', () => {
    const chain = aChain(5);
    chain.splice(1, 1);
    expect(findChainBreak(chain)).toEqual({ version: 2, problem: 'version 2 is missing (found 3)' });
  });

  it('names a link that points elsewhere even when the event hash itself is consistent', () => {
    const chain = aChain(3);
    const forged = { ...chain[1], prevHash: 'a'.repeat(64) };
    chain[1] = { ...forged, hash: chainHash(forged.prevHash, forged) };
    expect(findChainBreak(chain)).toEqual({ version: 2, problem: 'prev_hash does not link to version 1' });
  });
});

import { chainEvents } from '../../../src/event-store/chained-events';
import { GENESIS_HASH, findChainBreak } from '../../../src/event-store/hash-chain';
import type { StreamHead } from '../../../src/event-store/stream-head';
import { aSupportRequest, intakeAssessed, requestReceived } from '../../support/case-fixtures';

describe('chaining an append onto its stream head', () => {
  const request = aSupportRequest();
  const append = {
    caseId: request.caseId, expectedVersion: 0, events: [requestReceived(request), intakeAssessed()], idempotencyKey: 'chain-test',
    causation: { workflowId: `case-${request.caseId}`, runId: 'run', activityId: '1' },
  };
  const newStream: StreamHead = { version: 0, state: null, lastHash: GENESIS_HASH, now: new Date('2026-11-01T09:00:02.345Z'), recordedBatch: null };

  it("numbers the events after the head and hashes each as an audit recomputes it, the first linked to the head's hash", () => {
    const sut = chainEvents(append, append.events, newStream);

    const stored = sut.rows.map((row, index) => ({
      caseId: request.caseId, version: row.version, type: row.type, schemaVersion: row.schema_version, data: row.data,
      actor: append.events[index].actor, occurredAt: append.events[index].occurredAt, recordedAt: '2026-11-01T09:00:02.345Z',
      causation: append.causation, idempotencyKey: append.idempotencyKey, prevHash: row.prev_hash, hash: row.hash,
    }));
    expect(sut.rows.map((row) => row.version)).toEqual([1, 2]);
    expect(sut.rows[0].prev_hash).toBe(GENESIS_HASH);
    expect(findChainBreak(stored)).toBeNull();
  });

  it('folds the events into the state the read model keeps', () => {
    const sut = chainEvents(append, append.events, newStream);

    expect(sut.state).toMatchObject({ caseId: request.caseId, version: 2, stage: 'Triage', riskLevel: 'MEDIUM' });
  });

  it('refuses a new stream that does not start with RequestReceived', () => {
    const unopened = { ...append, events: [intakeAssessed()] };

    expect(() => chainEvents(unopened, unopened.events, newStream)).toThrow(/starts with IntakeAssessed/);
  });
});

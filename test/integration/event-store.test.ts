import { randomUUID } from 'node:crypto';
import { caseEvent } from '../../src/domain/case.events';
import { IdempotencyKeyReuseError, InvalidAppendError, VersionConflictError } from '../../src/event-store/event-store.errors';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { GENESIS_HASH } from '../../src/event-store/hash-chain';
import { COORDINATOR, aSupportRequest, intakeAssessed, requestReceived } from '../support/case-fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('the PostgreSQL event store', () => {
  let db: TestDatabase;
  let sut: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    sut = new PostgresEventStore(db.dataSource, db.keyStore);
  });
  afterAll(() => db.drop());

  async function aCaseWithTwoEvents() {
    const request = aSupportRequest();
    await sut.append({ caseId: request.caseId, expectedVersion: 0, events: [requestReceived(request)], idempotencyKey: randomUUID() });
    await sut.append({ caseId: request.caseId, expectedVersion: 1, events: [intakeAssessed()], idempotencyKey: randomUUID() });
    return request.caseId;
  }

  describe('when a batch is appended', () => {
    it('numbers the events 1..n and links each hash to the one before', async () => {
      const request = aSupportRequest();
      const result = await sut.append({
        caseId: request.caseId, expectedVersion: 0, events: [requestReceived(request), intakeAssessed()],
        idempotencyKey: randomUUID(), causation: { workflowId: 'wf', runId: 'run', activityId: '1' },
      });

      const events = await sut.readStream(request.caseId);
      expect(result).toEqual({ caseId: request.caseId, fromVersion: 1, toVersion: 2, deduplicated: false });
      expect(events.map((e) => e.version)).toEqual([1, 2]);
      expect(events[0].prevHash).toBe(GENESIS_HASH);
      expect(events[1].prevHash).toBe(events[0].hash);
      expect(events[0].hash).toMatch(/^[0-9a-f]{64}$/);
      expect(events[0].causation).toEqual({ workflowId: 'wf', runId: 'run', activityId: '1' });
      expect(events[0].actor).toEqual(COORDINATOR);
    });

    it('keeps the cases projection in step with the stream', async () => {
      const caseId = await aCaseWithTwoEvents();

      const [row] = await db.sql<{ version: number; stage: string; risk_level: string; category: string; municipality: string }>(
        'SELECT version, stage, risk_level, category, municipality FROM cases WHERE case_id = $1', [caseId]);
      expect(row).toEqual({ version: 2, stage: 'Triage', risk_level: 'MEDIUM', category: 'SHELTER_SUPPORT', municipality: 'Zoetermeer' });
    });
  });

  describe('when an activity retries an append with the same idempotency key', () => {
    it('returns the first result and writes nothing new', async () => {
      const request = aSupportRequest();
      const append = { caseId: request.caseId, expectedVersion: 0, events: [requestReceived(request)], idempotencyKey: `retry-${randomUUID()}` };

      const first = await sut.append(append);
      const retried = await sut.append(append);

      expect(retried).toEqual({ ...first, deduplicated: true });
      expect(await sut.readStream(request.caseId)).toHaveLength(1);
    });

    it('appends exactly once when the retries run at the same moment', async () => {
      const request = aSupportRequest();
      const append = { caseId: request.caseId, expectedVersion: 0, events: [requestReceived(request)], idempotencyKey: randomUUID() };

      const results = await Promise.all(Array.from({ length: 8 }, () => sut.append(append)));

      expect(results.filter((r) => !r.deduplicated)).toHaveLength(1);
      expect(await sut.readStream(request.caseId)).toHaveLength(1);
    });

    it('refuses the key for another case', async () => {
      const key = randomUUID();
      const a = aSupportRequest();
      const b = aSupportRequest();
      await sut.append({ caseId: a.caseId, expectedVersion: 0, events: [requestReceived(a)], idempotencyKey: key });

      await expect(sut.append({ caseId: b.caseId, expectedVersion: 0, events: [requestReceived(b)], idempotencyKey: key }))
        .rejects.toBeInstanceOf(IdempotencyKeyReuseError);
    });
  });

  describe('when the expected version is wrong', () => {
    it('fails with a conflict that names both versions, and appends nothing', async () => {
      const caseId = await aCaseWithTwoEvents();

      const attempt = sut.append({ caseId, expectedVersion: 1, events: [intakeAssessed()], idempotencyKey: randomUUID() });

      await expect(attempt).rejects.toThrow(new VersionConflictError(caseId, 1, 2));
      expect(await sut.readStream(caseId)).toHaveLength(2);
    });

    it('lets exactly one of two racing first appends win', async () => {
      const request = aSupportRequest();
      const race = [1, 2].map(() => sut.append({
        caseId: request.caseId, expectedVersion: 0, events: [requestReceived(request)], idempotencyKey: randomUUID(),
      }));

      const outcomes = await Promise.allSettled(race);

      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason).toBeInstanceOf(VersionConflictError);
    });
  });

  describe('when an append is malformed', () => {
    it.each([
      ['no events', { events: [] }, /at least one event/],
      ['a negative expected version', { expectedVersion: -1 }, /non-negative/],
      ['a case id that is not a UUID', { caseId: '../etc/passwd' }, /not a UUID/],
      ['an empty idempotency key', { idempotencyKey: '' }, /idempotency key/],
      ['an invalid occurredAt', { events: [caseEvent('CaseClosed', {}, COORDINATOR, 'yesterday')] }, /invalid occurredAt/],
    ])('refuses %s', async (_name, override, message) => {
      const request = aSupportRequest();
      const append = { caseId: request.caseId, expectedVersion: 0, events: [requestReceived(request)], idempotencyKey: randomUUID(), ...override };

      await expect(sut.append(append)).rejects.toThrow(InvalidAppendError);
      await expect(sut.append(append)).rejects.toThrow(message);
      expect(await sut.readStream(request.caseId)).toHaveLength(0);
    });

    it('refuses a stream that does not start with RequestReceived, and records nothing', async () => {
      const caseId = randomUUID();

      await expect(sut.append({ caseId, expectedVersion: 0, events: [intakeAssessed()], idempotencyKey: randomUUID() }))
        .rejects.toThrow(/starts with IntakeAssessed/);
      expect(await sut.readStream(caseId)).toHaveLength(0);
      expect(await db.sql('SELECT 1 FROM case_event_batches WHERE case_id = $1', [caseId])).toHaveLength(0);
    });
  });

  describe('the table itself', () => {
    it.each([
      ['UPDATE', 'UPDATE case_events SET type = $2 WHERE case_id = $1', ['CaseClosed']],
      ['DELETE', 'DELETE FROM case_events WHERE case_id = $1', []],
    ])('refuses %s', async (operation, statement, extra) => {
      const caseId = await aCaseWithTwoEvents();

      await expect(db.sql(statement, [caseId, ...extra])).rejects.toThrow(`case_events is append-only: ${operation} is not allowed`);
      expect(await sut.readStream(caseId)).toHaveLength(2);
    });

    it('refuses TRUNCATE', async () => {
      await expect(db.sql('TRUNCATE case_events')).rejects.toThrow(/append-only: TRUNCATE/);
    });
  });

  describe('verify', () => {
    it('accepts an untouched chain', async () => {
      const caseId = await aCaseWithTwoEvents();

      expect(await sut.verify(caseId)).toMatchObject({ valid: true, eventCount: 2, firstInvalidVersion: null });
    });

    it('names the first version whose content was edited behind the trigger', async () => {
      const caseId = await aCaseWithTwoEvents();
      await withoutTrigger(`UPDATE case_events SET data = jsonb_set(data, '{riskLevel}', '"LOW"') WHERE case_id = $1 AND version = 2`, [caseId]);

      expect(await sut.verify(caseId)).toMatchObject({ valid: false, firstInvalidVersion: 2, problem: 'hash does not match the event content' });
    });

    it("keeps the name of a signed-in actor beside their subject, under the hash: a changed name breaks the chain", async () => {
      const request = aSupportRequest();
      const named = { role: 'coordinator' as const, id: 'kc-7f2a', name: 'Cor Dijk', via: 'provider' as const };
      await sut.append({ caseId: request.caseId, expectedVersion: 0, events: [{ ...requestReceived(request), actor: named }], idempotencyKey: randomUUID() });
      expect((await sut.readStream(request.caseId))[0].actor).toEqual(named);
      expect(await sut.verify(request.caseId)).toMatchObject({ valid: true });
      // The transparency log's leaf holds the same hash.
      const [leaf] = await db.sql<{ event_hash: string }>('SELECT event_hash FROM transparency_log_leaves WHERE case_id = $1', [request.caseId]);
      expect(leaf.event_hash).toBe((await sut.readStream(request.caseId))[0].hash);

      await withoutTrigger("UPDATE case_events SET actor_name = 'Someone Else' WHERE case_id = $1", [request.caseId]);
      expect(await sut.verify(request.caseId)).toMatchObject({ valid: false, firstInvalidVersion: 1, problem: 'hash does not match the event content' });
      // Nor can the sign-in be wiped off, to pass the person's act for a script's.
      await withoutTrigger("UPDATE case_events SET actor_name = 'Cor Dijk', actor_via = NULL WHERE case_id = $1", [request.caseId]);
      expect(await sut.verify(request.caseId)).toMatchObject({ valid: false, firstInvalidVersion: 1 });
    });

    it('names a removed event in the middle of the stream', async () => {
      const request = aSupportRequest();
      await sut.append({ caseId: request.caseId, expectedVersion: 0, events: [requestReceived(request), intakeAssessed()], idempotencyKey: randomUUID() });
      await sut.append({ caseId: request.caseId, expectedVersion: 2, events: [caseEvent('RequestAccepted', {}, COORDINATOR, '2026-11-02T10:00:00Z')], idempotencyKey: randomUUID() });
      await withoutTrigger('DELETE FROM case_events WHERE case_id = $1 AND version = 2', [request.caseId]);

      expect(await sut.verify(request.caseId)).toMatchObject({ valid: false, firstInvalidVersion: 2 });
    });

    it('stays valid while appends commit between its reads', async () => {
      const caseId = await aCaseWithTwoEvents();
      const appending = (async () => {
        for (let version = 2; version < 42; version += 1) {
          const accepted = caseEvent('RequestAccepted', {}, COORDINATOR, '2026-11-02T10:00:00Z');
          await sut.append({ caseId, expectedVersion: version, events: [accepted], idempotencyKey: randomUUID() });
        }
      })();
      const verifications = [];
      let done = false;
      void appending.finally(() => { done = true; });
      while (!done) verifications.push(await sut.verify(caseId));
      await appending;

      expect(verifications.length).toBeGreaterThan(0);
      expect(verifications.filter((verification) => !verification.valid)).toEqual([]);
    });

    it('notices a tail that was cut off', async () => {
      const caseId = await aCaseWithTwoEvents();
      await withoutTrigger('DELETE FROM case_events WHERE case_id = $1 AND version = 2', [caseId]);

      expect(await sut.verify(caseId)).toMatchObject({ valid: false, firstInvalidVersion: 2 });
    });
  });

  async function withoutTrigger(statement: string, params: unknown[]): Promise<void> {
    await db.sql('ALTER TABLE case_events DISABLE TRIGGER case_events_append_only');
    try {
      await db.sql(statement, params);
    } finally {
      await db.sql('ALTER TABLE case_events ENABLE TRIGGER case_events_append_only');
    }
  }
});

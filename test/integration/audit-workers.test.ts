import { createPublicKey } from 'node:crypto';
import { AuditWorkers } from '../../src/audit/audit-workers';
import { verifyChainAgainstProjection } from '../../src/event-store/hash-chain';
import { verifyStoredChainOn } from '../../src/audit/parallel-chain-check';
import { postgresStoreRecords } from '../../src/audit/postgres-store-scan';
import { auditStore, checksInThread } from '../../src/audit/store-audit';
import { checksInWorkers } from '../../src/audit/worker-batch-checks';
import type { StoredCaseEvent } from '../../src/event-store/event-store.port';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import type { NoteVerifierKey } from '../../src/transparency-log/note-keys';
import { recordFullCase } from '../support/full-case-history';
import { aLogKey, recordCheckpoint } from '../support/log-checkpoints';
import { tamperWithHistory } from '../support/tamper';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { typescriptAuditWorker } from '../support/typescript-audit-worker';

describe('the audit on worker threads', () => {
  let db: TestDatabase;
  let eventStore: PostgresEventStore;
  let sut: AuditWorkers;
  const key = aLogKey();
  const logKey: NoteVerifierKey = { name: key.signer.name, keyId: key.signer.keyId, publicKey: createPublicKey(key.publicKeyPem) };

  beforeAll(async () => {
    db = await createTestDatabase();
    eventStore = new PostgresEventStore(db.dataSource, db.keyStore);
    sut = new AuditWorkers({ databaseUrl: db.url, threads: 2, entry: typescriptAuditWorker() });
  });
  afterAll(async () => {
    await sut?.close();
    await db?.drop();
  });

  it('finds in the store what the audit on one thread finds, in the same order', async () => {
    const caseIds: string[] = [];
    for (let n = 0; n < 6; n++) caseIds.push((await recordFullCase(eventStore, { extraConcerns: 5 })).caseId);
    await recordCheckpoint(db, key);
    // Two cases broken in two ways: an altered event, and a read model that drifted from its events.
    await tamperWithHistory(db, `UPDATE case_events SET type = 'ConcernRaised' WHERE case_id = $1 AND version = 2`, [caseIds[1]]);
    await db.sql(`UPDATE cases SET state = jsonb_set(state, '{riskLevel}', '"LOW"') WHERE case_id = $1`, [caseIds[4]]);
    const store = postgresStoreRecords(db.dataSource);

    const onThreads = await auditStore(store, logKey, undefined, checksInWorkers(sut));

    expect(onThreads).toEqual(await auditStore(store, logKey, undefined, checksInThread(store)));
    expect(onThreads.failures.map(({ caseId }) => caseId).sort()).toEqual([caseIds[1], caseIds[4]].sort());
    expect(onThreads.cases).toBeGreaterThanOrEqual(6);
  });

  describe('recomputing a long chain', () => {
    let events: StoredCaseEvent[];
    beforeAll(async () => {
      const { caseId } = await recordFullCase(eventStore, { extraConcerns: 2_500, eventsPerAppend: 100 });
      events = await eventStore.readStream(caseId);
    });
    const projectionOf = (stream: readonly StoredCaseEvent[]) => ({ version: stream.length, lastHash: stream.at(-1)!.hash });

    it('passes an intact chain', async () => {
      const chain = await verifyStoredChainOn(sut, events[0].caseId, events, projectionOf(events));

      expect(chain).toEqual(verifyChainAgainstProjection(events[0].caseId, events, projectionOf(events)));
      expect(chain.valid).toBe(true);
    });

    it('reports the first altered event, as the check on one thread does', async () => {
      const altered = events.map((event) => (event.version === 2_001 || event.version === 2_400 ? { ...event, idempotencyKey: 'forged' } : event));

      const chain = await verifyStoredChainOn(sut, events[0].caseId, altered, projectionOf(altered));

      expect(chain).toEqual(verifyChainAgainstProjection(events[0].caseId, altered, projectionOf(altered)));
      expect(chain).toMatchObject({ valid: false, firstInvalidVersion: 2_001, problem: 'hash does not match the event content' });
    });

    it('reports a broken link before a later altered hash', async () => {
      const altered = events.map((event) => {
        if (event.version === 1_200) return { ...event, prevHash: '0'.repeat(64) };
        return event.version === 2_300 ? { ...event, idempotencyKey: 'forged' } : event;
      });

      const chain = await verifyStoredChainOn(sut, events[0].caseId, altered, projectionOf(altered));

      expect(chain).toEqual(verifyChainAgainstProjection(events[0].caseId, altered, projectionOf(altered)));
      expect(chain).toMatchObject({ valid: false, firstInvalidVersion: 1_200 });
    });
  });
});

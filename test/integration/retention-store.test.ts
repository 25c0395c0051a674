import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { PostgresRetentionStore } from '../../src/retention-store/postgres-retention-store';
import { recordEndedCase } from '../support/ended-cases';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('the retention store', () => {
  let db: TestDatabase;
  let sut: PostgresRetentionStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    sut = new PostgresRetentionStore(db.dataSource);
  });
  afterAll(() => db?.drop());

  async function aProposedList(): Promise<string> {
    const listId = randomUUID();
    await sut.proposeList({ listId, workflowId: `retention-review-${listId}`, asOf: new Date().toISOString(), rulesSource: 'test', cases: [] });
    return listId;
  }

  it("refuses a second approval by the same person spelled in another case, even when the code above let it through", async () => {
    // Found by the attack pass: `c.jansen` and then `C.JANSEN` carried out a list on their own.
    const listId = await aProposedList();

    expect(await sut.recordListDecision(listId, 'approved', { role: 'coordinator', id: 'c.jansen' })).toBe(true);
    expect(await sut.recordListDecision(listId, 'approved', { role: 'coordinator', id: 'C.JANSEN' })).toBe(false);
    expect(await sut.recordListDecision(listId, 'approved', { role: 'coordinator', id: ' c.jansen' })).toBe(false);
    expect(await sut.recordListDecision(listId, 'approved', { role: 'coordinator', id: 'c.devries' })).toBe(true);
    expect((await sut.findList(listId))?.state).toBe('approved');
  });

  it("reads when a case ended from its ending event, not from a read model the application's login could rewrite", async () => {
    // Found by the attack pass: a backdated closedAt in the cases row brought a case up for destruction early.
    const eventStore = new PostgresEventStore(db.dataSource, db.keyStore);
    const endedAt = '2026-06-01T10:00:00.000Z';
    const caseId = await recordEndedCase(eventStore, { outcome: 'closed', endedAt });
    await db.sql(`UPDATE cases SET state = jsonb_set(state, '{closedAt}', '"2019-01-01T00:00:00Z"') WHERE case_id = $1`, [caseId]);

    const candidate = (await sut.retentionCandidates()).find((c) => c.caseId === caseId);

    expect(candidate?.endedAt).toBe(endedAt);
  });
});

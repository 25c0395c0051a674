import { randomUUID } from 'node:crypto';
import { PostgresRetentionStore } from '../../src/retention-store/postgres-retention-store';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe("the database's own guard of the two-person rule on destruction lists", () => {
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
});

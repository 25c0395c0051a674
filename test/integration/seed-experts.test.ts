import { runCli, type CliOutput } from '../../src/cli';
import { demoExpertPool } from '../../src/experts/demo-expert-pool';
import { ExpertRepository } from '../../src/experts/expert.repository';
import { seedExperts } from '../../src/experts/seed-experts';
import { demoPartnerContacts } from '../../src/partner-directory/demo-partner-contacts';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('seeding the expert pool', () => {
  const pool = demoExpertPool();
  let db: TestDatabase;

  // Each test counts the whole table, so each gets a database of its own.
  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(() => db.drop());

  async function expertCount(): Promise<number> {
    const [{ count }] = await db.sql<{ count: number }>('SELECT count(*)::int AS count FROM experts');
    return count;
  }

  it('creates the whole pool once, and nothing the second time', async () => {
    const first = await seedExperts(new ExpertRepository(db.dataSource));
    const second = await seedExperts(new ExpertRepository(db.dataSource));

    expect(first).toEqual({ created: pool.length, skipped: 0 });
    expect(second).toEqual({ created: 0, skipped: pool.length });
    expect(await expertCount()).toBe(pool.length);
  });

  it('skips an expert who is already present under the same e-mail address in another case', async () => {
    await seedExperts(new ExpertRepository(db.dataSource), [{ ...pool[0], email: pool[0].email.toUpperCase(), capacity: 9 }]);

    const sut = await seedExperts(new ExpertRepository(db.dataSource));

    expect(sut).toEqual({ created: pool.length - 1, skipped: 1 });
    const [kept] = await db.sql<{ capacity: number }>('SELECT capacity FROM experts WHERE lower(email) = $1', [pool[0].email]);
    expect(kept.capacity).toBe(9);
  });

  it('stores every expert as active, with the declared periods and languages', async () => {
    await seedExperts(new ExpertRepository(db.dataSource));

    const rows = await db.sql<{ email: string; active: boolean; unavailable: unknown; languages: string[] }>(
      'SELECT email, active, unavailable, languages FROM experts');
    const byEmail = new Map(rows.map((row) => [row.email, row]));
    for (const expert of pool) {
      expect(byEmail.get(expert.email)).toEqual({
        email: expert.email, active: true, unavailable: expert.unavailable, languages: expert.languages,
      });
    }
  });

  describe('through the command line', () => {
    function capture(): CliOutput & { lines: string[]; errors: string[] } {
      const lines: string[] = [];
      const errors: string[] = [];
      return { lines, errors, out: (line) => lines.push(line), err: (line) => errors.push(line) };
    }

    it('says how many experts and partner contact points it seeded and how many were already there', async () => {
      const first = capture();
      const second = capture();

      expect(await runCli(['seed'], { DATABASE_URL: db.url }, first)).toBe(0);
      expect(await runCli(['seed'], { DATABASE_URL: db.url }, second)).toBe(0);

      const contacts = demoPartnerContacts().length;
      expect(first.lines).toEqual([`seeded ${pool.length} experts (0 already present)`, `seeded ${contacts} partner contact points (0 already present)`]);
      expect(second.lines).toEqual([`seeded 0 experts (${pool.length} already present)`, `seeded 0 partner contact points (${contacts} already present)`]);
      expect(await expertCount()).toBe(pool.length);
    });

    it('exits 1 with the reason when the database cannot be reached', async () => {
      const output = capture();
      const unreachable = 'postgres://nobody:secret@127.0.0.1:1/brigade';

      expect(await runCli(['seed'], { DATABASE_URL: unreachable }, output)).toBe(1);

      expect(output.errors.join('\n')).toMatch(/^brigade seed: /);
    });
  });
});

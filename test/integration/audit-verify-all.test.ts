import { runCli, type CliOutput } from '../../src/cli';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { recordFullCase } from '../support/full-case-history';
import { tamperWithHistory } from '../support/tamper';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const CASES = 40;
// With the 27 events of a full case, 48 extra concerns make 75 events a case: 3,000 events in all.
const EXTRA_CONCERNS = 48;
const EVENTS = CASES * 75;

function capture(): CliOutput & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (line) => lines.push(line), err: (line) => errors.push(line), interactive: false };
}

describe('brigade audit verify --all', () => {
  let db: TestDatabase;
  let caseIds: string[];

  beforeAll(async () => {
    db = await createTestDatabase();
    const eventStore = new PostgresEventStore(db.dataSource);
    const recorded = await Promise.all(Array.from({ length: CASES }, () => recordFullCase(eventStore, { extraConcerns: EXTRA_CONCERNS, eventsPerAppend: 25 })));
    caseIds = recorded.map((record) => record.caseId);
  });
  afterAll(() => db?.drop());

  const verifyAll = async () => {
    const output = capture();
    const code = await runCli(['audit', 'verify', '--all'], { DATABASE_URL: db.url }, output);
    return { code, output };
  };

  it('checks every case of an intact store, reports progress, and exits 0', async () => {
    const { code, output } = await verifyAll();

    expect(output.lines).toEqual([expect.stringMatching(new RegExp(`^${CASES} cases, ${EVENTS} events checked in \\d+\\.\\d s: 0 failures$`))]);
    // Not a terminal: a progress line on stderr now and then, at most one per tenth, the last at 100%.
    expect(output.errors.length).toBeGreaterThan(1);
    expect(output.errors.length).toBeLessThanOrEqual(10);
    expect(output.errors).toEqual(output.errors.map(() => expect.stringMatching(new RegExp(`^\\d+/${CASES} cases \\(\\d+%\\), \\d+ events$`))));
    expect(output.errors.at(-1)).toBe(`${CASES}/${CASES} cases (100%), ${EVENTS} events`);
    expect(code).toBe(0);
  });

  // Each test below repairs what it broke, so that the store is intact again for whichever test runs next.
  it('exits 1 naming the case and version of an altered event', async () => {
    const victim = caseIds[17];
    const original = `'"signal 15 from the neighbourhood"'`;
    const tamper = (concern: string) => tamperWithHistory(db,
      `UPDATE case_events SET data = jsonb_set(data, '{concern}', ${concern}) WHERE case_id = $1 AND version = 30`, [victim]);
    await tamper(`'"nothing to report"'`);
    try {
      const { code, output } = await verifyAll();

      expect(output.lines).toEqual([
        expect.stringMatching(new RegExp(`^${CASES} cases, ${EVENTS} events checked in .*: 1 failure$`)),
        `  FAILED case ${victim} at version 30: hash does not match the event content`,
      ]);
      expect(code).toBe(1);
    } finally {
      await tamper(original);
    }
  });

  it('exits 1 naming a case whose read model drifted from its events', async () => {
    const victim = caseIds[3];
    await db.sql(`UPDATE cases SET state = jsonb_set(state, '{riskLevel}', '"LOW"') WHERE case_id = $1`, [victim]);
    try {
      const { code, output } = await verifyAll();

      expect(output.lines[1]).toBe(`  FAILED case ${victim} at version 75: the read model's state differs from the fold of the events in: riskLevel`);
      expect(code).toBe(1);
    } finally {
      await db.sql(`UPDATE cases SET state = jsonb_set(state, '{riskLevel}', '"HIGH"') WHERE case_id = $1`, [victim]);
    }
  });

  it('refuses a bundle file together with --all', async () => {
    const output = capture();

    expect(await runCli(['audit', 'verify', '--all', 'case.audit.json'], { DATABASE_URL: db.url }, output)).toBe(2);
    expect(output.errors.join('\n')).toContain('give either a bundle file or --all, not both');
  });
});

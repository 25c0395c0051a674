import { runCli, type CliOutput } from '../../src/cli';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { recordFullCase } from '../support/full-case-history';
import { aLogKey, recordCheckpoint } from '../support/log-checkpoints';
import { tamperWithHistory, tamperWithTable } from '../support/tamper';
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
  const logKey = aLogKey();

  beforeAll(async () => {
    db = await createTestDatabase();
    const eventStore = new PostgresEventStore(db.dataSource, db.keyStore);
    const recorded = await Promise.all(Array.from({ length: CASES }, () => recordFullCase(eventStore, { extraConcerns: EXTRA_CONCERNS, eventsPerAppend: 25 })));
    caseIds = recorded.map((record) => record.caseId);
  });
  afterAll(() => db?.drop());

  const verifyAll = async () => {
    const output = capture();
    // An auditor's copy of the log's public key: the checkpoints are checked without the signing key at hand.
    const code = await runCli(['audit', 'verify', '--all'], { DATABASE_URL: db.url, BRIGADE_LOG_PUBLIC_KEY: logKey.publicKeyPem }, output);
    return { code, output };
  };

  it('checks every case of an intact store, reports progress, and exits 0', async () => {
    const { code, output } = await verifyAll();

    expect(output.lines).toEqual([
      expect.stringMatching(new RegExp(`^${CASES} cases, ${EVENTS} events checked in \\d+\\.\\d s: 0 failures$`)),
      `transparency log of ${EVENTS} leaves, no checkpoint yet: 0 failures`,
    ]);
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
    // The concern is stored sealed, so what is put back is the stored form, read before the change.
    const [{ concern: original }] = await db.sql<{ concern: unknown }>(`SELECT data->'concern' AS concern FROM case_events WHERE case_id = $1 AND version = 30`, [victim]);
    const tamper = (concern: unknown) => tamperWithHistory(db,
      `UPDATE case_events SET data = jsonb_set(data, '{concern}', $2::jsonb) WHERE case_id = $1 AND version = 30`, [victim, JSON.stringify(concern)]);
    await tamper('nothing to report');
    try {
      const { code, output } = await verifyAll();

      expect(output.lines).toEqual([
        expect.stringMatching(new RegExp(`^${CASES} cases, ${EVENTS} events checked in .*: 1 failure$`)),
        `  FAILED case ${victim} at version 30: hash does not match the event content`,
        // The leaf still holds the hash the event was appended with; only the event's content changed.
        `transparency log of ${EVENTS} leaves, no checkpoint yet: 0 failures`,
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

  describe('the transparency log', () => {
    // Checkpoints are append-only too: each test that makes one removes it as the owner, so the next test finds none.
    const removeCheckpoints = () => tamperWithTable(db, 'transparency_log_checkpoints', 'DELETE FROM transparency_log_checkpoints');
    const leafOf = async (caseId: string, version: number) =>
      (await db.sql<{ leaf_index: string; event_hash: string }>('SELECT leaf_index, event_hash FROM transparency_log_leaves WHERE case_id = $1 AND version = $2', [caseId, version]))[0];

    it('exits 1 naming the checkpoint below which a leaf was rewritten', async () => {
      const victim = caseIds[21];
      const leaf = await leafOf(victim, 12);
      const size = await recordCheckpoint(db, logKey);
      const rewrite = (hash: string) => tamperWithTable(db, 'transparency_log_leaves', 'UPDATE transparency_log_leaves SET event_hash = $1 WHERE leaf_index = $2', [hash, leaf.leaf_index]);
      await rewrite('ab'.repeat(32));
      try {
        const { code, output } = await verifyAll();

        expect(output.lines.slice(1)).toEqual([
          `transparency log of ${EVENTS} leaves, 1 checkpoint up to ${size} leaves: 2 failures`,
          `  FAILED log case ${victim} at version 12: leaf ${leaf.leaf_index} holds another hash than the event's`,
          `  FAILED log: the log below checkpoint ${size} was rewritten: its leaves no longer give the signed root`,
        ]);
        expect(code).toBe(1);
      } finally {
        await rewrite(leaf.event_hash);
        await removeCheckpoints();
      }
    });

    it('exits 1 naming an event that has no leaf, and the index it left empty', async () => {
      const victim = caseIds[5];
      const leaf = await leafOf(victim, 40);
      await tamperWithTable(db, 'transparency_log_leaves', 'DELETE FROM transparency_log_leaves WHERE leaf_index = $1', [leaf.leaf_index]);
      try {
        const { code, output } = await verifyAll();

        expect(output.lines.slice(1)).toEqual([
          `transparency log of ${EVENTS} leaves, no checkpoint yet: 2 failures`,
          `  FAILED log case ${victim} at version 40: the event has no leaf in the transparency log`,
          `  FAILED log: leaf ${leaf.leaf_index} is missing`,
        ]);
        expect(code).toBe(1);
      } finally {
        await db.sql('INSERT INTO transparency_log_leaves (leaf_index, case_id, version, event_hash) VALUES ($1, $2, 40, $3)', [leaf.leaf_index, victim, leaf.event_hash]);
      }
    });

    it('exits 1 naming the case and version of a leaf whose event is gone', async () => {
      const victim = caseIds[9];
      const leaf = await leafOf(victim, 75);
      const [{ row }] = await db.sql<{ row: object }>('SELECT to_jsonb(e) AS row FROM case_events e WHERE case_id = $1 AND version = 75', [victim]);
      await tamperWithHistory(db, 'DELETE FROM case_events WHERE case_id = $1 AND version = 75', [victim]);
      try {
        const { code, output } = await verifyAll();

        expect(output.lines).toEqual([
          expect.stringMatching(new RegExp(`^${CASES} cases, ${EVENTS - 1} events checked in .*: 1 failure$`)),
          `  FAILED case ${victim} at version 75: the read model is at version 75, but the stream ends at version 74`,
          `transparency log of ${EVENTS} leaves, no checkpoint yet: 1 failure`,
          `  FAILED log case ${victim} at version 75: leaf ${leaf.leaf_index} has no event: the event it logged is gone`,
        ]);
        expect(code).toBe(1);
      } finally {
        await db.sql('INSERT INTO case_events SELECT * FROM jsonb_populate_record(NULL::case_events, $1)', [row]);
      }
    });

    it('exits 1 naming a checkpoint whose signature was altered', async () => {
      // A character well inside the signature, past the key id: the key is still known, the signature no longer holds.
      const size = await recordCheckpoint(db, logKey, (note) => {
        const at = note.length - 20;
        return `${note.slice(0, at)}${note[at] === 'A' ? 'B' : 'A'}${note.slice(at + 1)}`;
      });
      try {
        const { code, output } = await verifyAll();

        expect(output.lines.slice(1)).toEqual([
          `transparency log of ${EVENTS} leaves, 1 checkpoint up to ${size} leaves: 1 failure`,
          expect.stringMatching(new RegExp(`^  FAILED log: checkpoint ${size}: the signature of trusted key \\S+ does not verify$`)),
        ]);
        expect(code).toBe(1);
      } finally {
        await removeCheckpoints();
      }
    });

    // Last: the case it appends stays, as appended events cannot be taken back.
    it('finds two checkpoints with events appended between them consistent, and exits 0', async () => {
      const first = await recordCheckpoint(db, logKey);
      const appended = await recordFullCase(new PostgresEventStore(db.dataSource, db.keyStore), { extraConcerns: 3, eventsPerAppend: 25 });
      const second = await recordCheckpoint(db, logKey);
      try {
        const { code, output } = await verifyAll();

        expect(second).toBe(first + appended.events.length);
        expect(output.lines).toEqual([
          expect.stringMatching(new RegExp(`^${CASES + 1} cases, ${second} events checked in .*: 0 failures$`)),
          `transparency log of ${second} leaves, 2 checkpoints up to ${second} leaves: 0 failures`,
        ]);
        expect(code).toBe(0);
      } finally {
        await removeCheckpoints();
      }
    });
  });
});

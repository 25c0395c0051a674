import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CheckpointsModule } from '../../src/checkpoints/checkpoints.module';
import { PostgresEventStore } from '../../src/event-store/postgres-event-store';
import { createApiApp, type ApiApp } from '../support/api-app';
import { eventually } from '../support/eventually';
import { recordFullCase } from '../support/full-case-history';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// --- An auditor's own few lines, straight from RFC 6962/9162 and C2SP signed-note, sharing no code with src/. ---
const sha256 = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
const leaf = (eventHashHex: string) => sha256(Buffer.from([0]), Buffer.from(eventHashHex, 'hex'));
const node = (left: Buffer, right: Buffer) => sha256(Buffer.from([1]), left, right);
function mth(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return sha256();
  if (leaves.length === 1) return leaves[0];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return node(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}
function rootFromInclusion(leafHash: Buffer, index: number, size: number, proof: readonly Buffer[]): Buffer | null {
  let [fn, sn, r] = [index, size - 1, leafHash];
  for (const p of proof) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = node(p, r);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn >> 1, sn >> 1];
    } else r = node(r, p);
    [fn, sn] = [fn >> 1, sn >> 1];
  }
  return sn === 0 ? r : null;
}
function consistent(m: number, n: number, oldRoot: Buffer, newRoot: Buffer, proof: readonly Buffer[]): boolean {
  if (m === n) return proof.length === 0 && oldRoot.equals(newRoot);
  const path = (m & (m - 1)) === 0 ? [oldRoot, ...proof] : [...proof];
  let [fn, sn] = [m - 1, n - 1];
  while (fn % 2 === 1) [fn, sn] = [fn >> 1, sn >> 1];
  let [fr, sr] = [path[0], path[0]];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      [fr, sr] = [node(c, fr), node(c, sr)];
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn >> 1, sn >> 1];
    } else sr = node(sr, c);
    [fn, sn] = [fn >> 1, sn >> 1];
  }
  return sn === 0 && fr.equals(oldRoot) && sr.equals(newRoot);
}
function openNote(note: string, publicKeyPem: string, origin: string): { size: number; root: Buffer } {
  const [text, signatures] = note.split('\n\n');
  const [, name, encoded] = /^\u2014 (\S+) (\S+)$/u.exec(signatures.trim())!;
  const signature = Buffer.from(encoded, 'base64');
  const raw = createPublicKey(publicKeyPem).export({ format: 'der', type: 'spki' }).subarray(-32);
  const keyId = sha256(Buffer.from(`${origin}\n`), Buffer.from([1]), raw).subarray(0, 4);
  expect(name).toBe(origin);
  expect(signature.subarray(0, 4)).toEqual(keyId);
  expect(verifySignature(null, Buffer.from(`${text}\n`), createPublicKey(publicKeyPem), signature.subarray(4))).toBe(true);
  const [lineOrigin, size, root] = text.split('\n');
  expect(lineOrigin).toBe(origin);
  return { size: Number(size), root: Buffer.from(root, 'base64') };
}
// ---

describe('the transparency log over HTTP', () => {
  let db: TestDatabase;
  let app: ApiApp;
  let witness: string;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.dataSource, db.keyStore);
    witness = await mkdtemp(path.join(tmpdir(), 'brigade-witness-'));
    // Checkpoints on demand only here, so each test knows which exist; the timer has a test and an app of its own.
    app = await createApiApp(db, { imports: [CheckpointsModule], env: { BRIGADE_CHECKPOINT_DIR: witness, BRIGADE_CHECKPOINT_INTERVAL: '1h', BRIGADE_LOG_ORIGIN: 'brigade.test/log' } });
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const auditor = () => app.as('auditor', 'a.devries');
  const leavesInDatabase = async () => (await db.sql<{ event_hash: string }>('SELECT event_hash FROM transparency_log_leaves ORDER BY leaf_index')).map((row) => leaf(row.event_hash));

  it('gives each appended event one leaf, gap-free in commit order, even when appends race', async () => {
    await Promise.all(Array.from({ length: 8 }, () => recordFullCase(store, { eventsPerAppend: 2 })));

    const rows = await db.sql<{ leaf_index: string; case_id: string; version: number; event_hash: string; hash: string; position: string }>(`
      SELECT l.leaf_index, l.case_id, l.version, l.event_hash, e.hash, e.position
        FROM transparency_log_leaves l JOIN case_events e USING (case_id, version) ORDER BY l.leaf_index`);
    const [{ events }] = await db.sql<{ events: number }>('SELECT count(*)::int AS events FROM case_events');
    expect(rows.map((row) => Number(row.leaf_index))).toEqual(Array.from({ length: events }, (_, index) => index));
    expect(rows.every((row) => row.event_hash === row.hash)).toBe(true);
    // Within a case, a later version never precedes an earlier one in the log.
    const byCase = new Map<string, number[]>();
    for (const row of rows) byCase.set(row.case_id, [...(byCase.get(row.case_id) ?? []), row.version]);
    for (const versions of byCase.values()) expect(versions).toEqual([...versions].sort((a, b) => a - b));
    const [{ tree_size: size }] = await db.sql<{ tree_size: string }>('SELECT tree_size FROM transparency_log_head');
    expect(Number(size)).toBe(events);
  });

  it('signs a checkpoint an auditor can check with a few lines of their own, and ships a copy to the witness folder', async () => {
    const key = (await auditor().get('/checkpoints/public-key').expect(200)).body;
    const made = (await auditor().post('/checkpoints').expect(200)).body;

    const leaves = await leavesInDatabase();
    const { size, root } = openNote(made.checkpoint.signedNote, key.publicKeyPem, 'brigade.test/log');
    expect(made.created).toBe(true);
    expect(size).toBe(leaves.length);
    expect(root).toEqual(mth(leaves));
    expect(made.checkpoint.rootHash).toBe(root.toString('hex'));
    expect(key.verifierKey).toMatch(new RegExp(`^brigade\\.test/log\\+${made.checkpoint.keyId}\\+`));
    expect((await auditor().get('/checkpoints/latest').expect(200)).body).toEqual(made.checkpoint);
    expect(await readFile(path.join(witness, `checkpoint-${size}`), 'utf8')).toBe(made.checkpoint.signedNote);
    expect(await readFile(path.join(witness, 'latest'), 'utf8')).toBe(made.checkpoint.signedNote);
    expect((await auditor().post('/checkpoints').expect(200)).body).toEqual({ checkpoint: made.checkpoint, created: false });
  });

  it('makes the next checkpoint by itself once events arrive, consistent with the first', async () => {
    const first = (await auditor().get('/checkpoints/latest').expect(200)).body;
    await recordFullCase(store);
    const timed = await createApiApp(db, { imports: [CheckpointsModule], env: { BRIGADE_CHECKPOINT_DIR: witness, BRIGADE_CHECKPOINT_INTERVAL: '1s', BRIGADE_LOG_ORIGIN: 'brigade.test/log' } });

    const second = await eventually(async () => {
      const latest = (await auditor().get('/checkpoints/latest').expect(200)).body;
      return latest.treeSize > first.treeSize ? latest : undefined;
    }, 'a checkpoint over the new events', 10_000).finally(() => timed.close());
    const proof = (await auditor().get(`/checkpoints/consistency?from=${first.treeSize}&to=${second.treeSize}`).expect(200)).body;

    expect(proof).toMatchObject({ fromSize: first.treeSize, toSize: second.treeSize, fromRoot: first.rootHash, toRoot: second.rootHash, toCheckpoint: second.signedNote });
    expect(consistent(first.treeSize, second.treeSize, Buffer.from(first.rootHash, 'hex'), Buffer.from(second.rootHash, 'hex'), proof.proof.map((h: string) => Buffer.from(h, 'hex')))).toBe(true);
    const listed = (await auditor().get('/checkpoints?fromSize=0&limit=10').expect(200)).body.checkpoints;
    expect(listed.map((checkpoint: { treeSize: number }) => checkpoint.treeSize)).toEqual([first.treeSize, second.treeSize]);
    expect((await readdir(witness)).sort()).toEqual(['latest', `checkpoint-${first.treeSize}`, `checkpoint-${second.treeSize}`].sort());
  });

  it('proves each event of a case included in the checkpoint, checked by the auditor\'s own verifier', async () => {
    const { caseId } = await recordFullCase(store);
    await auditor().post('/checkpoints').expect(200);
    const stored = await store.readStream(caseId);

    const answer = (await auditor().get(`/cases/${caseId}/inclusion-proofs`).expect(200)).body;

    const root = Buffer.from(answer.checkpoint.rootHash, 'hex');
    expect(answer.entries.map((entry: { version: number }) => entry.version)).toEqual(stored.map((event) => event.version));
    for (const [index, entry] of answer.entries.entries()) {
      expect(entry.eventHash).toBe(stored[index].hash);
      const proof = entry.proof.map((hash: string) => Buffer.from(hash, 'hex'));
      expect(rootFromInclusion(leaf(stored[index].hash), entry.leafIndex, answer.checkpoint.treeSize, proof)).toEqual(root);
      expect(rootFromInclusion(leaf(stored[(index + 1) % stored.length].hash), entry.leafIndex, answer.checkpoint.treeSize, proof)).not.toEqual(root);
    }
  });

  it.each([
    ['from larger than to', '/checkpoints/consistency?from=5&to=3', 400, { code: 'range_reversed', params: { from: 5, to: 3 } }],
    ['to beyond the newest checkpoint', '/checkpoints/consistency?from=1&to=999999', 400, { code: 'range_beyond_checkpoint', params: { to: 999999 } }],
    ['a size that is not a number', '/checkpoints/consistency?from=1e1&to=3', 400, { code: 'not_a_whole_number', params: {} }],
    ['a limit too long', '/checkpoints?limit=5000', 400, { code: 'too_large', params: { max: 1000 } }],
    ['proofs against a size no checkpoint has', `/cases/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/inclusion-proofs?treeSize=2`, 404,
      { code: 'unknown_checkpoint', params: { detail: expect.stringContaining('no checkpoint was made at tree size 2') } }],
  ])('refuses %s, naming the problem by its code', async (_case, url, status, problem) => {
    const answer = await auditor().get(url).expect(status);

    // A refusal of the request names its reason; refused input names its field's problem.
    const named = answer.body.fields.length > 0 ? answer.body.fields[0].issues[0] : answer.body.reason;
    expect(named).toMatchObject(problem);
  });

  it('refuses to sign over leaves rewritten below a signed checkpoint, in a process that reads the log afresh', async () => {
    const latest = (await auditor().get('/checkpoints/latest').expect(200)).body;
    await recordFullCase(store);
    await db.ownerTransaction(async (sql) => {
      await sql('ALTER TABLE transparency_log_leaves DISABLE TRIGGER USER');
      await sql(`UPDATE transparency_log_leaves SET event_hash = repeat('a', 64) WHERE leaf_index = 1`);
      await sql('ALTER TABLE transparency_log_leaves ENABLE TRIGGER USER');
    });
    const fresh = await createApiApp(db, { imports: [CheckpointsModule], env: { BRIGADE_LOG_ORIGIN: 'brigade.test/log' } });
    try {
      const refused = await fresh.as('auditor', 'a.devries').post('/checkpoints').expect(409);

      expect(refused.body.reason.params.detail).toContain(`no longer hash to checkpoint ${latest.treeSize}'s root`);
      expect((await fresh.as('auditor', 'a.devries').get('/checkpoints/latest').expect(200)).body.treeSize).toBe(latest.treeSize);
    } finally {
      await fresh.close();
    }
  });

  it('refuses, in a fresh process, to sign once the database lost checkpoints the witness folder keeps', async () => {
    const witnessed = await readFile(path.join(witness, 'latest'), 'utf8');
    await db.ownerTransaction(async (sql) => {
      await sql('ALTER TABLE transparency_log_checkpoints DISABLE TRIGGER USER');
      await sql('DELETE FROM transparency_log_checkpoints');
      await sql('ALTER TABLE transparency_log_checkpoints ENABLE TRIGGER USER');
    });
    const fresh = await createApiApp(db, { imports: [CheckpointsModule], env: { BRIGADE_CHECKPOINT_DIR: witness, BRIGADE_LOG_ORIGIN: 'brigade.test/log' } });
    try {
      const refused = await fresh.as('auditor', 'a.devries').post('/checkpoints').expect(409);

      expect(refused.body.reason.params.detail).toMatch(/the witness folder holds checkpoint \d+, which the database no longer has \(its newest is none\): checkpoints were deleted/);
      expect(await readFile(path.join(witness, 'latest'), 'utf8')).toBe(witnessed);
    } finally {
      await fresh.close();
    }
  });
});

import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AUDIT_BUNDLE_FORMAT, AUDIT_BUNDLE_VERSION, type AuditBundle, type BundledHistory } from '../../../src/audit/audit-bundle';
import { verifyAuditBundle } from '../../../src/audit/bundle-verifier';
import type { CaseVerification } from '../../../src/audit/case-verification';
import { checkNewerCheckpoint } from '../../../src/audit/newer-checkpoint-check';
import { NO_KEYS } from '../../../src/audit/workflow-replayer';
import type { StoredCaseEvent } from '../../../src/event-store/event-store.port';
import { formatCheckpoint } from '../../../src/transparency-log/checkpoint';
import { eventLeafHash } from '../../../src/transparency-log/merkle-hashing';
import { MerkleTree } from '../../../src/transparency-log/merkle-tree';
import { createNoteSigner, verifierKeyText } from '../../../src/transparency-log/note-keys';
import { signNote } from '../../../src/transparency-log/signed-note';
import { caseFixtures, chained, recordedStream } from '../../support/recorded-stream';

const ORIGIN = 'brigade.test/case-events';
const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'histories');
const history = (file: string): BundledHistory => JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8'));
const histories = [history('full-case-incident.json'), history('full-case-incident.ladder-1.json')];
const caseId = histories[0].workflowId.replace(/^case-/, '');
const logKey = generateKeyPairSync('ed25519');
const signer = createNoteSigner(ORIGIN, logKey.privateKey);
const trustedKey = verifierKeyText(ORIGIN, logKey.publicKey);
// Leaves of other cases around this one's, as in a log shared by every case.
const OTHER_LEAVES = 7;

let events: StoredCaseEvent[];
beforeAll(async () => {
  events = chained(await recordedStream(caseFixtures('full-case-incident.json'), NO_KEYS));
});

/** A log holding some other leaves, then this case's events, then `after` more; checkpointed at its full size. */
function logAround(caseEvents: readonly StoredCaseEvent[], after = 0) {
  const tree = new MerkleTree();
  const filler = (n: number, seed: number) => Array.from({ length: n }, (_, i) => eventLeafHash((seed + i).toString(16).padStart(64, '0')));
  tree.append(filler(OTHER_LEAVES, 1));
  tree.append(caseEvents.map((event) => eventLeafHash(event.hash)));
  tree.append(filler(after, 1_000));
  return tree;
}

function checkpointOf(tree: MerkleTree, size = tree.size): string {
  return signNote(formatCheckpoint({ origin: ORIGIN, treeSize: size, rootHash: tree.rootAt(size) }), signer);
}

function bundleWith(bundleEvents: readonly StoredCaseEvent[], tree: MerkleTree, checkpoint = checkpointOf(tree)): AuditBundle {
  const size = tree.size;
  const entries = events.map((event, index) => ({
    version: event.version, leafIndex: OTHER_LEAVES + index, eventHash: event.hash,
    proof: tree.inclusionProof(OTHER_LEAVES + index, size).map((hash) => hash.toString('hex')),
  })).filter((entry) => bundleEvents.some((event) => event.version === entry.version));
  return {
    format: AUDIT_BUNDLE_FORMAT, formatVersion: AUDIT_BUNDLE_VERSION, caseId, exportedAt: '2027-05-01T12:00:00.000Z',
    events: bundleEvents, workflowHistories: histories, log: { origin: ORIGIN, keyId: '00000000', checkpoint, entries },
    verification: { valid: true } as CaseVerification,
  };
}

describe('an exported bundle checked offline against its checkpoint', () => {
  it('passes when every event is proven included in the signed checkpoint and is the one the history recorded', async () => {
    const sut = await verifyAuditBundle(bundleWith(events, logAround(events, 3)), NO_KEYS, trustedKey);

    expect(sut).toMatchObject({
      valid: true, recordedEvents: { status: 'passed' },
      log: { status: 'passed', coveredEvents: events.length, pendingEvents: 0, checkpointSize: OTHER_LEAVES + events.length + 3 },
    });
  });

  it('fails a bundle whose last event was removed with its proof: the history recorded it', async () => {
    const sut = await verifyAuditBundle(bundleWith(events.slice(0, -1), logAround(events)), NO_KEYS, trustedKey);

    expect(sut.valid).toBe(false);
    expect(sut.recordedEvents).toMatchObject({ status: 'mismatch', firstMismatch: { version: events.length, field: null } });
    expect(sut.recordedEvents.firstMismatch?.problem).toContain('is not stored');
  });

  it('fails a bundle whose last event was removed but whose leaf entry stayed: the log names the removal', async () => {
    const bundle = bundleWith(events, logAround(events));
    const sut = await verifyAuditBundle({ ...bundle, events: events.slice(0, -1) }, NO_KEYS, trustedKey);

    expect(sut.log).toMatchObject({ status: 'failed', firstInvalidVersion: events.length });
    expect(sut.log.problem).toContain('which is not stored: an event was removed');
  });

  it('fails an event altered and re-chained after the checkpoint: its inclusion proof no longer holds', async () => {
    const tree = logAround(events);
    const altered = chained(events.map((event, index) => (index === 1 ? { ...event, data: { ...(event.data as object), forged: true } } : event)) as StoredCaseEvent[]);
    const bundle = bundleWith(events, tree);
    const entries = bundle.log!.entries.map((entry, index) => ({ ...entry, eventHash: altered[index].hash }));

    const sut = await verifyAuditBundle({ ...bundle, events: altered, log: { ...bundle.log!, entries } }, NO_KEYS, trustedKey);

    expect(sut.log).toMatchObject({ status: 'failed', firstInvalidVersion: 2 });
    expect(sut.recordedEvents).toMatchObject({ status: 'mismatch', firstMismatch: { version: 2 } });
  });

  it('calls the log check unavailable without a trusted key, and failed with another key', async () => {
    const bundle = bundleWith(events, logAround(events));
    const other = generateKeyPairSync('ed25519');

    const withoutKey = await verifyAuditBundle(bundle, NO_KEYS, null);
    const withOtherKey = await verifyAuditBundle(bundle, NO_KEYS, verifierKeyText(ORIGIN, other.publicKey));

    expect(withoutKey).toMatchObject({ valid: false, log: { status: 'unavailable' } });
    expect(withOtherKey).toMatchObject({ valid: false, log: { status: 'failed' } });
  });

  it('fails a checkpoint whose root was replaced and re-signed by someone without the key', async () => {
    const tree = logAround(events);
    const forger = createNoteSigner(ORIGIN, generateKeyPairSync('ed25519').privateKey);
    const forged = signNote(formatCheckpoint({ origin: ORIGIN, treeSize: tree.size, rootHash: Buffer.alloc(32, 7) }), forger);

    const sut = await verifyAuditBundle(bundleWith(events, tree, forged), NO_KEYS, trustedKey);

    expect(sut.log.status).toBe('failed');
    expect(sut.log.problem).toContain('signature');
  });
});

describe('a bundle checked against a newer checkpoint', () => {
  it('passes when the newer checkpoint extends the bundle\'s, with the consistency proof the server gives', () => {
    const tree = logAround(events);
    const bundle = bundleWith(events, tree);
    const olderSize = tree.size;
    tree.append([eventLeafHash('ab'.repeat(32)), eventLeafHash('cd'.repeat(32))]);
    const proof = tree.consistencyProof(olderSize, tree.size).map((hash) => hash.toString('hex'));

    const sut = checkNewerCheckpoint(bundle, { signedNote: checkpointOf(tree), consistencyProof: proof }, trustedKey);

    expect(sut).toEqual({ status: 'passed', fromSize: olderSize, toSize: olderSize + 2, problem: null });
  });

  it('fails a newer checkpoint over a log whose leaves below the bundle\'s checkpoint were rewritten', () => {
    const bundle = bundleWith(events, logAround(events));
    const rewritten = logAround(events.map((event, index) => (index === 0 ? { ...event, hash: 'ee'.repeat(32) } : event)), 2);
    const proof = rewritten.consistencyProof(bundle.events.length + OTHER_LEAVES, rewritten.size).map((hash) => hash.toString('hex'));

    const sut = checkNewerCheckpoint(bundle, { signedNote: checkpointOf(rewritten), consistencyProof: proof }, trustedKey);

    expect(sut.status).toBe('failed');
    expect(sut.problem).toContain('does not extend');
  });

  it('asks for the consistency proof when given a bare newer checkpoint', () => {
    const tree = logAround(events);
    const bundle = bundleWith(events, tree);
    tree.append([eventLeafHash('ab'.repeat(32))]);

    const sut = checkNewerCheckpoint(bundle, { signedNote: checkpointOf(tree) }, trustedKey);

    expect(sut.status).toBe('unavailable');
    expect(sut.problem).toContain(`GET /checkpoints/consistency?from=${tree.size - 1}&to=${tree.size}`);
  });
});

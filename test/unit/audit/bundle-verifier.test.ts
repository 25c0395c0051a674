import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AUDIT_BUNDLE_FORMAT, AUDIT_BUNDLE_VERSION, type AuditBundle, type BundledHistory } from '../../../src/audit/audit-bundle';
import { readAuditBundle } from '../../../src/audit/audit-bundle.reader';
import { verifyAuditBundle } from '../../../src/audit/bundle-verifier';
import type { CaseVerification } from '../../../src/audit/case-verification';
import type { NewCaseEvent } from '../../../src/domain/case.events';
import type { StoredCaseEvent } from '../../../src/event-store/event-store.port';
import { GENESIS_HASH, chainHash } from '../../../src/event-store/hash-chain';
import { aSupportRequest } from '../../support/case-fixtures';
import { aFullCaseHistory } from '../../support/full-case-history';
import { caseFixtures, chained as recordedChained, recordedStream } from '../../support/recorded-stream';
import { NO_KEYS } from '../../../src/audit/workflow-replayer';
import { literalText } from '../../../src/domain/domain-text';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'histories');
const history = (file: string): BundledHistory => JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8'));

/** Numbers and hash-chains events as the store would have recorded them. */
function chained(caseId: string, events: readonly NewCaseEvent[]): StoredCaseEvent[] {
  let prevHash = GENESIS_HASH;
  return events.map((event, index) => {
    const envelope = {
      ...event, caseId, version: index + 1, recordedAt: event.occurredAt, causation: { workflowId: `case-${caseId}` }, idempotencyKey: `key-${index}`,
    };
    const hash = chainHash(prevHash, envelope);
    const stored = { ...envelope, position: index + 1, prevHash, hash } as StoredCaseEvent;
    prevHash = hash;
    return stored;
  });
}

// The recorded incident case and its escalation ladder, with a full history of events for the same case id.
const caseHistory = history('full-case-incident.json');
const ladderHistory = history('full-case-incident.ladder-1.json');
const caseId = caseHistory.workflowId.replace(/^case-/, '');
const fullHistory = aFullCaseHistory(aSupportRequest({ caseId }));
// The events the fixture's workflow recorded, as the store would hold them: the stream an intact bundle carries.
let recorded: StoredCaseEvent[];
beforeAll(async () => {
  recorded = recordedChained(await recordedStream(caseFixtures('full-case-incident.json'), NO_KEYS));
});

// Before any checkpoint: every event has its leaf, and the log check is pending, which is no finding.
function aBundle(overrides: Partial<AuditBundle> = {}): AuditBundle {
  // Tables built while the tests are collected come before beforeAll; their shape checks need any chained stream.
  const events = overrides.events ?? recorded ?? chained(caseId, fullHistory);
  const entries = events.map((event, index) => ({ version: event.version, leafIndex: index, eventHash: event.hash, proof: null }));
  return {
    format: AUDIT_BUNDLE_FORMAT, formatVersion: AUDIT_BUNDLE_VERSION, caseId, exportedAt: '2027-05-01T12:00:00.000Z',
    events, workflowHistories: [caseHistory, ladderHistory],
    log: { origin: 'brigade.test/log', keyId: '00000000', checkpoint: null, entries },
    verification: { valid: true } as CaseVerification,
    ...overrides,
  };
}

describe('verifying an audit bundle offline', () => {
  it('passes an intact bundle: chain, fold and the replay of every workflow', async () => {
    const sut = await verifyAuditBundle(aBundle());

    expect(sut).toMatchObject({
      caseId, valid: true, projection: null,
      chain: { valid: true, eventCount: recorded.length }, fold: { valid: true, stage: 'Closed' },
      replay: { status: 'passed', workflows: [{ workflowId: caseHistory.workflowId }, { workflowId: ladderHistory.workflowId }] },
      recordedEvents: { status: 'passed', comparedEvents: recorded.length },
      log: { status: 'pending', pendingEvents: recorded.length },
    });
  });

  it('names the version of an event whose content was changed', async () => {
    const events = chained(caseId, fullHistory);
    events[13] = { ...events[13], data: { from: 'MEDIUM', to: 'LOW', reason: literalText('nothing happened') } } as StoredCaseEvent;

    const sut = await verifyAuditBundle(aBundle({ events }));

    expect(sut).toMatchObject({ valid: false, chain: { valid: false, firstInvalidVersion: 14, problem: 'hash does not match the event content' } });
  });

  it('fails events re-chained into an order the case cannot have had', async () => {
    const reordered = [...fullHistory];
    [reordered[0], reordered[1]] = [reordered[1], reordered[0]];

    const sut = await verifyAuditBundle(aBundle({ events: chained(caseId, reordered) }));

    expect(sut).toMatchObject({
      valid: false, chain: { valid: true }, fold: { valid: false, failedVersion: 1, problem: `case ${caseId} starts with IntakeAssessed, not RequestReceived` },
    });
  });

  it('fails the events of another case passed off as this one', async () => {
    const other = aSupportRequest();

    const sut = await verifyAuditBundle(aBundle({ events: chained(other.caseId, aFullCaseHistory(other)) }));

    expect(sut.chain).toMatchObject({ valid: false, firstInvalidVersion: 1, problem: `version 1 belongs to case ${other.caseId}` });
  });

  it('fails a history of another case\'s workflow', async () => {
    const foreign = history('full-case-citizen-meeting.json');

    const sut = await verifyAuditBundle(aBundle({ workflowHistories: [caseHistory, foreign] }));

    expect(sut).toMatchObject({ valid: false, replay: { status: 'diverged', firstDivergence: { workflowId: foreign.workflowId, errorType: 'ForeignWorkflow' } } });
  });

  it('calls a bundle without the history of a ladder the case workflow started unavailable, naming it', async () => {
    const sut = await verifyAuditBundle(aBundle({ workflowHistories: [caseHistory] }));

    expect(sut).toMatchObject({ valid: false, replay: { status: 'unavailable' } });
    expect(sut.replay.workflows).toContainEqual(expect.objectContaining({
      workflowId: ladderHistory.workflowId, status: 'unavailable', message: `the bundle holds no history of ${ladderHistory.workflowId}, which ${caseHistory.workflowId} started`,
    }));
  });

  it('calls a bundle without the case workflow\'s history unavailable, not passed', async () => {
    const sut = await verifyAuditBundle(aBundle({ workflowHistories: [ladderHistory] }));

    expect(sut.valid).toBe(false);
    expect(sut.replay.status).toBe('unavailable');
    expect(sut.replay.workflows).toContainEqual({
      workflowId: caseHistory.workflowId, status: 'unavailable', errorType: null, message: `the bundle holds no history of ${caseHistory.workflowId}`, source: null,
    });
  });
});

describe('reading an audit bundle', () => {
  it('reads back a bundle as it was written', () => {
    const bundle = aBundle();

    expect(readAuditBundle(JSON.stringify(bundle))).toEqual(bundle);
  });

  it.each([
    ['a bundle of another layout version', { formatVersion: 3 }, 'its formatVersion 3 is not one this Brigade reads (1 or 2)'],
    ['a layout-2 bundle without its log section', { log: undefined }, 'it has no log section'],
    ['a log entry with a short hash', { log: { origin: 'o', keyId: '00000000', checkpoint: null, entries: [{ version: 1, leafIndex: 0, eventHash: 'ab', proof: null }] } },
      'log.entries[0] must have a whole version and leafIndex and a 64-digit hex eventHash'],
    ['an event without its hash', { events: [{ ...aBundle().events[0], hash: undefined }] }, 'events[0].hash must be a text'],
    ['an event without an actor id', { events: [{ ...aBundle().events[0], actor: { role: 'coordinator' } }] }, 'events[0].actor must be a role and an id'],
    ['a history without events', { workflowHistories: [{ workflowId: 'case-x', history: { events: [] } }] }, 'workflowHistories[0] (case-x) has no history events'],
    ['a history that is not Temporal\'s', { workflowHistories: [{ workflowId: 'case-x', history: { events: [{ eventId: '1', eventType: 'EVENT_TYPE_NONSENSE' }] } }] },
      'workflowHistories[0] (case-x) is not a Temporal history'],
  ])('refuses %s, naming what is wrong', (_case, overrides, message) => {
    expect(() => readAuditBundle(JSON.stringify({ ...aBundle(), ...overrides }))).toThrow(message);
  });
});

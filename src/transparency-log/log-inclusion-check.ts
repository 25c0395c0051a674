import { parseCheckpoint } from './checkpoint';
import { eventLeafHash } from './merkle-hashing';
import { verifyInclusion } from './merkle-proofs';
import { formatKeyId, parseVerifierKey } from './note-keys';
import { openSignedNote } from './signed-note';

/** How a case's events stand in the transparency log: `pending` means no checkpoint covers them yet, which is no finding. */
export type LogCheckStatus = 'passed' | 'pending' | 'failed' | 'unavailable';

/** Whether a case's events are leaves of the log and included in its latest signed checkpoint. */
export interface LogCheck {
  readonly status: LogCheckStatus;
  readonly checkpointSize: number | null;
  readonly rootHash: string | null;
  readonly keyId: string | null;
  /** Events whose inclusion in the checkpoint was proven. */
  readonly coveredEvents: number;
  /** Events recorded after the checkpoint, which a later one will cover. */
  readonly pendingEvents: number;
  readonly firstInvalidVersion: number | null;
  readonly problem: string | null;
}

/** One event's place in the log, with its inclusion proof (hex hashes) when the checkpoint covers it. */
export interface LogEntry {
  readonly version: number;
  readonly leafIndex: number;
  readonly eventHash: string;
  readonly proof: readonly string[] | null;
}

/** What the check reads: the case's stored events, their log entries, the checkpoint's signed note and the trusted key. */
export interface LogCheckInput {
  readonly events: ReadonlyArray<{ readonly version: number; readonly hash: string }>;
  readonly entries: readonly LogEntry[];
  readonly signedNote: string | null;
  /** The log's public key in `<name>+<id>+<key>` form; null when the reader holds none it trusts. */
  readonly verifierKey: string | null;
}

/**
 * Checks, without a database, that every event of a case is exactly one leaf of the log, that no leaf of the case
 * lacks its event, and that each leaf the checkpoint covers is proven included under the checkpoint's signed root.
 */
export function checkCaseInLog({ events, entries, signedNote, verifierKey }: LogCheckInput): LogCheck {
  const unsigned = { checkpointSize: null, rootHash: null, keyId: null, coveredEvents: 0, pendingEvents: events.length };
  const fail = (version: number | null, problem: string, base: Omit<LogCheck, 'status' | 'firstInvalidVersion' | 'problem'> = unsigned): LogCheck =>
    ({ ...base, status: 'failed', firstInvalidVersion: version, problem });
  const leafProblem = findLeafProblem(events, entries);
  if (leafProblem) return fail(leafProblem.version, leafProblem.problem);
  if (signedNote === null) return { ...unsigned, status: 'pending', firstInvalidVersion: null, problem: null };
  if (verifierKey === null) {
    return { ...unsigned, status: 'unavailable', firstInvalidVersion: null, problem: 'no public key of the log is at hand to check the checkpoint with' };
  }
  const opened = openCheckpoint(signedNote, verifierKey);
  if ('problem' in opened) return fail(null, opened.problem);
  const { treeSize, rootHash, keyId } = opened;
  const signed = { checkpointSize: treeSize, rootHash: rootHash.toString('hex'), keyId };
  const byVersion = new Map(entries.map((entry) => [entry.version, entry]));
  let covered = 0;
  for (const event of events) {
    const entry = byVersion.get(event.version)!;
    if (entry.leafIndex >= treeSize) continue;
    const proof = entry.proof?.map((hash) => Buffer.from(hash, 'hex'));
    if (!proof || !verifyInclusion(eventLeafHash(event.hash), entry.leafIndex, treeSize, proof, rootHash)) {
      return fail(event.version, `version ${event.version} (leaf ${entry.leafIndex}) is not included in checkpoint ${treeSize}: `
        + 'the event or the log was changed after that checkpoint was signed', { ...signed, coveredEvents: covered, pendingEvents: events.length - covered });
    }
    covered++;
  }
  const pending = events.length - covered;
  const status = covered === 0 && pending > 0 ? 'pending' : 'passed';
  return { status, ...signed, coveredEvents: covered, pendingEvents: pending, firstInvalidVersion: null, problem: null };
}

// Every event one leaf with its hash, and every leaf one event: a removed, added or altered event shows up here first.
function findLeafProblem(events: LogCheckInput['events'], entries: readonly LogEntry[]): { version: number; problem: string } | null {
  const stored = new Set(events.map((event) => event.version));
  const byVersion = new Map<number, LogEntry>();
  for (const entry of entries) {
    if (byVersion.has(entry.version)) return { version: entry.version, problem: `version ${entry.version} has more than one leaf in the transparency log` };
    byVersion.set(entry.version, entry);
    if (!stored.has(entry.version)) {
      return { version: entry.version, problem: `leaf ${entry.leafIndex} of the transparency log records version ${entry.version}, which is not stored: an event was removed` };
    }
  }
  for (const event of events) {
    const entry = byVersion.get(event.version);
    if (!entry) return { version: event.version, problem: `version ${event.version} has no leaf in the transparency log: it was not recorded by an append` };
    if (entry.eventHash !== event.hash) {
      return { version: event.version, problem: `version ${event.version}'s hash differs from the one its leaf ${entry.leafIndex} recorded` };
    }
  }
  return null;
}

function openCheckpoint(signedNote: string, verifierKey: string): { treeSize: number; rootHash: Buffer; keyId: string } | { problem: string } {
  try {
    const key = parseVerifierKey(verifierKey);
    const opened = openSignedNote(signedNote, [key]);
    if (opened.verifiedBy.length === 0) return { problem: `the checkpoint carries no signature by the log's key ${key.name} (${formatKeyId(key.keyId)})` };
    const checkpoint = parseCheckpoint(opened.text);
    if (checkpoint.origin !== key.name) return { problem: `the checkpoint is of log "${checkpoint.origin}", not "${key.name}"` };
    return { treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash, keyId: formatKeyId(key.keyId) };
  } catch (error) {
    return { problem: `the checkpoint cannot be read or its signature does not verify: ${(error as Error).message}` };
  }
}

import type { AuditBundle } from './audit-bundle';
import { parseCheckpoint } from '../transparency-log/checkpoint';
import { verifyConsistency } from '../transparency-log/merkle-proofs';
import { parseVerifierKey } from '../transparency-log/note-keys';
import { openSignedNote } from '../transparency-log/signed-note';

/** A newer checkpoint an auditor holds (a witness's copy), with the consistency proof from the bundle's checkpoint when sizes differ. */
export interface NewerCheckpoint {
  readonly signedNote: string;
  /** Hex hashes, as `GET /checkpoints/consistency` gives them; absent for a bare signed note. */
  readonly consistencyProof?: readonly string[];
}

/** Whether the bundle's checkpoint is a prefix of the newer one: the log only grew between them. */
export interface NewerCheckpointCheck {
  readonly status: 'passed' | 'failed' | 'unavailable';
  readonly fromSize: number | null;
  readonly toSize: number | null;
  readonly problem: string | null;
}

/**
 * Reads a newer-checkpoint file: either a bare signed note (a witness's `checkpoint-<size>` copy) or the JSON answer of
 * `GET /checkpoints/consistency`, which carries the newer checkpoint's note and the proof.
 */
export function readNewerCheckpoint(text: string): NewerCheckpoint {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{')) return { signedNote: text };
  const parsed = JSON.parse(trimmed) as { toCheckpoint?: unknown; proof?: unknown };
  if (typeof parsed.toCheckpoint !== 'string' || !Array.isArray(parsed.proof) || !parsed.proof.every((hash) => typeof hash === 'string')) {
    throw new Error('the JSON has no toCheckpoint note and proof list, as GET /checkpoints/consistency answers');
  }
  return { signedNote: parsed.toCheckpoint, consistencyProof: parsed.proof as string[] };
}

/** Checks that the newer checkpoint is signed by the trusted key and consistent with the bundle's checkpoint. */
export function checkNewerCheckpoint(bundle: AuditBundle, newer: NewerCheckpoint, verifierKey: string | null): NewerCheckpointCheck {
  const none = { fromSize: null, toSize: null };
  if (!bundle.log?.checkpoint) return { status: 'unavailable', ...none, problem: 'the bundle holds no checkpoint to compare the newer one with' };
  if (!verifierKey) return { status: 'unavailable', ...none, problem: 'no public key of the log is at hand to check the newer checkpoint with' };
  try {
    const key = parseVerifierKey(verifierKey);
    const older = parseCheckpoint(openSignedNote(bundle.log.checkpoint, [key]).text);
    const opened = openSignedNote(newer.signedNote, [key]);
    if (opened.verifiedBy.length === 0) return { status: 'failed', ...none, problem: 'the newer checkpoint carries no signature by the log\'s key' };
    const later = parseCheckpoint(opened.text);
    const sizes = { fromSize: older.treeSize, toSize: later.treeSize };
    if (later.origin !== older.origin) return { status: 'failed', ...sizes, problem: `the newer checkpoint is of log "${later.origin}", not "${older.origin}"` };
    if (later.treeSize < older.treeSize) return { status: 'failed', ...sizes, problem: `the "newer" checkpoint (${later.treeSize}) is smaller than the bundle's (${older.treeSize})` };
    if (later.treeSize === older.treeSize) {
      return later.rootHash.equals(older.rootHash) ? { status: 'passed', ...sizes, problem: null }
        : { status: 'failed', ...sizes, problem: `two checkpoints of size ${later.treeSize} with different roots: the log was forked` };
    }
    if (!newer.consistencyProof) {
      return {
        status: 'unavailable', ...sizes,
        problem: `a consistency proof is needed: save GET /checkpoints/consistency?from=${older.treeSize}&to=${later.treeSize} and pass that file instead`,
      };
    }
    const proof = newer.consistencyProof.map((hash) => Buffer.from(hash, 'hex'));
    return verifyConsistency(older.treeSize, later.treeSize, older.rootHash, later.rootHash, proof)
      ? { status: 'passed', ...sizes, problem: null }
      : { status: 'failed', ...sizes, problem: `checkpoint ${later.treeSize} does not extend checkpoint ${older.treeSize}: the log was rewritten between them` };
  } catch (error) {
    return { status: 'failed', ...none, problem: `a checkpoint cannot be read or verified: ${(error as Error).message}` };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { checkCaseInLog, type LogCheck, type LogEntry } from '../transparency-log/log-inclusion-check';
import { BrigadeConfig } from '../config/brigade-config';
import { CheckpointRepository } from './checkpoint.repository';
import { readWitnessedCheckpoint } from './witness-folder';
import { LOG_KEYS } from './log-keys.provider';
import type { LogKeys } from './log-keys';
import { LogLeavesRepository, MissingLeafError } from './log-leaves.repository';
import { LogTreeService } from './log-tree.service';
import type { StoredCheckpoint } from './stored-checkpoint';

/** A case's events in the log, with inclusion proofs against one checkpoint. */
export interface CaseInclusionProofs {
  readonly caseId: string;
  readonly checkpoint: StoredCheckpoint | null;
  readonly entries: readonly LogEntry[];
}

/** Thrown when proofs are asked for against a tree size no checkpoint was made at. */
export class UnknownCheckpointError extends Error {}

/** Places a case's events in the transparency log: their leaves, their inclusion proofs, and the check of both. */
@Injectable()
export class CaseLogService {
  constructor(
    private readonly leaves: LogLeavesRepository,
    private readonly checkpoints: CheckpointRepository,
    private readonly tree: LogTreeService,
    @Inject(LOG_KEYS) private readonly keys: LogKeys,
    private readonly config: BrigadeConfig,
  ) {}

  /** The case's leaves with proofs against the checkpoint at `treeSize`, or against the latest when none is named. */
  async inclusionProofs(caseId: string, treeSize?: number): Promise<CaseInclusionProofs> {
    const checkpoint = treeSize === undefined ? await this.checkpoints.latest() : await this.checkpoints.atSize(treeSize);
    if (treeSize !== undefined && !checkpoint) throw new UnknownCheckpointError(`no checkpoint was made at tree size ${treeSize}`);
    const [leaves, tree] = await Promise.all([this.leaves.leavesOfCase(caseId), this.tree.synced()]);
    const size = checkpoint?.treeSize ?? 0;
    const entries = leaves.map(({ version, leafIndex, eventHash }): LogEntry => ({
      version, leafIndex, eventHash,
      // A leaf beyond what this process has read cannot be below the checkpoint: the tree is read before it is checked.
      proof: leafIndex < size && size <= tree.size ? tree.inclusionProof(leafIndex, size).map((hash) => hash.toString('hex')) : null,
    }));
    return { caseId, checkpoint, entries };
  }

  /**
   * Checks the case's stored events against the latest checkpoint with the log's own public key. Leaves above
   * `readUpTo` (the last version the caller's read saw, in its events or its read model) were appended after that read.
   */
  async check(
    caseId: string, events: ReadonlyArray<{ readonly version: number; readonly hash: string }>, readUpTo: number,
  ): Promise<{ check: LogCheck; proofs: CaseInclusionProofs }> {
    let all: CaseInclusionProofs;
    try {
      all = await this.inclusionProofs(caseId);
    } catch (error) {
      if (!(error instanceof MissingLeafError)) throw error;
      const check: LogCheck = {
        status: 'failed', checkpointSize: null, rootHash: null, keyId: this.keys.keyId, coveredEvents: 0, pendingEvents: events.length,
        firstInvalidVersion: null, problem: error.message,
      };
      return { check, proofs: { caseId, checkpoint: null, entries: [] } };
    }
    const proofs = { ...all, entries: all.entries.filter((entry) => entry.version <= readUpTo) };
    const witnessProblem = await this.witnessProblem(proofs.checkpoint);
    if (witnessProblem) {
      const check: LogCheck = {
        status: 'failed', checkpointSize: proofs.checkpoint?.treeSize ?? null, rootHash: proofs.checkpoint?.rootHash ?? null, keyId: this.keys.keyId,
        coveredEvents: 0, pendingEvents: events.length, firstInvalidVersion: null, problem: witnessProblem,
      };
      return { check, proofs };
    }
    const check = checkCaseInLog({ events, entries: proofs.entries, signedNote: proofs.checkpoint?.signedNote ?? null, verifierKey: this.keys.verifierKey });
    return { check, proofs };
  }

  // The database's newest checkpoint must be at least the one kept outside it, and agree with it: a shorter list means
  // checkpoints were deleted, another root at the same size a forked log.
  private async witnessProblem(checkpoint: StoredCheckpoint | null): Promise<string | null> {
    const witnessed = await readWitnessedCheckpoint(this.config.transparencyLog.checkpointDir, this.keys.verifierKey);
    if (!witnessed) return null;
    if (!checkpoint || checkpoint.treeSize < witnessed.treeSize) {
      return `the witness folder holds checkpoint ${witnessed.treeSize}, which the database no longer has (its newest is ${checkpoint?.treeSize ?? 'none'}): checkpoints were deleted`;
    }
    if (checkpoint.treeSize === witnessed.treeSize && checkpoint.rootHash !== witnessed.rootHash) {
      return `the database's checkpoint ${witnessed.treeSize} has another root than the witness folder's copy: the log was forked`;
    }
    return null;
  }
}

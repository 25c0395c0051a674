import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { BrigadeConfig } from '../config/brigade-config';
import { formatCheckpoint } from '../transparency-log/checkpoint';
import { signNote } from '../transparency-log/signed-note';
import { CheckpointRepository } from './checkpoint.repository';
import { writeWitnessCopy } from './checkpoint-folder';
import { readWitnessedCheckpoint, type WitnessedCheckpoint } from './witness-folder';
import type { MerkleTree } from '../transparency-log/merkle-tree';
import { LOG_KEYS } from './log-keys.provider';
import type { LogKeys } from './log-keys';
import { LogTreeService } from './log-tree.service';
import type { StoredCheckpoint } from './stored-checkpoint';

/** Thrown when the log no longer matches a checkpoint already signed: signing on would bless the rewrite. */
export class LogRewrittenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LogRewrittenError';
  }
}

/** What making a checkpoint did: the newest checkpoint, and whether this call signed it. */
export interface CheckpointOutcome {
  readonly checkpoint: StoredCheckpoint | null;
  readonly created: boolean;
}

/** Signs checkpoints over the transparency log: every few minutes while events arrive, and on demand. */
@Injectable()
export class CheckpointMakerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('TransparencyLog');
  private timer?: NodeJS.Timeout;
  private making: Promise<CheckpointOutcome> | undefined;

  constructor(
    private readonly config: BrigadeConfig,
    private readonly checkpoints: CheckpointRepository,
    private readonly tree: LogTreeService,
    @Inject(LOG_KEYS) private readonly keys: LogKeys,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.keys.signer) return;
    this.timer = setInterval(() => {
      this.make().catch((error: unknown) => this.logger.error(`no checkpoint was made: ${(error as Error).message}`));
    }, this.config.transparencyLog.checkpointIntervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Signs a checkpoint over every committed leaf when the tree grew since the last one; concurrent calls share one. */
  make(): Promise<CheckpointOutcome> {
    this.making ??= this.signNext().finally(() => {
      this.making = undefined;
    });
    return this.making;
  }

  private async signNext(): Promise<CheckpointOutcome> {
    const { signer, origin, keyId } = this.keys;
    if (!signer) throw new Error(`this process holds only the log's public key (${this.keys.source}); it checks checkpoints but cannot sign them`);
    const tree = await this.tree.synced();
    const witnessed = await readWitnessedCheckpoint(this.config.transparencyLog.checkpointDir, this.keys.verifierKey);
    const outcome = await this.checkpoints.underLock(async (locked): Promise<CheckpointOutcome> => {
      const latest = await locked.latest();
      if (witnessed) this.requireWitnessHeld(witnessed, latest, tree);
      if (latest && latest.treeSize > tree.size) {
        throw new LogRewrittenError(`checkpoint ${latest.treeSize} covers more leaves than the log holds (${tree.size}): leaves were removed`);
      }
      if (latest && tree.rootAt(latest.treeSize).toString('hex') !== latest.rootHash) {
        throw new LogRewrittenError(`the log's first ${latest.treeSize} leaves no longer hash to checkpoint ${latest.treeSize}'s root: they were rewritten`);
      }
      if (latest && latest.treeSize === tree.size) return { checkpoint: latest, created: false };
      if (!latest && tree.size === 0) return { checkpoint: null, created: false };
      const rootHash = tree.rootAt(tree.size);
      const signedNote = signNote(formatCheckpoint({ origin, treeSize: tree.size, rootHash }), signer);
      const checkpoint = await locked.insert({ treeSize: tree.size, rootHash: rootHash.toString('hex'), keyId, signedNote });
      return { checkpoint, created: true };
    });
    if (outcome.created && outcome.checkpoint) {
      this.logger.log(`signed checkpoint ${outcome.checkpoint.treeSize}`);
      await this.shipCopy(outcome.checkpoint);
    }
    return outcome;
  }

  // A fresh process knows the past only from the database, which its holder can shorten; the copy outside it cannot be.
  private requireWitnessHeld(witnessed: WitnessedCheckpoint, latest: StoredCheckpoint | null, tree: MerkleTree): void {
    if (!latest || latest.treeSize < witnessed.treeSize) {
      throw new LogRewrittenError(`the witness folder holds checkpoint ${witnessed.treeSize}, which the database no longer has (its newest is ${latest?.treeSize ?? 'none'}): checkpoints were deleted`);
    }
    if (witnessed.treeSize > tree.size || tree.rootAt(witnessed.treeSize).toString('hex') !== witnessed.rootHash) {
      throw new LogRewrittenError(`the log's first ${witnessed.treeSize} leaves no longer hash to the witness folder's checkpoint ${witnessed.treeSize}: they were rewritten`);
    }
  }

  // The copy outside the database is what makes a later rewrite visible; failing to write it is loud but does not undo the checkpoint.
  private async shipCopy(checkpoint: StoredCheckpoint): Promise<void> {
    const folder = this.config.transparencyLog.checkpointDir;
    if (!folder) return;
    await writeWitnessCopy(folder, checkpoint).catch((error: unknown) => {
      this.logger.error(`checkpoint ${checkpoint.treeSize} could not be written to ${folder}: ${(error as Error).message}`);
    });
  }
}

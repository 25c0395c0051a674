import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { StoredCheckpoint } from './stored-checkpoint';

interface CheckpointRow {
  tree_size: string;
  root_hash: string;
  key_id: string;
  signed_note: string;
  created_at: Date;
}

const COLUMNS = 'tree_size, root_hash, key_id, signed_note, created_at';

// Any constant unique to this lock: processes that make checkpoints take turns on it.
const CHECKPOINT_LOCK = 0x62726967;

/** The checkpoints as seen inside one transaction that holds the lock checkpoint makers take turns on. */
export interface LockedCheckpoints {
  latest(): Promise<StoredCheckpoint | null>;
  insert(checkpoint: Omit<StoredCheckpoint, 'createdAt'>): Promise<StoredCheckpoint>;
}

/** Stores and reads the signed checkpoints, which like the events are only ever added. */
@Injectable()
export class CheckpointRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction that holds the checkpoint lock, so that two makers never sign the same tree twice. */
  underLock<T>(work: (checkpoints: LockedCheckpoints) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [CHECKPOINT_LOCK]);
      return work({ latest: () => this.latest(manager), insert: (checkpoint) => this.insert(manager, checkpoint) });
    });
  }

  /** The checkpoint over the largest tree, or null before the first. */
  async latest(manager: EntityManager = this.dataSource.manager): Promise<StoredCheckpoint | null> {
    const rows: CheckpointRow[] = await manager.query(`SELECT ${COLUMNS} FROM transparency_log_checkpoints ORDER BY tree_size DESC LIMIT 1`);
    return rows.length === 0 ? null : toCheckpoint(rows[0]);
  }

  /** The checkpoint over exactly `treeSize` leaves, if one was made. */
  async atSize(treeSize: number): Promise<StoredCheckpoint | null> {
    const rows: CheckpointRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM transparency_log_checkpoints WHERE tree_size = $1`, [treeSize]);
    return rows.length === 0 ? null : toCheckpoint(rows[0]);
  }

  /** Checkpoints from `fromSize` up, smallest first, at most `limit`. */
  async list(fromSize: number, limit: number): Promise<StoredCheckpoint[]> {
    const rows: CheckpointRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM transparency_log_checkpoints WHERE tree_size >= $1 ORDER BY tree_size LIMIT $2`, [fromSize, limit],
    );
    return rows.map(toCheckpoint);
  }

  /** Adds a checkpoint in the caller's transaction. */
  async insert(manager: EntityManager, checkpoint: Omit<StoredCheckpoint, 'createdAt'>): Promise<StoredCheckpoint> {
    const rows: CheckpointRow[] = await manager.query(
      `INSERT INTO transparency_log_checkpoints (tree_size, root_hash, key_id, signed_note) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [checkpoint.treeSize, checkpoint.rootHash, checkpoint.keyId, checkpoint.signedNote],
    );
    return toCheckpoint(rows[0]);
  }
}

function toCheckpoint(row: CheckpointRow): StoredCheckpoint {
  return {
    treeSize: Number(row.tree_size), rootHash: row.root_hash, keyId: row.key_id, signedNote: row.signed_note, createdAt: row.created_at.toISOString(),
  };
}

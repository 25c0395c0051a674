import { Injectable } from '@nestjs/common';
import { eventLeafHash } from '../transparency-log/merkle-hashing';
import { MerkleTree } from '../transparency-log/merkle-tree';
import { LogLeavesRepository } from './log-leaves.repository';

// Leaves read per query while catching up; a million-leaf log loads in a few dozen round trips.
const LEAVES_PER_READ = 50_000;

/**
 * The transparency log's Merkle tree, held in memory and caught up with the committed leaves on demand. Committed
 * leaves always form a gap-free prefix (see the event store's append), so reading on from the tree's size is enough.
 * A leaf once read is never read again: a later rewrite in the database cannot move the tree this process signs.
 */
@Injectable()
export class LogTreeService {
  private readonly tree = new MerkleTree();
  private catchingUp: Promise<MerkleTree> | undefined;

  constructor(private readonly leaves: LogLeavesRepository) {}

  /** The tree with every leaf committed by now; concurrent callers share one catch-up. */
  synced(): Promise<MerkleTree> {
    this.catchingUp ??= this.catchUp().finally(() => {
      this.catchingUp = undefined;
    });
    return this.catchingUp;
  }

  private async catchUp(): Promise<MerkleTree> {
    for (;;) {
      const hashes = await this.leaves.eventHashesFrom(this.tree.size, LEAVES_PER_READ);
      if (hashes.length > 0) this.tree.append(hashes.map(eventLeafHash));
      if (hashes.length < LEAVES_PER_READ) return this.tree;
    }
  }
}

import type { HashedEventFields } from '../event-store/hash-chain';
import type { CheckedBatch, LeafBounds } from './record-batch-check';

/** One event as the chain's hash check needs it. */
export type ChainLink = HashedEventFields & { readonly hash: string; readonly prevHash: string };

/** Work an audit worker thread does: check one range of the store, or find the first link whose hash does not match. */
export type AuditTask =
  | { readonly kind: 'range'; readonly after: string | null; readonly upTo: string | null; readonly bounds: LeafBounds }
  | { readonly kind: 'hashes'; readonly links: readonly ChainLink[] };

/** What each kind of task answers: the checked range, or the position of the first mismatching hash (-1 for none). */
export interface AuditTaskResults {
  readonly range: CheckedBatch;
  readonly hashes: number;
}

/** A task sent to a worker thread, with the id its reply carries. */
export interface AuditWorkerRequest {
  readonly id: number;
  readonly task: AuditTask;
}

/** A worker thread's answer to one task: its result, or the message of the error it met. */
export interface AuditWorkerReply {
  readonly id: number;
  readonly result?: AuditTaskResults[AuditTask['kind']];
  readonly error?: string;
}

/** What every audit worker thread is started with. */
export interface AuditWorkerData {
  readonly databaseUrl: string | null;
}

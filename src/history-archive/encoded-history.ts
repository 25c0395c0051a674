import { createHash } from 'node:crypto';
import { temporal } from '@temporalio/proto';
import type { History } from '@temporalio/common/lib/proto-utils';

/** A history in its archived form: the proto encoding and the SHA-256 that anchors it in the case's chain. */
export interface EncodedHistory {
  readonly bytes: Uint8Array;
  readonly sha256: string;
  readonly eventCount: number;
}

/** Encodes a history as Temporal's proto, untouched: payloads stay as Temporal holds them, encrypted. */
export function encodeHistory(history: History): EncodedHistory {
  const bytes = temporal.api.history.v1.History.encode(history).finish();
  return { bytes, sha256: sha256Hex(bytes), eventCount: history.events?.length ?? 0 };
}

/** Reads archived bytes back into a history that replay accepts. */
export function decodeHistory(bytes: Uint8Array): History {
  return temporal.api.history.v1.History.decode(bytes);
}

/** The lower-case hex SHA-256 of some bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

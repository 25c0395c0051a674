/** Thrown when an append's expected version is not the stream's current version. */
export class VersionConflictError extends Error {
  constructor(
    readonly caseId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(`version conflict on case ${caseId}: expected version ${expectedVersion}, but the stream is at ${actualVersion}`);
    this.name = 'VersionConflictError';
  }
}

/** Thrown when an idempotency key is reused for a different case. */
export class IdempotencyKeyReuseError extends Error {
  constructor(readonly idempotencyKey: string, readonly caseId: string, readonly otherCaseId: string) {
    super(`idempotency key "${idempotencyKey}" was already used for case ${otherCaseId}, not ${caseId}`);
    this.name = 'IdempotencyKeyReuseError';
  }
}

/** Thrown when an append request is malformed (no events, bad version, bad key). */
export class InvalidAppendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppendError';
  }
}

export { CHAIN_LINK_CONSTRAINT } from '../database/event-chain-schema';

/** Thrown when the stored stream does not continue where an append expects it to: someone wrote to it behind the store. */
export class StreamMismatchError extends Error {
  constructor(readonly caseId: string, readonly expectedVersion: number, detail: string) {
    super(`the recorded events of case ${caseId} do not continue from version ${expectedVersion}, where its workflow stands: ${detail}`);
    this.name = 'StreamMismatchError';
  }
}

export { STREAM_CONFLICT_ERRORS } from '../domain/stream-conflict';

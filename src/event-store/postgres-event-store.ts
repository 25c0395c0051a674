import { Inject, Injectable } from '@nestjs/common';
import { DatabaseError } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { CASE_EVENT_TYPES } from '../domain/case.events';
import { VERSION_CONFLICT_SQLSTATE } from '../database/case-append-schema';
import { CaseProjectionRow } from '../database/case-projection.row';
import { CaseFieldSealer } from '../field-encryption/case-field-sealer';
import { DATA_KEY_STORE, type DataKeyStore } from '../key-store/data-key-store.port';
import { chainEvents } from './chained-events';
import { CHAIN_LINK_CONSTRAINT, IdempotencyKeyReuseError, InvalidAppendError, StreamMismatchError, VersionConflictError } from './event-store.errors';
import type { AppendRequest, AppendResult, ChainVerification, EventStore, StoredCaseEvent } from './event-store.port';
import { verifyChainAgainstProjection } from './hash-chain';
import { queryRowArrays } from '../database/row-arrays';
import { recordAppend } from './record-append';
import { readStreamHead, type RecordedBatch } from './stream-head';
import { storedEventColumns, storedEventFromValues } from './stored-event-row';

const UNIQUE_VIOLATION = '23505';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_EVENTS_PER_APPEND = 100;

/**
 * The PostgreSQL event store: one transaction per append, hash-chained rows, inline `cases` projection. Sensitive fields
 * are sealed before they are hashed, so what is stored and chained is ciphertext; `readStream` answers it as stored. An
 * append reads the stream's head, chains and folds in Node, then records everything in one call of the database's append
 * function, which checks the key and the expected version again under the stream's row lock.
 */
@Injectable()
export class PostgresEventStore implements EventStore {
  private readonly sealer: CaseFieldSealer;

  constructor(private readonly dataSource: DataSource, @Inject(DATA_KEY_STORE) keyStore: DataKeyStore) {
    this.sealer = new CaseFieldSealer(keyStore);
  }

  async append(request: AppendRequest): Promise<AppendResult> {
    assertWellFormed(request);
    // The events are sealed while the stream's head is read: neither holds a lock, and a key file made on first use is
    // made before the append's transaction begins.
    const [sealed, head] = await Promise.all([
      Promise.all(request.events.map((event) => this.sealer.sealEvent(request.caseId, event))),
      readStreamHead(this.dataSource, request.caseId, request.idempotencyKey),
    ]);
    if (head.recordedBatch) return previousResult(request, head.recordedBatch);
    // The head was read without a lock, yet a conflict here is one the locked read would have found too: a caller learns
    // of a version only once it has committed, so no append it expects to follow is still on its way.
    if (head.version !== request.expectedVersion) throw new VersionConflictError(request.caseId, request.expectedVersion, head.version);
    const { rows, state } = chainEvents(request, sealed, head);
    // Experts' keys too are looked up here, outside the transaction: on first use one is made, which no row lock should wait for.
    const sealedState = await this.sealer.sealState(state);
    try {
      const recorded = await recordAppend(this.dataSource, request, head.now, rows, sealedState);
      return recorded.deduplicated ? previousResult(request, recorded) : { ...recorded, deduplicated: false };
    } catch (error) {
      throw await this.appendRefusal(request, error);
    }
  }

  async readStream(caseId: string, toVersion?: number): Promise<StoredCaseEvent[]> {
    return this.readStreamWith(this.dataSource, caseId, toVersion);
  }

  async verify(caseId: string): Promise<ChainVerification> {
    // One snapshot for the stream and its projection: an append committing between two reads would look like a lost tail.
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const events = await this.readStreamWith(manager, caseId);
      const projection = UUID.test(caseId) ? await manager.getRepository(CaseProjectionRow).findOneBy({ caseId }) : null;
      return verifyChainAgainstProjection(caseId, events, projection);
    });
  }

  private async readStreamWith(source: DataSource | EntityManager, caseId: string, toVersion?: number): Promise<StoredCaseEvent[]> {
    if (!UUID.test(caseId)) return [];
    const rows = await queryRowArrays(source,
      `SELECT ${storedEventColumns('case_events')} FROM case_events WHERE case_id = $1 AND ($2::integer IS NULL OR version <= $2) ORDER BY version`,
      [caseId, toVersion ?? null],
    );
    return rows.map(storedEventFromValues);
  }

  // The append function's refusals, as the port names them; anything else is passed on as it came.
  private async appendRefusal(request: AppendRequest, error: unknown): Promise<unknown> {
    const { code, constraint, detail, message } = driverErrorOf(error);
    // Another append recorded the expected version first, and the stream's row lock made this one wait to see it.
    if (code === VERSION_CONFLICT_SQLSTATE) return new VersionConflictError(request.caseId, request.expectedVersion, Number(detail));
    // A unique index refused a row another append committed meanwhile: that one won the version race.
    if (code === UNIQUE_VIOLATION) return new VersionConflictError(request.caseId, request.expectedVersion, await this.currentVersion(request.caseId));
    // The database's own chain guard: the stream holds rows the projection does not know of.
    if (constraint === CHAIN_LINK_CONSTRAINT) return new StreamMismatchError(request.caseId, request.expectedVersion, message ?? '');
    return error;
  }

  private async currentVersion(caseId: string): Promise<number> {
    const row = await this.dataSource.getRepository(CaseProjectionRow).findOneBy({ caseId });
    return row?.version ?? 0;
  }
}

/** The result of an append whose idempotency key recorded a batch before, or the refusal of a key used for another case. */
function previousResult(request: AppendRequest, previous: RecordedBatch): AppendResult {
  if (previous.caseId !== request.caseId) throw new IdempotencyKeyReuseError(request.idempotencyKey, request.caseId, previous.caseId);
  return { caseId: previous.caseId, fromVersion: previous.fromVersion, toVersion: previous.toVersion, deduplicated: true };
}

// What PostgreSQL said of a failed statement; nothing for an error that did not come from the server.
function driverErrorOf(error: unknown): Partial<Pick<DatabaseError, 'code' | 'constraint' | 'detail' | 'message'>> {
  return error instanceof DatabaseError ? error : {};
}

function assertWellFormed(request: AppendRequest): void {
  if (!UUID.test(request.caseId)) throw new InvalidAppendError(`case id "${request.caseId}" is not a UUID`);
  if (!Number.isInteger(request.expectedVersion) || request.expectedVersion < 0) {
    throw new InvalidAppendError(`expected version must be a non-negative integer, got ${request.expectedVersion}`);
  }
  if (request.events.length === 0) throw new InvalidAppendError('an append needs at least one event');
  if (request.events.length > MAX_EVENTS_PER_APPEND) {
    throw new InvalidAppendError(`an append takes at most ${MAX_EVENTS_PER_APPEND} events, got ${request.events.length}`);
  }
  if (!request.idempotencyKey || request.idempotencyKey.length > 500) {
    throw new InvalidAppendError('an append needs an idempotency key of 1 to 500 characters');
  }
  for (const event of request.events) {
    if (!(CASE_EVENT_TYPES as string[]).includes(event.type)) throw new InvalidAppendError(`unknown event type "${event.type}"`);
    if (Number.isNaN(Date.parse(event.occurredAt))) {
      throw new InvalidAppendError(`event ${event.type} has an invalid occurredAt "${event.occurredAt}"`);
    }
  }
}


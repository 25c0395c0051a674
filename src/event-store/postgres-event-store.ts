import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { evolve, type CaseState } from '../domain/case.state';
import { upcastCaseState } from '../domain/case-state-upcaster';
import { CASE_EVENT_TYPES, type CaseEvent, type NewCaseEvent } from '../domain/case.events';
import { CaseProjectionRow } from '../database/case-projection.row';
import { CaseFieldSealer } from '../field-encryption/case-field-sealer';
import { DATA_KEY_STORE, type DataKeyStore } from '../key-store/data-key-store.port';
import { CHAIN_LINK_CONSTRAINT, IdempotencyKeyReuseError, InvalidAppendError, StreamMismatchError, VersionConflictError } from './event-store.errors';
import type { AppendRequest, AppendResult, ChainVerification, EventStore, StoredCaseEvent } from './event-store.port';
import { GENESIS_HASH, chainHash, findChainBreak } from './hash-chain';
import { queryRowArrays } from '../database/row-arrays';
import { storedEventColumns, storedEventFromValues } from './stored-event-row';

const UNIQUE_VIOLATION = '23505';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_EVENTS_PER_APPEND = 100;
const EVENT_COLUMNS = [
  'case_id', 'version', 'type', 'schema_version', 'data', 'actor_role', 'actor_id', 'actor_name', 'actor_via', 'occurred_at', 'recorded_at',
  'workflow_id', 'run_id', 'activity_id', 'idempotency_key', 'prev_hash', 'hash',
] as const;
// Where a row of EVENT_COLUMNS holds what the transparency log's leaves take from it.
const VERSION_COLUMN = EVENT_COLUMNS.indexOf('version');
const HASH_COLUMN = EVENT_COLUMNS.indexOf('hash');

/**
 * The PostgreSQL event store: one transaction per append, hash-chained rows, inline `cases` projection. Sensitive fields
 * are sealed before they are hashed, so what is stored and chained is ciphertext; `readStream` answers it as stored.
 */
@Injectable()
export class PostgresEventStore implements EventStore {
  private readonly sealer: CaseFieldSealer;

  constructor(private readonly dataSource: DataSource, @Inject(DATA_KEY_STORE) keyStore: DataKeyStore) {
    this.sealer = new CaseFieldSealer(keyStore);
  }

  async append(request: AppendRequest): Promise<AppendResult> {
    assertWellFormed(request);
    // The events are sealed before the transaction, so their key look-ups hold no row lock. The state is sealed inside it
    // (it is folded there); its case key is the one the events just used, so that look-up is normally answered by the cache.
    const sealed = await Promise.all(request.events.map((event) => this.sealer.sealEvent(request.caseId, event)));
    try {
      return await this.dataSource.transaction('READ COMMITTED', (manager) => this.appendInTransaction(manager, request, sealed));
    } catch (error) {
      // Two first appends to one new stream race on the projection's primary key; the loser lost the version race.
      const driverError = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string; message: string }) : undefined;
      if (driverError?.code === UNIQUE_VIOLATION) {
        const actual = await this.currentVersion(request.caseId);
        throw new VersionConflictError(request.caseId, request.expectedVersion, actual);
      }
      // The database's own chain guard: the stream holds rows the projection does not know of.
      if (driverError?.constraint === CHAIN_LINK_CONSTRAINT) throw new StreamMismatchError(request.caseId, request.expectedVersion, driverError.message);
      throw error;
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
      return verifyAgainstProjection(caseId, events, projection);
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

  private async appendInTransaction(manager: EntityManager, request: AppendRequest, sealed: readonly NewCaseEvent[]): Promise<AppendResult> {
    const { caseId, expectedVersion, idempotencyKey } = request;
    const fromVersion = expectedVersion + 1;
    const toVersion = expectedVersion + request.events.length;

    // Claiming the key first makes a concurrent retry wait here until the first attempt commits or rolls back. The claim
    // also answers with the transaction's time, which every event of the append is recorded at.
    const claimed = await manager.query(
      `INSERT INTO case_event_batches (idempotency_key, case_id, from_version, to_version, recorded_at)
       VALUES ($1, $2, $3, $4, now()) ON CONFLICT (idempotency_key) DO NOTHING RETURNING recorded_at`,
      [idempotencyKey, caseId, fromVersion, toVersion],
    ) as Array<{ recorded_at: Date }>;
    if (claimed.length === 0) return this.previousResult(manager, request);
    const now = claimed[0].recorded_at;

    const [stream] = await manager.query(
      'SELECT version, state, last_hash FROM cases WHERE case_id = $1 FOR UPDATE',
      [caseId],
    ) as Array<{ version: number; state: CaseState; last_hash: string }>;
    const actualVersion = stream?.version ?? 0;
    if (actualVersion !== expectedVersion) throw new VersionConflictError(caseId, expectedVersion, actualVersion);

    const recordedAt = now.toISOString();
    const causation = request.causation ?? {};
    let prevHash = stream?.last_hash ?? GENESIS_HASH;
    // The row may hold a state folded before texts were coded; what this append writes back is today's shape.
    let state: CaseState | null = stream ? upcastCaseState(stream.state) : null;
    const rows: unknown[][] = [];

    request.events.forEach((proposed, index) => {
      const envelope = { caseId, version: fromVersion + index, occurredAt: new Date(proposed.occurredAt).toISOString() };
      // Normalised so that what is hashed is exactly what PostgreSQL gives back on reading.
      const event = { ...sealed[index], ...envelope, data: JSON.parse(JSON.stringify(sealed[index].data)) } as CaseEvent;
      const hash = chainHash(prevHash, { ...event, recordedAt, causation, idempotencyKey });
      // The state folds what was written; its own sensitive fields are sealed below, under the case's key.
      state = evolve(state, { ...proposed, ...envelope, data: JSON.parse(JSON.stringify(proposed.data)) } as CaseEvent);
      // In the order of EVENT_COLUMNS.
      rows.push([
        caseId, event.version, event.type, event.schemaVersion, JSON.stringify(event.data), event.actor.role, event.actor.id,
        event.actor.name ?? null, event.actor.via ?? null, new Date(event.occurredAt), now, causation.workflowId ?? null, causation.runId ?? null, causation.activityId ?? null,
        idempotencyKey, prevHash, hash,
      ]);
      prevHash = hash;
    });

    const sealedState = await this.sealer.sealState(state!);
    await this.recordEventsAndProjection(manager, rows, sealedState, prevHash, stream === undefined, now);
    return { caseId, fromVersion, toVersion, deduplicated: false };
  }

  private async previousResult(manager: EntityManager, request: AppendRequest): Promise<AppendResult> {
    const [previous] = await manager.query(
      'SELECT case_id, from_version, to_version FROM case_event_batches WHERE idempotency_key = $1',
      [request.idempotencyKey],
    ) as Array<{ case_id: string; from_version: number; to_version: number }>;
    if (previous.case_id !== request.caseId) {
      throw new IdempotencyKeyReuseError(request.idempotencyKey, request.caseId, previous.case_id);
    }
    return { caseId: previous.case_id, fromVersion: previous.from_version, toVersion: previous.to_version, deduplicated: true };
  }

  // The events and the read model in one statement: a round trip less per append, and still all or nothing. A data-modifying
  // WITH runs to completion even though the statement around it does not read it.
  private async recordEventsAndProjection(
    manager: EntityManager, rows: readonly unknown[][], state: CaseState, lastHash: string, isNew: boolean, now: Date,
  ): Promise<void> {
    const parameters: unknown[] = rows.flat();
    const values = rows.map((_, row) => `(${EVENT_COLUMNS.map((__, column) => `$${row * EVENT_COLUMNS.length + column + 1}`).join(', ')})`);
    const p = (n: number) => `$${rows.length * EVENT_COLUMNS.length + n}`;
    parameters.push(state.caseId, state.version, state.stage, state.riskLevel, state.category, state.municipality, state.safetyRegion,
      JSON.stringify(state), lastHash, now, state.municipalityCode);
    const projection = isNew
      ? `INSERT INTO cases (case_id, version, stage, risk_level, category, municipality, safety_region, state, last_hash, created_at, updated_at, municipality_code)
         VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)}, ${p(10)}, ${p(10)}, ${p(11)})`
      : `UPDATE cases SET version = ${p(2)}, stage = ${p(3)}, risk_level = ${p(4)}, category = ${p(5)}, municipality = ${p(6)},
           safety_region = ${p(7)}, state = ${p(8)}, last_hash = ${p(9)}, updated_at = ${p(10)},
           municipality_code = ${p(11)}
         WHERE case_id = ${p(1)}`;
    parameters.push(rows.length, rows.map((row) => row[VERSION_COLUMN]), rows.map((row) => row[HASH_COLUMN]));
    // The log's counter is locked last, by the append's final statement, and held until commit: the next append gets its
    // indices only after this one committed, so the committed leaves are always a gap-free prefix in commit order.
    const leaves = `head AS (UPDATE transparency_log_head SET tree_size = tree_size + ${p(12)} RETURNING tree_size - ${p(12)} AS first_index),
      leaves AS (INSERT INTO transparency_log_leaves (leaf_index, case_id, version, event_hash)
        SELECT head.first_index + leaf.ordinality - 1, ${p(1)}, leaf.version, leaf.hash
        FROM head, unnest(${p(13)}::integer[], ${p(14)}::text[]) WITH ORDINALITY AS leaf(version, hash, ordinality))`;
    await manager.query(
      `WITH recorded AS (INSERT INTO case_events (${EVENT_COLUMNS.join(', ')}) VALUES ${values.join(', ')}), ${leaves} ${projection}`, parameters,
    );
  }

  private async currentVersion(caseId: string): Promise<number> {
    const row = await this.dataSource.getRepository(CaseProjectionRow).findOneBy({ caseId });
    return row?.version ?? 0;
  }
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

/** Checks a stream's chain, then that it ends where its projection says it was last recorded. */
function verifyAgainstProjection(caseId: string, events: StoredCaseEvent[], projection: CaseProjectionRow | null): ChainVerification {
  const broken = findChainBreak(events);
  const lastHash = events.at(-1)?.hash ?? null;
  const result = { caseId, eventCount: events.length, lastHash };
  if (broken) return { ...result, valid: false, firstInvalidVersion: broken.version, problem: broken.problem };
  // A chain that verifies can still have lost its tail; the projection remembers where the stream ended.
  if (projection && (projection.version !== events.length || projection.lastHash !== lastHash)) {
    return {
      ...result, valid: false, firstInvalidVersion: Math.min(projection.version, events.length + 1),
      problem: `the stream ends at version ${events.length} but was recorded up to version ${projection.version}`,
    };
  }
  return { ...result, valid: true, firstInvalidVersion: null, problem: null };
}

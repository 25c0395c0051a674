import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { NewCaseEvent } from '../../src/domain/case.events';
import { GENESIS_HASH } from '../../src/event-store/hash-chain';
import type { BenchContext } from './bench-context';
import { compare, type BenchOutcome, type Comparison } from './bench-results';
import type { BenchSizes } from './bench-settings';
import { concernEvent, openingEvents, supportRequest } from './bench-cases';
import { alternate, runStreams, type TimedRun } from './concurrency';

const COLUMNS = 'case_id, version, type, schema_version, data, actor_role, actor_id, occurred_at, recorded_at, workflow_id, run_id, activity_id, idempotency_key, prev_hash, hash';
const PARAMETERS_PER_ROW = 14;
// The raw rows go to a copy of the log with its columns, defaults, constraints and indexes, so that they cost the same
// to insert but leave Brigade's own log holding only real, chained streams for the audit benchmark.
const RAW_TABLE = 'bench_raw_case_events';

/**
 * Event append: Brigade's `append` (idempotency claim, version check, hash chain, projection) against a raw `pg` INSERT
 * of the same rows in a transaction of the same size, on parallel streams; one event per transaction, then a batch.
 */
export async function benchAppend(ctx: BenchContext, sizes: BenchSizes): Promise<BenchOutcome> {
  const [{ synchronous_commit: commitMode }] = (await ctx.pool.query('SHOW synchronous_commit')).rows;
  if (commitMode !== 'on') throw new Error(`synchronous_commit is ${commitMode}; the comparison needs it on`);
  await ctx.pool.query(`CREATE TABLE ${RAW_TABLE} (LIKE case_events INCLUDING ALL)`);
  try {
    return { comparisons: await compareAppends(ctx, sizes), measurements: [] };
  } finally {
    await ctx.pool.query(`DROP TABLE ${RAW_TABLE}`);
  }
}

async function compareAppends(ctx: BenchContext, sizes: BenchSizes): Promise<Comparison[]> {
  const comparisons: Comparison[] = [];
  for (const batch of [1, sizes.appendBatch]) {
    const rounds = 2;
    const steps = Math.max(1, Math.round(sizes.appendEvents / batch / sizes.appendStreams / rounds));
    const { brigade, baseline } = await alternate(rounds,
      () => brigadeAppends(ctx, sizes.appendStreams, steps, batch),
      () => rawInserts(ctx.pool, sizes.appendStreams, steps, batch));
    const events = sizes.appendStreams * steps * batch * rounds;
    const perSecond = (run: TimedRun) => (events / run.elapsedMs) * 1000;
    comparisons.push(compare('event append', batch === 1 ? '1 event per transaction' : `${batch} events per transaction`, 'events/s', 'higher',
      perSecond(brigade), perSecond(baseline), `raw pg INSERT of the same rows, ${sizes.appendStreams} streams`));
  }
  return comparisons;
}

async function brigadeAppends(ctx: BenchContext, streams: number, steps: number, batch: number): Promise<TimedRun> {
  // Each stream is one case, opened before the clock starts, so that every timed append follows earlier events.
  const caseIds = Array.from({ length: streams }, () => randomUUID());
  const at = new Date().toISOString();
  await Promise.all(caseIds.map((caseId, n) => ctx.eventStore.append({
    caseId, expectedVersion: 0, events: openingEvents(supportRequest(caseId, n), at), idempotencyKey: `bench-open:${caseId}`,
  })));
  const opened = openingEvents(supportRequest(caseIds[0], 0), at).length;
  return runStreams(streams, steps, async (stream, step) => {
    const caseId = caseIds[stream];
    const expectedVersion = opened + step * batch;
    await ctx.eventStore.append({
      caseId, expectedVersion, events: eventsFor(expectedVersion, batch, at), idempotencyKey: `bench:${caseId}:${expectedVersion}`,
      causation: { workflowId: `case-${caseId}`, runId: 'bench-run', activityId: String(step + 1) },
    });
  });
}

async function rawInserts(pool: Pool, streams: number, steps: number, batch: number): Promise<TimedRun> {
  const caseIds = Array.from({ length: streams }, () => randomUUID());
  const at = new Date().toISOString();
  return runStreams(streams, steps, async (stream, step) => {
    const caseId = caseIds[stream];
    const fromVersion = 3 + step * batch;
    const events = eventsFor(fromVersion, batch, at);
    const values = events.flatMap((event, index) => [
      caseId, fromVersion + index + 1, event.type, event.schemaVersion, JSON.stringify(event.data), event.actor.role, event.actor.id,
      event.occurredAt, `case-${caseId}`, 'bench-run', String(step + 1), `raw:${caseId}:${fromVersion}`, GENESIS_HASH, GENESIS_HASH,
    ]);
    const rows = events.map((_, row) => {
      const p = (column: number) => `$${row * PARAMETERS_PER_ROW + column}`;
      return `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, now(), ${p(9)}, ${p(10)}, ${p(11)}, ${p(12)}, ${p(13)}, ${p(14)})`;
    });
    const client = await pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL READ COMMITTED');
      await client.query(`INSERT INTO ${RAW_TABLE} (${COLUMNS}) VALUES ${rows.join(', ')}`, values);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  });
}

function eventsFor(afterVersion: number, batch: number, at: string): NewCaseEvent[] {
  return Array.from({ length: batch }, (_, index) => concernEvent(afterVersion + index + 1, at));
}

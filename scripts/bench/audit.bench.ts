import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { Pool } from 'pg';
import { auditCommand } from '../../src/commands/audit.command';
import type { CliOutput } from '../../src/commands/command';
import type { BenchContext } from './bench-context';
import { expectStatus } from './bench-http';
import { compare, type BenchOutcome } from './bench-results';
import type { BenchSizes } from './bench-settings';
import { measureCheckpointing, recordBenchCheckpoints } from './log-checkpointing';
import { median } from './stats';
import { seedCases, seedLongCase } from './store-seeding';

const REPEATS = 3;
const PAGE_ROWS = 5_000;

/**
 * Audit: `GET /cases/:id/verify` of a case with ten thousand events, and the `audit verify --all` command's code over the
 * whole store and its transparency log, against reading the same rows with bare SQL and hashing each one in a plain
 * loop; then checkpointing and inclusion proofs of the log, which have no bare baseline.
 */
export async function benchAudit(ctx: BenchContext, sizes: BenchSizes): Promise<BenchOutcome> {
  // The reads benchmark fills the store; run on its own, this one fills it the same way, so --all always covers the size.
  const { rows: [{ count: storedCases }] } = await ctx.pool.query('SELECT count(*)::int AS count FROM cases');
  if (storedCases < sizes.storedCases) await seedCases(ctx, sizes.storedCases - storedCases, sizes.eventsPerStoredCase);
  const caseId = await seedLongCase(ctx, sizes.longCaseEvents);
  const auditor = ctx.bearer('auditor', 'a.bench');
  const verifyCase = async () => {
    const answer = await expectStatus([200], ctx.apiUrl, 'GET', `/cases/${caseId}/verify`, auditor);
    if (!answer.body.chain?.valid) throw new Error(`the long case did not verify: ${JSON.stringify(answer.body).slice(0, 500)}`);
  };
  // The first verify in a process bundles the workflow code for its replay; that is start-up, not verification.
  await verifyCase();
  const oneCase = { brigade: [] as number[], baseline: [] as number[] };
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    oneCase.baseline.push(await timed(() => hashRows(ctx.pool, 'SELECT * FROM case_events WHERE case_id = $1 ORDER BY version', [caseId])));
    oneCase.brigade.push(await timed(verifyCase));
  }

  const { rows: [{ events: storeEvents }] } = await ctx.pool.query('SELECT count(*)::int AS events FROM case_events');
  // Two checkpoints, so that --all verifies signatures, roots and a consistency proof besides every event's leaf.
  const checkpoints = await recordBenchCheckpoints(ctx.pool, ctx.config, [0.5, 1]);
  // Repeated and alternated like the one-case figures, so that neither side alone meets a busy moment of a shared machine.
  const wholeStore = { brigade: [] as number[], baseline: [] as number[] };
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    wholeStore.baseline.push(await timed(() => hashWholeLog(ctx.pool)));
    const lines: string[] = [];
    const output: CliOutput = { out: (line) => lines.push(line), err: (line) => lines.push(line), interactive: false };
    let exitCode = -1;
    wholeStore.brigade.push(await timed(async () => {
      exitCode = await auditCommand.run(['verify', '--all'], ctx.config, output);
    }));
    if (exitCode !== 0) throw new Error(`audit verify --all exited with ${exitCode}:\n${lines.join('\n').slice(-2_000)}`);
  }
  const [baselineAll, brigadeAll] = [median(wholeStore.baseline), median(wholeStore.brigade)];

  const rate = (events: number, ms: number) => (events / ms) * 1000;
  return {
    comparisons: [
      compare('audit', `verify one case of ${sizes.longCaseEvents.toLocaleString('en-US')} events (GET /cases/:id/verify)`, 'events/s', 'higher',
        rate(sizes.longCaseEvents, median(oneCase.brigade)), rate(sizes.longCaseEvents, median(oneCase.baseline)), 'bare SELECT + SHA-256 per row'),
      compare('audit', `audit verify --all over ${storeEvents.toLocaleString('en-US')} events (chain, fold, read model; log with checkpoints at ${checkpoints.map((size) => size.toLocaleString('en-US')).join(' and ')})`,
        'events/s', 'higher', rate(storeEvents, brigadeAll), rate(storeEvents, baselineAll), 'bare paged SELECT + SHA-256 per row'),
    ],
    measurements: await measureCheckpointing(ctx.servers.databaseUrl, path.join(ctx.servers.dataDir, 'checkpointing')),
  };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

// The bare loop: each row's JSON hashed after the previous hash, nothing checked.
async function hashRows(pool: Pool, sql: string, params: unknown[]): Promise<string> {
  return hashChainOf((await pool.query(sql, params)).rows);
}

function hashChainOf(rows: readonly object[], previous = ''): string {
  let hash = previous;
  for (const row of rows) hash = createHash('sha256').update(hash).update('\n').update(JSON.stringify(row)).digest('hex');
  return hash;
}

async function hashWholeLog(pool: Pool): Promise<void> {
  let after = 0;
  let previous = '';
  for (;;) {
    const { rows } = await pool.query('SELECT * FROM case_events WHERE position > $1 ORDER BY position LIMIT $2', [after, PAGE_ROWS]);
    if (rows.length === 0) return;
    previous = hashChainOf(rows, previous);
    after = Number(rows[rows.length - 1].position);
  }
}

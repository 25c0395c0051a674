import { randomUUID } from 'node:crypto';
import type { BenchContext } from './bench-context';
import { registrationBody } from './bench-cases';
import { expectStatus } from './bench-http';
import { compare, type BenchOutcome, type Measurement } from './bench-results';
import type { BenchSizes } from './bench-settings';
import { walkCaseToClosure } from './case-walker';
import { pause } from './concurrency';
import { ensureExpertPool } from './expert-pool';
import { settleAll } from './settle-all';
import { waitForStages } from './settled-cases';
import { summarise } from './stats';
import { seedCases } from './store-seeding';
import { decisionsReady, type ControlCaseInput } from './workflows/control-messages';

const PAGE_SIZE = 20;
const WARM_UP = 10;
const OPEN_CASES = 20;
const CLOSED_CASES = 5;
const LIST_COLUMNS = 'case_id, version, stage, risk_level, category, municipality, safety_region, state, last_hash, created_at, updated_at';

/**
 * Reads: the p95 of the coordinator's case list and of the case page of an open and of a closed case, through the API with
 * the store holding the ten thousand cases, against bare SQL that reads the same rows. The pages are of real cases
 * with workflows, since the page asks the workflow for its live view; a second baseline for the open case adds a bare
 * Temporal query to an open no-op workflow, the part of the page's cost that is Temporal's. Samples alternate one by one.
 */
export async function benchReads(ctx: BenchContext, sizes: BenchSizes): Promise<BenchOutcome & { latenciesMs: object }> {
  await seedCases(ctx, sizes.storedCases, sizes.eventsPerStoredCase);
  const coordinator = ctx.bearer('coordinator', 'c.bench');
  const open: string[] = [];
  for (let n = 0; n < OPEN_CASES; n++) open.push((await expectStatus([201], ctx.apiUrl, 'POST', '/cases', coordinator, registrationBody(n))).body.caseId);
  await waitForStages(ctx.pool, open, ['Triage']);
  await ensureExpertPool(ctx);
  const closed: string[] = [];
  for (let n = 0; n < CLOSED_CASES; n++) closed.push((await walkCaseToClosure(ctx, registrationBody(n, 'CITIZEN_MEETING'), [])).caseId);
  const { rows: [{ count: casesInStore }] } = await ctx.pool.query('SELECT count(*)::int AS count FROM cases');

  const list = await interleavedSamples(sizes.readSamples, {
    baseline: async () => {
      await ctx.pool.query(`SELECT ${LIST_COLUMNS} FROM cases ORDER BY updated_at DESC, case_id ASC LIMIT ${PAGE_SIZE} OFFSET 0`);
      await ctx.pool.query('SELECT count(*) FROM cases');
    },
    brigade: () => expectStatus([200], ctx.apiUrl, 'GET', `/cases?page=1&pageSize=${PAGE_SIZE}`, coordinator),
  });
  // The page of an open case asks its workflow for the live state: a second baseline adds a bare query to an open no-op workflow.
  const controls = await openControlCases(ctx, OPEN_CASES);
  const row = (caseIds: readonly string[], n: number) => ctx.pool.query(`SELECT ${LIST_COLUMNS} FROM cases WHERE case_id = $1`, [caseIds[n % caseIds.length]]);
  const page = (caseIds: readonly string[], n: number) => expectStatus([200], ctx.apiUrl, 'GET', `/cases/${caseIds[n % caseIds.length]}`, coordinator);
  const openPage = await interleavedSamples(sizes.readSamples, {
    baseline: (n) => row(open, n),
    baselineWithQuery: async (n) => {
      await row(open, n);
      await ctx.bareClient.workflow.getHandle(controls[n % controls.length]).query(decisionsReady);
    },
    brigade: (n) => page(open, n),
  });
  const closedPage = await interleavedSamples(sizes.readSamples, { baseline: (n) => row(closed, n), brigade: (n) => page(closed, n) });
  await settleAll(open, 8, (caseId) => ctx.brigadeClient.workflow.getHandle(`case-${caseId}`).terminate('bench finished'));
  await settleAll(controls, 8, (workflowId) => ctx.bareClient.workflow.getHandle(workflowId).terminate('bench finished'));

  const sameRow = 'the same row by bare SQL';
  const stored: Measurement = { benchmark: 'reads', metric: 'cases in the store', unit: 'cases', value: casesInStore, note: 'while the reads were measured' };
  return {
    comparisons: [
      compare('reads', `p95 case list (page of ${PAGE_SIZE} + total)`, 'ms', 'lower', summarise(list.brigade).p95, summarise(list.baseline).p95,
        'the same rows and count by bare SQL'),
      compare('reads', 'p95 case page of an open case', 'ms', 'lower', summarise(openPage.brigade).p95, summarise(openPage.baseline).p95, sameRow),
      compare('reads', 'p95 case page of an open case (baseline queries too)', 'ms', 'lower', summarise(openPage.brigade).p95, summarise(openPage.baselineWithQuery).p95,
        `${sameRow} + a bare query to an open no-op workflow`),
      compare('reads', 'p95 case page of a closed case', 'ms', 'lower', summarise(closedPage.brigade).p95, summarise(closedPage.baseline).p95, sameRow),
    ],
    measurements: [stored],
    latenciesMs: {
      caseList: { brigade: summarise(list.brigade), baseline: summarise(list.baseline) },
      openCasePage: { brigade: summarise(openPage.brigade), baseline: summarise(openPage.baseline), baselineWithQuery: summarise(openPage.baselineWithQuery) },
      closedCasePage: { brigade: summarise(closedPage.brigade), baseline: summarise(closedPage.baseline) },
    },
  };
}

async function interleavedSamples<Side extends string>(count: number, sides: Record<Side, (n: number) => Promise<unknown>>): Promise<Record<Side, number[]>> {
  const entries = Object.entries(sides) as Array<[Side, (n: number) => Promise<unknown>]>;
  const samples = Object.fromEntries(entries.map(([side]) => [side, [] as number[]])) as Record<Side, number[]>;
  for (let n = -WARM_UP; n < count; n++) {
    for (const [side, read] of entries) {
      const started = performance.now();
      await read(Math.abs(n));
      if (n >= 0) samples[side].push(performance.now() - started);
    }
  }
  return samples;
}

async function openControlCases(ctx: BenchContext, count: number): Promise<string[]> {
  const input: ControlCaseInput = { systemSteps: 0, decisions: 1 };
  const ids = Array.from({ length: count }, () => `control-page-${randomUUID()}`);
  for (const workflowId of ids) await ctx.bareClient.workflow.start('controlCase', { taskQueue: ctx.controlQueue, workflowId, args: [input] });
  for (const workflowId of ids) {
    while ((await ctx.bareClient.workflow.getHandle(workflowId).query(decisionsReady)) < 1) await pause(50);
  }
  return ids;
}

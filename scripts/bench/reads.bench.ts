import type { BenchContext } from './bench-context';
import { expectStatus } from './bench-http';
import { compare, type BenchOutcome, type Measurement } from './bench-results';
import type { BenchSizes } from './bench-settings';
import { summarise } from './stats';
import { seedCases } from './store-seeding';

const PAGE_SIZE = 20;
const WARM_UP = 10;
const LIST_COLUMNS = 'case_id, version, stage, risk_level, category, municipality, safety_region, state, last_hash, created_at, updated_at';

/**
 * Reads: the p95 of the coordinator's case list and of a case page through the API, with the store holding the issue's
 * ten thousand cases, against bare SQL that reads the same rows. Samples alternate one by one, so both see the same machine.
 */
export async function benchReads(ctx: BenchContext, sizes: BenchSizes): Promise<BenchOutcome & { latenciesMs: object }> {
  const seeded = await seedCases(ctx, sizes.storedCases, sizes.eventsPerStoredCase);
  const { rows: [{ count: casesInStore }] } = await ctx.pool.query('SELECT count(*)::int AS count FROM cases');
  const coordinator = ctx.bearer('coordinator', 'c.bench');

  const list = await pairedSamples(sizes.readSamples,
    () => expectStatus([200], ctx.apiUrl, 'GET', `/cases?page=1&pageSize=${PAGE_SIZE}`, coordinator),
    async () => {
      await ctx.pool.query(`SELECT ${LIST_COLUMNS} FROM cases ORDER BY updated_at DESC, case_id ASC LIMIT ${PAGE_SIZE} OFFSET 0`);
      await ctx.pool.query('SELECT count(*) FROM cases');
    });
  const pick = (n: number) => seeded[(n * 7919) % seeded.length];
  const page = await pairedSamples(sizes.readSamples,
    (n) => expectStatus([200], ctx.apiUrl, 'GET', `/cases/${pick(n)}`, coordinator),
    (n) => ctx.pool.query(`SELECT ${LIST_COLUMNS} FROM cases WHERE case_id = $1`, [pick(n)]));

  const stored: Measurement = { benchmark: 'reads', metric: 'cases in the store', unit: 'cases', value: casesInStore, note: 'while the reads were measured' };
  return {
    comparisons: [
      compare('reads', `p95 case list (page of ${PAGE_SIZE} + total)`, 'ms', 'lower', summarise(list.brigade).p95, summarise(list.baseline).p95,
        'the same rows and count by bare SQL'),
      compare('reads', 'p95 case page (GET /cases/:id)', 'ms', 'lower', summarise(page.brigade).p95, summarise(page.baseline).p95,
        'the same row by bare SQL'),
    ],
    measurements: [stored],
    latenciesMs: {
      caseList: { brigade: summarise(list.brigade), baseline: summarise(list.baseline) },
      casePage: { brigade: summarise(page.brigade), baseline: summarise(page.baseline) },
    },
  };
}

async function pairedSamples(count: number, brigade: (n: number) => Promise<unknown>, baseline: (n: number) => Promise<unknown>)
  : Promise<{ brigade: number[]; baseline: number[] }> {
  const samples = { brigade: [] as number[], baseline: [] as number[] };
  for (let n = -WARM_UP; n < count; n++) {
    for (const [side, read] of [['baseline', baseline], ['brigade', brigade]] as const) {
      const started = performance.now();
      await read(Math.abs(n));
      if (n >= 0) samples[side].push(performance.now() - started);
    }
  }
  return samples;
}

import { randomUUID } from 'node:crypto';
import type { BenchContext } from './bench-context';
import { registrationBody } from './bench-cases';
import { expectStatus } from './bench-http';
import { compare, type BenchOutcome } from './bench-results';
import type { BenchSizes } from './bench-settings';
import { alternate, runConcurrently } from './concurrency';
import { settleAll } from './settle-all';
import { waitForStages } from './settled-cases';
import { summarise } from './stats';
import type { ControlCaseInput } from './workflows/control-messages';

/** Case start: `POST /cases` through the API against a bare `client.workflow.start` of a no-op workflow, at the same concurrency. */
export async function benchCaseStart(ctx: BenchContext, sizes: BenchSizes): Promise<BenchOutcome & { latenciesMs: object }> {
  const coordinator = ctx.bearer('coordinator', 'c.bench');
  const rounds = 2;
  const perRound = Math.ceil(sizes.caseStarts / rounds);
  const registered: string[] = [];
  let n = 0;
  const { brigade, baseline } = await alternate(rounds,
    async () => {
      const round: string[] = [];
      const run = await runConcurrently(perRound, sizes.startConcurrency, async () => {
        const answer = await expectStatus([201], ctx.apiUrl, 'POST', '/cases', coordinator, registrationBody(n++));
        round.push(answer.body.caseId as string);
      });
      // The worker's intake of these cases must not run on into the baseline's next round.
      await waitForStages(ctx.pool, round, ['Triage']);
      registered.push(...round);
      return run;
    },
    () => runConcurrently(perRound, sizes.startConcurrency, async () => {
      const input: ControlCaseInput = { systemSteps: 0, decisions: 0, payload: registrationBody(n++) };
      await ctx.bareClient.workflow.start('noopCase', { taskQueue: ctx.controlQueue, workflowId: `noop-${randomUUID()}`, args: [input] });
    }));
  // The registered cases would otherwise wait in triage for the rest of the run, in the worker's cache.
  await settleAll(registered, 8, (caseId) => ctx.brigadeClient.workflow.getHandle(`case-${caseId}`).terminate('bench finished'));

  const starts = perRound * rounds;
  const brigadeLatency = summarise(brigade.latenciesMs);
  const baselineLatency = summarise(baseline.latenciesMs);
  const what = `bare client.workflow.start of a no-op workflow, ${sizes.startConcurrency} at a time`;
  return {
    comparisons: [
      compare('case start', 'cases started per second', 'cases/s', 'higher', (starts / brigade.elapsedMs) * 1000, (starts / baseline.elapsedMs) * 1000, what),
      compare('case start', 'p50 latency', 'ms', 'lower', brigadeLatency.p50, baselineLatency.p50, what),
      compare('case start', 'p99 latency', 'ms', 'lower', brigadeLatency.p99, baselineLatency.p99, what),
    ],
    measurements: [],
    latenciesMs: { brigade: brigadeLatency, baseline: baselineLatency },
  };
}

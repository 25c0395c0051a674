import { randomUUID } from 'node:crypto';
import type { BenchContext } from './bench-context';
import { registrationBody } from './bench-cases';
import { compare, type BenchOutcome } from './bench-results';
import type { BenchSizes } from './bench-settings';
import { LOOK_AGAIN_MS, walkCaseToClosure } from './case-walker';
import { ensureExpertPool } from './expert-pool';
import { alternate, pause, runConcurrently } from './concurrency';
import { summarise } from './stats';
import { decisionsReady, takeDecision, type ControlCaseInput } from './workflows/control-messages';

/**
 * Full case: complete cases per minute, each driven to closure through the API by simulated people, against a control
 * workflow with the same number of no-op activities and decisions driven the same way; and the p95 of a decision (an
 * update that appends an event) against the control's decision (an update that runs a no-op activity).
 */
export async function benchFullCase(ctx: BenchContext, sizes: BenchSizes): Promise<BenchOutcome & { decisionLatenciesMs: object }> {
  await ensureExpertPool(ctx);
  const brigadeDecisionsMs: number[] = [];
  const walked: Array<{ caseId: string; decisions: number }> = [];
  let n = 0;
  // The control needs the shape of a real case, so a first real case is walked before any timing starts.
  walked.push(await walkCaseToClosure(ctx, registrationBody(n++, 'CITIZEN_MEETING'), []));
  const shape = await caseShape(ctx, walked);
  const rounds = 2;
  const perRound = Math.max(1, Math.round(sizes.fullCases / rounds));
  const controlDecisionsMs: number[] = [];
  const { brigade, baseline } = await alternate(rounds,
    () => runConcurrently(perRound, sizes.fullCaseConcurrency, async () => {
      walked.push(await walkCaseToClosure(ctx, registrationBody(n++, 'CITIZEN_MEETING'), brigadeDecisionsMs));
    }),
    () => runConcurrently(perRound, sizes.fullCaseConcurrency, () => walkControlCase(ctx, shape, controlDecisionsMs)));
  const measured = await caseShape(ctx, walked);

  const cases = perRound * rounds;
  const perMinute = (elapsedMs: number) => (cases / elapsedMs) * 60_000;
  const control = `control workflow: ${shape.systemSteps} no-op activities and ${shape.decisions} updates per case, ${sizes.fullCaseConcurrency} cases at a time`;
  return {
    comparisons: [
      compare('full case', 'cases closed per minute', 'cases/min', 'higher', perMinute(brigade.elapsedMs), perMinute(baseline.elapsedMs), control),
      compare('full case', 'p95 of a decision (update that appends)', 'ms', 'lower', summarise(brigadeDecisionsMs).p95, summarise(controlDecisionsMs).p95,
        'update that runs one no-op activity'),
    ],
    measurements: [
      { benchmark: 'full case', metric: 'shape of a closed case', unit: 'decisions', value: measured.decisions, note: `and ${measured.systemSteps} system steps that record events, ${measured.events} events` },
    ],
    decisionLatenciesMs: { brigade: summarise(brigadeDecisionsMs), control: summarise(controlDecisionsMs) },
  };
}

/** The average decisions, system steps (appends no person caused) and events of the walked cases. */
async function caseShape(ctx: BenchContext, walked: ReadonlyArray<{ caseId: string; decisions: number }>) {
  const caseIds = walked.map((w) => w.caseId);
  const { rows: [{ batches, events }] } = await ctx.pool.query(
    `SELECT (SELECT count(*) FROM case_event_batches WHERE case_id = ANY($1::uuid[]))::int AS batches,
            (SELECT count(*) FROM case_events WHERE case_id = ANY($1::uuid[]))::int AS events`, [caseIds]);
  const decisions = walked.reduce((sum, w) => sum + w.decisions, 0);
  return {
    decisions: Math.round(decisions / walked.length),
    systemSteps: Math.round((batches - decisions) / walked.length),
    events: Math.round(events / walked.length),
  };
}

async function walkControlCase(ctx: BenchContext, shape: { systemSteps: number; decisions: number }, decisionLatenciesMs: number[]): Promise<void> {
  const input: ControlCaseInput = { systemSteps: shape.systemSteps, decisions: shape.decisions, payload: registrationBody(0, 'CITIZEN_MEETING') };
  const handle = await ctx.bareClient.workflow.start('controlCase', { taskQueue: ctx.controlQueue, workflowId: `control-${randomUUID()}`, args: [input] });
  for (let decision = 1; decision <= shape.decisions; decision++) {
    // Read the case like a person would, and decide once the steps before the decision have run.
    while ((await handle.query(decisionsReady)) < decision) await pause(LOOK_AGAIN_MS);
    const started = performance.now();
    await handle.executeUpdate(takeDecision, { args: ['decide'] });
    decisionLatenciesMs.push(performance.now() - started);
  }
  await handle.result();
}

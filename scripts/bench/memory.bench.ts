import { randomUUID } from 'node:crypto';
import type { BenchContext } from './bench-context';
import { BENCH_COORDINATOR, supportRequest } from './bench-cases';
import type { BenchOutcome } from './bench-results';
import type { BenchSizes } from './bench-settings';
import { pause, runConcurrently } from './concurrency';
import type { NodeChild } from './node-child';
import { settleAll } from './settle-all';
import { waitForStages } from './settled-cases';
import { slope } from './stats';
import { decisionsReady, type ControlCaseInput } from './workflows/control-messages';

// Long enough for the worker's heap to settle after a burst of work before its memory is read.
const SETTLE_MS = 3_000;

/** A worker's resident memory against the number of open cases it holds, in MB. */
export type MemoryCurve = ReadonlyArray<readonly [openCases: number, rssMb: number]>;

/**
 * Memory: a fresh Brigade worker's RSS as open cases (waiting in triage) are added up to the thousand, as a slope
 * in MB per case; beside it, a bare worker holding as many open no-op workflows.
 */
export async function benchMemory(ctx: BenchContext, sizes: BenchSizes): Promise<BenchOutcome & { curves: Record<string, MemoryCurve> }> {
  const brigadeQueue = `bench-memory-${randomUUID()}`;
  const brigade = await memoryCurve(sizes, await ctx.startBrigadeWorker(brigadeQueue), async (count, opened) => {
    const caseIds = Array.from({ length: count }, () => randomUUID());
    await runConcurrently(count, 8, (n) => ctx.brigadeClient.workflow.start('supportCase', {
      taskQueue: brigadeQueue, workflowId: `case-${caseIds[n]}`, args: [{ request: supportRequest(caseIds[n], n), registeredBy: BENCH_COORDINATOR }],
    }).then(() => undefined));
    await waitForStages(ctx.pool, caseIds, ['Triage']);
    opened.push(...caseIds.map((caseId) => `case-${caseId}`));
  }, (workflowId) => ctx.brigadeClient.workflow.getHandle(workflowId).terminate('bench finished'));

  const controlQueue = `bench-memory-control-${randomUUID()}`;
  const control = await memoryCurve(sizes, await ctx.startControlWorker(controlQueue), async (count, opened) => {
    const input: ControlCaseInput = { systemSteps: 1, decisions: 1 };
    const ids = Array.from({ length: count }, () => `control-open-${randomUUID()}`);
    await runConcurrently(count, 8, (n) => ctx.bareClient.workflow.start('controlCase', { taskQueue: controlQueue, workflowId: ids[n], args: [input] })
      .then(() => undefined));
    await runConcurrently(count, 8, async (n) => {
      while ((await ctx.bareClient.workflow.getHandle(ids[n]).query(decisionsReady)) < 1) await pause(100);
    });
    opened.push(...ids);
  }, (workflowId) => ctx.bareClient.workflow.getHandle(workflowId).terminate('bench finished'));

  const brigadeSlope = slope(brigade);
  const controlSlope = slope(control);
  return {
    measurements: [
      { benchmark: 'memory', metric: `worker RSS per open case (0 to ${sizes.openCases.toLocaleString('en-US')} cases)`, unit: 'MB/case', value: brigadeSlope,
        note: `${brigade[0][1].toFixed(0)} MB idle, ${brigade.at(-1)![1].toFixed(0)} MB at ${brigade.at(-1)![0]} open cases` },
      { benchmark: 'memory', metric: 'bare worker RSS per open no-op workflow', unit: 'MB/case', value: controlSlope,
        note: `${control[0][1].toFixed(0)} MB idle, ${control.at(-1)![1].toFixed(0)} MB at ${control.at(-1)![0]}; Brigade/bare slope ${(brigadeSlope / controlSlope).toFixed(2)}×` },
    ],
    comparisons: [],
    curves: { brigade, control },
  };
}

async function memoryCurve(
  sizes: BenchSizes, worker: NodeChild,
  openCases: (count: number, opened: string[]) => Promise<void>, closeCase: (workflowId: string) => Promise<unknown>,
): Promise<MemoryCurve> {
  const opened: string[] = [];
  try {
    await pause(SETTLE_MS);
    const points: Array<[number, number]> = [[0, worker.rssMb()]];
    const perStep = Math.ceil(sizes.openCases / sizes.memorySteps);
    for (let step = 1; step <= sizes.memorySteps; step++) {
      await openCases(perStep, opened);
      await pause(SETTLE_MS);
      points.push([opened.length, worker.rssMb()]);
    }
    return points;
  } finally {
    await settleAll(opened, 8, closeCase);
    await worker.stop();
  }
}

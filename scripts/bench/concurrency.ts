/** What a batch of timed operations took: each one's latency and the wall time of the whole batch, in milliseconds. */
export interface TimedRun {
  readonly latenciesMs: number[];
  readonly elapsedMs: number;
}

/** Runs `total` operations with at most `concurrency` in flight, timing each one and the whole. */
export async function runConcurrently(total: number, concurrency: number, operation: (index: number) => Promise<void>): Promise<TimedRun> {
  const latenciesMs: number[] = [];
  let next = 0;
  const started = performance.now();
  const lane = async () => {
    while (next < total) {
      const index = next++;
      const begun = performance.now();
      await operation(index);
      latenciesMs.push(performance.now() - begun);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, lane));
  return { latenciesMs, elapsedMs: performance.now() - started };
}

/** Adds up timed runs, as when a measurement alternates between Brigade and its baseline in rounds. */
export function combineRuns(runs: readonly TimedRun[]): TimedRun {
  return { latenciesMs: runs.flatMap((run) => run.latenciesMs), elapsedMs: runs.reduce((sum, run) => sum + run.elapsedMs, 0) };
}

/** Runs Brigade and its baseline in alternating rounds, so that a machine that slows down mid-run slows both alike. */
export async function alternate(rounds: number, brigade: (round: number) => Promise<TimedRun>, baseline: (round: number) => Promise<TimedRun>)
  : Promise<{ brigade: TimedRun; baseline: TimedRun }> {
  const brigadeRuns: TimedRun[] = [];
  const baselineRuns: TimedRun[] = [];
  for (let round = 0; round < rounds; round++) {
    baselineRuns.push(await baseline(round));
    brigadeRuns.push(await brigade(round));
  }
  return { brigade: combineRuns(brigadeRuns), baseline: combineRuns(baselineRuns) };
}

/** Waits `ms` milliseconds. */
export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `streams` sequences side by side, each taking `steps` operations one after another, timing each one and the whole. */
export async function runStreams(streams: number, steps: number, operation: (stream: number, step: number) => Promise<void>): Promise<TimedRun> {
  const latenciesMs: number[] = [];
  const started = performance.now();
  await Promise.all(Array.from({ length: streams }, async (_, stream) => {
    for (let step = 0; step < steps; step++) {
      const begun = performance.now();
      await operation(stream, step);
      latenciesMs.push(performance.now() - begun);
    }
  }));
  return { latenciesMs, elapsedMs: performance.now() - started };
}

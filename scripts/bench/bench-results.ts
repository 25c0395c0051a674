/** One figure of Brigade set against the same figure of a bare baseline, measured in the same run. */
export interface Comparison {
  readonly benchmark: string;
  readonly metric: string;
  readonly unit: string;
  readonly brigade: number;
  readonly baseline: number;
  /** Whether a bigger figure is the better one (throughput) or a smaller one (latency, time). */
  readonly better: 'higher' | 'lower';
  /** How many times the baseline is better than Brigade: 1 is no overhead, 2 is twice as slow. */
  readonly ratio: number;
  readonly baselineName: string;
}

/** A figure without a baseline ratio, such as the worker's memory per open case. */
export interface Measurement {
  readonly benchmark: string;
  readonly metric: string;
  readonly unit: string;
  readonly value: number;
  readonly note: string;
}

/** What one benchmark produced. */
export interface BenchOutcome {
  readonly comparisons: Comparison[];
  readonly measurements: Measurement[];
}

/** A comparison with its ratio worked out so that above 1 always means Brigade is slower than the baseline. */
export function compare(
  benchmark: string, metric: string, unit: string, better: Comparison['better'], brigade: number, baseline: number, baselineName: string,
): Comparison {
  const ratio = better === 'higher' ? baseline / brigade : brigade / baseline;
  return { benchmark, metric, unit, better, brigade, baseline, ratio, baselineName };
}

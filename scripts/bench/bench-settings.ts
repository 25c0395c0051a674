/** The benchmarks, in the order they run. */
export const BENCHMARK_NAMES = ['append', 'case-start', 'full-case', 'notifications', 'reads', 'audit', 'memory'] as const;
/** The name of one benchmark, as BENCH_ONLY takes it. */
export type BenchmarkName = (typeof BENCHMARK_NAMES)[number];

/** How big each benchmark is; the defaults are the sizes, BENCH_SCALE shrinks them for a quick run. */
export interface BenchSizes {
  readonly appendEvents: number;
  readonly appendBatch: number;
  readonly appendStreams: number;
  readonly caseStarts: number;
  readonly startConcurrency: number;
  readonly fullCases: number;
  readonly fullCaseConcurrency: number;
  /** Cases put in flight at once, each owing an expert an offer e-mail. */
  readonly notificationCases: number;
  readonly storedCases: number;
  readonly eventsPerStoredCase: number;
  readonly readSamples: number;
  readonly longCaseEvents: number;
  readonly openCases: number;
  readonly memorySteps: number;
}

/** What the bench was asked to do, read from the environment in this one place. */
export interface BenchSettings {
  readonly scale: number;
  readonly sizes: BenchSizes;
  readonly only: ReadonlySet<BenchmarkName>;
  readonly databaseUrl: string | undefined;
  readonly temporalAddress: string | undefined;
  readonly temporalCliPath: string | undefined;
  /** Where results.json and its companions go; `.bench-output` in the project unless BENCH_OUTPUT_DIR says otherwise. */
  readonly outputDir: string | undefined;
}

/** Reads BENCH_SCALE (0 < scale ≤ 1, default 1), BENCH_ONLY (comma-separated names), BENCH_OUTPUT_DIR, DATABASE_URL and TEMPORAL_ADDRESS. */
export function loadBenchSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  const scale = env.BENCH_SCALE ? Number(env.BENCH_SCALE) : 1;
  if (!(scale > 0 && scale <= 1)) throw new Error(`BENCH_SCALE must be a number above 0 and at most 1, got "${env.BENCH_SCALE}"`);
  const only = env.BENCH_ONLY ? env.BENCH_ONLY.split(',').map((name) => name.trim()) : [...BENCHMARK_NAMES];
  const unknown = only.filter((name) => !(BENCHMARK_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`BENCH_ONLY names unknown benchmarks ${unknown.join(', ')}; known: ${BENCHMARK_NAMES.join(', ')}`);
  const scaled = (size: number, least: number) => Math.max(least, Math.round(size * scale));
  return {
    scale,
    sizes: {
      appendEvents: scaled(5_000, 100),
      appendBatch: 5,
      appendStreams: 8,
      caseStarts: scaled(200, 20),
      startConcurrency: 8,
      fullCases: scaled(20, 4),
      fullCaseConcurrency: 10,
      notificationCases: scaled(100, 10),
      storedCases: scaled(10_000, 200),
      eventsPerStoredCase: 9,
      // Samples per read; shrinks too, so that the smallest scale (the smoke test in `npm test`) stays short.
      readSamples: scaled(400, 40),
      longCaseEvents: scaled(10_000, 200),
      openCases: scaled(1_000, 50),
      memorySteps: 5,
    },
    only: new Set(only as BenchmarkName[]),
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    temporalAddress: env.TEMPORAL_ADDRESS?.trim() || undefined,
    temporalCliPath: env.TEMPORAL_CLI_PATH?.trim() || undefined,
    outputDir: env.BENCH_OUTPUT_DIR?.trim() || undefined,
  };
}

import { existsSync, statSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { BENCHMARK_NAMES, type BenchmarkName } from '../../scripts/bench/bench-settings';
import type { BenchReport } from '../../scripts/bench/results-files';
import { compileBench, runBench, type BenchRun } from '../support/bench-run';

// The smallest sizes the bench has: every size at its floor, so each benchmark still does each of its steps once
// over (docs/benchmarks.md). Figures at this scale mean nothing; that the bench runs and reports them is the point.
const SMOKE_SCALE = '0.01';
const DEVELOPERS_RESULTS = path.resolve(__dirname, '..', '..', '.bench-output', 'results.json');
// The name each benchmark's figures carry in results.json; a benchmark added without a row here fails the typecheck.
const FIGURES_NAMED: Record<BenchmarkName, string> = {
  'append': 'event append', 'case-start': 'case start', 'full-case': 'full case', 'notifications': 'notifications',
  'reads': 'reads', 'audit': 'audit', 'memory': 'memory',
};

describe('the bench, run at its smallest scale as a smoke test (the full run is npm run bench)', () => {
  const developersResultsBefore = existsSync(DEVELOPERS_RESULTS) ? statSync(DEVELOPERS_RESULTS).mtimeMs : undefined;
  let buildDir: string;
  let sut: BenchRun;
  let report: BenchReport;

  beforeAll(async () => {
    buildDir = await compileBench();
    // The bench starts its own PostgreSQL and Temporal dev server, as npm run bench does: its pools of 20 connections
    // per process would crowd the suite's PostgreSQL.
    sut = await runBench(buildDir, { BENCH_SCALE: SMOKE_SCALE });
    const results = await readFile(path.join(sut.outputDir, 'results.json'), 'utf8').catch(() => {
      throw new Error(`the bench wrote no results.json (exit code ${sut.exitCode}):\n${sut.output}`);
    });
    report = JSON.parse(results);
  }, 1_200_000);

  afterAll(async () => {
    if (buildDir) await rm(path.dirname(buildDir), { recursive: true, force: true });
    if (sut) await rm(sut.outputDir, { recursive: true, force: true });
  });

  it('finishes with every benchmark run and none failed', () => {
    const output = sut.exitCode === 0 ? '' : sut.output;
    expect({ exitCode: sut.exitCode, failures: report.failures, output }).toEqual({ exitCode: 0, failures: [], output: '' });
  });

  it('writes results.json, the chart and both tables into the folder BENCH_OUTPUT_DIR names', () => {
    for (const file of ['results.json', 'ratios.svg', 'table.txt', 'table.md']) {
      expect(statSync(path.join(sut.outputDir, file)).size).toBeGreaterThan(0);
    }
    expect(report.scale).toBe(Number(SMOKE_SCALE));
  });

  it.each(BENCHMARK_NAMES)('reports figures for %s, each a finite number', (name) => {
    const comparisons = report.comparisons.filter((c) => c.benchmark === FIGURES_NAMED[name]);
    const measurements = report.measurements.filter((m) => m.benchmark === FIGURES_NAMED[name]);
    expect(comparisons.length + measurements.length).toBeGreaterThan(0);
    for (const c of comparisons) {
      expect({ metric: c.metric, figures: [c.brigade, c.baseline, c.ratio].every(Number.isFinite) }).toEqual({ metric: c.metric, figures: true });
    }
    for (const m of measurements) expect({ metric: m.metric, finite: Number.isFinite(m.value) }).toEqual({ metric: m.metric, finite: true });
  });

  it("leaves the developer's own .bench-output results as they were", () => {
    expect(existsSync(DEVELOPERS_RESULTS) ? statSync(DEVELOPERS_RESULTS).mtimeMs : undefined).toBe(developersResultsBefore);
  });
});

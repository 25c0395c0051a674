import 'reflect-metadata';
import * as os from 'node:os';
import * as path from 'node:path';
import { quietTemporalRuntime } from '../../src/commands/quiet-temporal-runtime';
import { projectRoot } from '../../src/config/project-root';
import { benchAppend } from './append.bench';
import { benchAudit } from './audit.bench';
import { openBenchContext, type BenchContext } from './bench-context';
import type { BenchOutcome, Comparison, Measurement } from './bench-results';
import { loadBenchSettings, type BenchSizes, type BenchmarkName } from './bench-settings';
import { startBenchServers } from './bench-servers';
import { benchCaseStart } from './case-start.bench';
import { benchFullCase } from './full-case.bench';
import { describeMachine } from './machine';
import { benchMemory } from './memory.bench';
import { benchNotifications } from './notifications.bench';
import { benchReads } from './reads.bench';
import { writeResultFiles } from './results-files';
import { resultsTable } from './results-table';

const BENCHMARKS: Record<BenchmarkName, (ctx: BenchContext, sizes: BenchSizes) => Promise<BenchOutcome>> = {
  'append': benchAppend,
  'case-start': benchCaseStart,
  'full-case': benchFullCase,
  'notifications': benchNotifications,
  'reads': benchReads,
  'audit': benchAudit,
  'memory': benchMemory,
};

/** `npm run bench`: starts the servers, runs every benchmark against its baseline, prints the table and writes the results. */
async function runBenchmarks(): Promise<number> {
  const settings = loadBenchSettings();
  const startedAt = new Date();
  const machine = describeMachine();
  const log = (line: string) => process.stderr.write(`[bench ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
  log(`scale ${settings.scale}; ${machine.cores} × ${machine.cpu}, load average ${machine.loadAverage.join(' ')}`);
  quietTemporalRuntime();

  const servers = await startBenchServers(settings);
  log(`servers: ${servers.described.postgres}, ${servers.described.temporal}`);
  const comparisons: Comparison[] = [];
  const measurements: Measurement[] = [];
  const failures: Array<{ benchmark: string; error: string }> = [];
  const details: Record<string, unknown> = { sizes: settings.sizes };
  try {
    const ctx = await openBenchContext(servers);
    log('Brigade API, Brigade worker and control worker are up');
    try {
      for (const name of Object.keys(BENCHMARKS) as BenchmarkName[]) {
        if (!settings.only.has(name)) continue;
        const begun = Date.now();
        log(`${name} …`);
        try {
          const outcome = await BENCHMARKS[name](ctx, settings.sizes);
          comparisons.push(...outcome.comparisons);
          measurements.push(...outcome.measurements);
          const { comparisons: _c, measurements: _m, ...rest } = outcome as BenchOutcome & Record<string, unknown>;
          if (Object.keys(rest).length > 0) details[name] = rest;
          for (const c of outcome.comparisons) log(`  ${c.metric}: Brigade ${c.brigade.toFixed(1)} ${c.unit}, baseline ${c.baseline.toFixed(1)} ${c.unit}, ratio ${c.ratio.toFixed(2)}×`);
          log(`${name} done in ${((Date.now() - begun) / 1000).toFixed(0)} s`);
        } catch (error) {
          failures.push({ benchmark: name, error: error instanceof Error ? error.stack ?? error.message : String(error) });
          log(`${name} FAILED: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    } finally {
      await ctx.close();
    }
  } finally {
    await servers.stop();
  }

  // The machine is often shared: the load at the end says whether other work came and went during the run.
  details.loadAverageAtEnd = os.loadavg().map((load) => Number(load.toFixed(2)));
  // The smoke test in `npm test` points this at a scratch folder, so a developer's last full results stay put.
  const folder = path.resolve(settings.outputDir ?? path.join(projectRoot(), '.bench-output'));
  const files = await writeResultFiles(folder, {
    startedAt: startedAt.toISOString(), durationS: Math.round((Date.now() - startedAt.getTime()) / 1000), scale: settings.scale, machine,
    servers: servers.described, comparisons, measurements, failures, details,
  });
  console.log(`\n${resultsTable(comparisons, measurements)}\n`);
  const worst = [...comparisons].sort((a, b) => b.ratio - a.ratio)[0];
  if (worst) console.log(`worst ratio: ${worst.benchmark}, ${worst.metric}: ${worst.ratio.toFixed(2)}× its baseline`);
  console.log(`written: ${files.map((file) => path.relative(process.cwd(), file)).join(', ')}`);
  for (const failure of failures) console.error(`\n${failure.benchmark} failed:\n${failure.error}`);
  return failures.length === 0 ? 0 : 1;
}

runBenchmarks().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { Comparison, Measurement } from './bench-results';
import type { MachineDescription } from './machine';
import { ratioChartSvg } from './ratio-chart';
import { resultsMarkdown, resultsTable } from './results-table';

/** Everything one run of `npm run bench` found, as written to results.json. */
export interface BenchReport {
  readonly startedAt: string;
  readonly durationS: number;
  readonly scale: number;
  readonly machine: MachineDescription;
  readonly servers: { readonly postgres: string; readonly temporal: string };
  readonly comparisons: readonly Comparison[];
  readonly measurements: readonly Measurement[];
  readonly failures: readonly { readonly benchmark: string; readonly error: string }[];
  readonly details: Readonly<Record<string, unknown>>;
}

/** Writes results.json, ratios.svg, table.txt and table.md into the output folder; resolves with their paths. */
export async function writeResultFiles(folder: string, report: BenchReport): Promise<string[]> {
  await mkdir(folder, { recursive: true });
  const files: Array<[string, string]> = [
    ['results.json', `${JSON.stringify(report, null, 2)}\n`],
    ['ratios.svg', `${ratioChartSvg(report.comparisons, `Brigade against bare baselines (scale ${report.scale}, ${report.startedAt.slice(0, 16)}Z)`)}\n`],
    ['table.txt', `${resultsTable(report.comparisons, report.measurements)}\n`],
    ['table.md', `${resultsMarkdown(report.comparisons, report.measurements)}\n`],
  ];
  for (const [name, content] of files) await writeFile(path.join(folder, name), content);
  return files.map(([name]) => path.join(folder, name));
}

import type { Comparison, Measurement } from './bench-results';

/** Rounds a figure to three significant digits, so the table stays readable at any magnitude. */
export function formatFigure(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  return Number(value.toPrecision(3)).toString();
}

/** The comparisons and measurements as a fixed-width text table, one row per figure. */
export function resultsTable(comparisons: readonly Comparison[], measurements: readonly Measurement[]): string {
  const header = ['benchmark', 'metric', 'Brigade', 'baseline', 'ratio', 'baseline is'];
  const rows = [
    ...comparisons.map((c) => [c.benchmark, c.metric, `${formatFigure(c.brigade)} ${c.unit}`, `${formatFigure(c.baseline)} ${c.unit}`,
      `${c.ratio.toFixed(2)}×`, c.baselineName]),
    ...measurements.map((m) => [m.benchmark, m.metric, `${formatFigure(m.value)} ${m.unit}`, '', '', m.note]),
  ];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

/** The same figures as a Markdown table, ready for the README. */
export function resultsMarkdown(comparisons: readonly Comparison[], measurements: readonly Measurement[]): string {
  const rows = [
    ...comparisons.map((c) => `| ${c.benchmark} | ${c.metric} | ${formatFigure(c.brigade)} ${c.unit} | ${formatFigure(c.baseline)} ${c.unit} | **${c.ratio.toFixed(2)}×** | ${c.baselineName} |`),
    ...measurements.map((m) => `| ${m.benchmark} | ${m.metric} | ${formatFigure(m.value)} ${m.unit} | — | — | ${m.note} |`),
  ];
  return ['| benchmark | metric | Brigade | baseline | ratio | baseline is |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

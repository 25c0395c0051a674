import type { RiskLevel } from '../../domain/case.vocabulary';
import { shortCaseNumber } from './case-number';

/** A bar's label: the municipality and the short case number the table shows, so two cases in one municipality differ. */
export function chartCaseLabel(municipality: string, caseId: string): string {
  return `${municipality} ${shortCaseNumber(caseId)}`;
}

/** A case to draw: what its row says, its risk (the bar's colour) and when its next deadline falls. */
export interface ChartCase {
  readonly caseId: string;
  readonly label: string;
  readonly risk: RiskLevel | null;
  readonly deadlineMs: number;
}

/** One bar of the chart, in the chart's own coordinates. */
export interface ChartBar extends ChartCase {
  readonly y: number;
  /** Where the bar starts: at "now", or at the deadline when it has passed. */
  readonly x: number;
  readonly width: number;
  readonly overdue: boolean;
}

/** A labelled mark on the time axis. */
export interface ChartTick {
  readonly x: number;
  readonly atMs: number;
}

/** Everything the SVG needs: bars, the "now" line, axis ticks, the size, and how many cases did not fit. */
export interface ChartLayout {
  readonly width: number;
  readonly height: number;
  readonly plotLeft: number;
  readonly plotRight: number;
  readonly nowX: number;
  readonly axisY: number;
  readonly bars: readonly ChartBar[];
  readonly ticks: readonly ChartTick[];
  /** The span from now to the right edge, in ms. */
  readonly horizonMs: number;
  readonly overdueCount: number;
  readonly hiddenCount: number;
}

/** The chart's fixed geometry; the SVG scales to its container through its viewBox. */
export interface ChartGeometry {
  readonly width: number;
  readonly labelWidth: number;
  readonly rightMargin: number;
  readonly rowHeight: number;
  readonly topMargin: number;
  readonly axisHeight: number;
  readonly maxRows: number;
}

/** The board's chart: 960 wide, a label column, room right of the longest bar for its countdown text. */
export const DEFAULT_GEOMETRY: ChartGeometry = {
  width: 960, labelWidth: 330, rightMargin: 150, rowHeight: 28, topMargin: 8, axisHeight: 28, maxRows: 15,
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Axis steps people read easily, smallest first. */
const STEPS = [HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 90 * DAY];
/** The least span the axis shows, so that one near deadline is not drawn across the whole width. */
const MIN_HORIZON = 6 * HOUR;

/**
 * Lays out "SLA at a glance": one bar per case from now to its next deadline, soonest first, on a time axis that
 * ends at a round step past the furthest deadline shown. Passed deadlines get a zone left of the "now" line (a fifth of
 * the plot), where their bar runs back from now towards the deadline, so they stand out by place as well as by colour.
 */
export function layoutDeadlineChart(cases: readonly ChartCase[], nowMs: number, geometry: ChartGeometry = DEFAULT_GEOMETRY): ChartLayout {
  const sorted = [...cases].filter((c) => Number.isFinite(c.deadlineMs)).sort((a, b) => a.deadlineMs - b.deadlineMs || a.caseId.localeCompare(b.caseId));
  const shown = sorted.slice(0, geometry.maxRows);
  const overdueCount = sorted.filter((c) => c.deadlineMs < nowMs).length;
  const furthest = Math.max(MIN_HORIZON, ...shown.map((c) => c.deadlineMs - nowMs));
  const step = STEPS.find((candidate) => furthest / candidate <= 6) ?? STEPS[STEPS.length - 1];
  const horizonMs = Math.ceil(furthest / step) * step;
  const latestOverdue = Math.max(0, ...shown.filter((c) => c.deadlineMs < nowMs).map((c) => nowMs - c.deadlineMs));

  const plotLeft = geometry.labelWidth;
  const plotRight = geometry.width - geometry.rightMargin;
  const overdueZone = latestOverdue > 0 ? (plotRight - plotLeft) / 5 : 0;
  const nowX = plotLeft + overdueZone;
  const scale = (plotRight - nowX) / horizonMs;
  // Passed deadlines are drawn on their own scale, so one case overdue by weeks does not squeeze the future.
  const overdueScale = latestOverdue > 0 ? overdueZone / latestOverdue : 0;

  const bars = shown.map((c, index): ChartBar => {
    const y = geometry.topMargin + index * geometry.rowHeight;
    const overdue = c.deadlineMs < nowMs;
    if (overdue) {
      const width = Math.max(4, (nowMs - c.deadlineMs) * overdueScale);
      return { ...c, y, x: nowX - width, width, overdue };
    }
    return { ...c, y, x: nowX, width: Math.max(4, (c.deadlineMs - nowMs) * scale), overdue };
  });
  const ticks: ChartTick[] = [];
  for (let at = step; at <= horizonMs; at += step) ticks.push({ x: nowX + at * scale, atMs: nowMs + at });
  const axisY = geometry.topMargin + Math.max(1, shown.length) * geometry.rowHeight;
  return {
    width: geometry.width,
    height: axisY + geometry.axisHeight,
    plotLeft,
    plotRight,
    nowX,
    axisY,
    bars,
    ticks,
    horizonMs,
    overdueCount,
    hiddenCount: sorted.length - shown.length,
  };
}

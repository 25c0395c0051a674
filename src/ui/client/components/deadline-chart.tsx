import { countdownParts, formatCountdown, formatDuration } from '../countdown-format';
import { dutchDateTimeFormat } from '../dutch-time';
import { layoutDeadlineChart, type ChartCase } from '../deadline-chart-layout';
import { useI18n } from '../i18n/language';
import { localeOf } from '../i18n/messages';

/**
 * "SLA at a glance": each open case a bar from now to its next deadline, coloured by risk and labelled with the
 * municipality and short case number (as in the table), the risk in words and the time left; passed deadlines sit left of the "now" line, outlined and
 * labelled "te laat". It is one image for assistive technology (`role="img"` with a summary); the table below it
 * carries the same data as text.
 */
export function DeadlineChart({ cases, now }: { cases: readonly ChartCase[]; now: number }) {
  const { m, language } = useI18n();
  if (cases.length === 0) return <p class="utrecht-paragraph">{m.board.chartNoDeadlines}</p>;
  const layout = layoutDeadlineChart(cases, now);
  const horizon = formatDuration(countdownParts(now + layout.horizonMs, now), m.countdown);
  const tickFormat = dutchDateTimeFormat(localeOf(language), layout.horizonMs <= 2 * 86_400_000
    ? { weekday: 'short', hour: '2-digit', minute: '2-digit' }
    : { day: 'numeric', month: 'short' });
  const label = m.board.chartLabel(layout.bars.length, layout.overdueCount, horizon);
  return (
    <figure class="vb-chart">
      <svg
        class="vb-chart__svg" viewBox={`0 0 ${layout.width} ${layout.height}`} role="img" aria-label={label}
        data-testid="deadline-chart" data-bars={layout.bars.length} data-overdue={layout.overdueCount}
      >
        <title>{label}</title>
        {layout.ticks.map((tick) => (
          <g key={tick.atMs}>
            <line class="vb-chart__grid" x1={tick.x} x2={tick.x} y1={0} y2={layout.axisY} />
            <text class="vb-chart__tick" x={tick.x} y={layout.axisY + 18} text-anchor="middle">{tickFormat.format(new Date(tick.atMs))}</text>
          </g>
        ))}
        {layout.bars.map((bar) => (
          <g key={bar.caseId} class={`vb-chart__row vb-risk-fill--${bar.risk ?? 'unknown'}${bar.overdue ? ' vb-chart__row--overdue' : ''}`}>
            <text class="vb-chart__label" x={layout.plotLeft - 8} y={bar.y + 18} text-anchor="end">
              {`${bar.label} · ${bar.risk ? m.risk[bar.risk] : m.riskUnknown}`}
            </text>
            <rect class="vb-chart__bar" x={bar.x} y={bar.y + 5} width={bar.width} height={18} rx={2} />
            <text class="vb-chart__time" x={bar.overdue ? layout.nowX + 6 : bar.x + bar.width + 6} y={bar.y + 18}>
              {formatCountdown(countdownParts(bar.deadlineMs, now), m.countdown)}
            </text>
          </g>
        ))}
        <line class="vb-chart__now" x1={layout.nowX} x2={layout.nowX} y1={0} y2={layout.axisY} />
        <text class="vb-chart__now-label" x={layout.nowX} y={layout.axisY + 18} text-anchor="middle">{m.board.chartNow}</text>
        <line class="vb-chart__axis" x1={layout.plotLeft} x2={layout.plotRight} y1={layout.axisY} y2={layout.axisY} />
      </svg>
      {layout.hiddenCount > 0 && <figcaption class="utrecht-paragraph">{m.board.chartMore(layout.hiddenCount)}</figcaption>}
    </figure>
  );
}

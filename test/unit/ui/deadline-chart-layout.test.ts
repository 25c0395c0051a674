import { DEFAULT_GEOMETRY, chartCaseLabel, layoutDeadlineChart, type ChartCase } from '../../../src/ui/client/deadline-chart-layout';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function aCase(caseId: string, deadlineFromNow: number, risk: ChartCase['risk'] = 'MEDIUM'): ChartCase {
  return { caseId, label: caseId, risk, deadlineMs: NOW + deadlineFromNow };
}

describe('the SLA chart layout', () => {
  it('draws one bar per case from now to its deadline, soonest first, the furthest reaching a round end of the axis', () => {
    const sut = layoutDeadlineChart([aCase('far', 40 * HOUR, 'LOW'), aCase('near', 10 * HOUR, 'CRITICAL')], NOW);

    expect(sut.bars.map((bar) => bar.caseId)).toEqual(['near', 'far']);
    expect(sut.nowX).toBe(DEFAULT_GEOMETRY.labelWidth);
    // 40 h is rounded up to the next 12-hour step: 48 h.
    expect(sut.horizonMs).toBe(48 * HOUR);
    const plot = sut.plotRight - sut.nowX;
    expect(sut.bars[0]).toMatchObject({ x: sut.nowX, overdue: false, risk: 'CRITICAL' });
    expect(sut.bars[0].width).toBeCloseTo(plot * (10 / 48));
    expect(sut.bars[1].width).toBeCloseTo(plot * (40 / 48));
    expect(sut.bars[1].y - sut.bars[0].y).toBe(DEFAULT_GEOMETRY.rowHeight);
  });

  it('marks the axis in steps people read, ending at the horizon', () => {
    const sut = layoutDeadlineChart([aCase('a', 5 * DAY)], NOW);

    expect(sut.horizonMs).toBe(5 * DAY);
    expect(sut.ticks.map((tick) => (tick.atMs - NOW) / DAY)).toEqual([1, 2, 3, 4, 5]);
    expect(sut.ticks[sut.ticks.length - 1].x).toBeCloseTo(sut.plotRight);
  });

  it('puts passed deadlines left of the now line, on their own scale, and counts them', () => {
    const sut = layoutDeadlineChart([aCase('late', -2 * HOUR), aCase('later', -30 * DAY), aCase('soon', HOUR)], NOW);

    expect(sut.overdueCount).toBe(2);
    expect(sut.nowX).toBeGreaterThan(sut.plotLeft);
    const [later, late, soon] = sut.bars;
    expect([later.caseId, late.caseId, soon.caseId]).toEqual(['later', 'late', 'soon']);
    expect(later).toMatchObject({ overdue: true, x: sut.plotLeft });
    expect(later.x + later.width).toBeCloseTo(sut.nowX);
    expect(late.x).toBeGreaterThan(later.x);
    expect(late.x + late.width).toBeCloseTo(sut.nowX);
    expect(soon).toMatchObject({ overdue: false, x: sut.nowX });
  });

  it('keeps a lone near deadline from filling the whole width', () => {
    const sut = layoutDeadlineChart([aCase('a', 30 * 60_000)], NOW);

    expect(sut.horizonMs).toBe(6 * HOUR);
    expect(sut.bars[0].width).toBeLessThan((sut.plotRight - sut.nowX) / 10);
  });

  it('shows at most the configured rows and says how many more there are', () => {
    const cases = Array.from({ length: 20 }, (_, i) => aCase(`c${String(i).padStart(2, '0')}`, (i + 1) * HOUR));
    const sut = layoutDeadlineChart(cases, NOW);

    expect(sut.bars).toHaveLength(DEFAULT_GEOMETRY.maxRows);
    expect(sut.hiddenCount).toBe(5);
    expect(sut.bars[sut.bars.length - 1].caseId).toBe('c14');
    expect(sut.height).toBe(DEFAULT_GEOMETRY.topMargin + 15 * DEFAULT_GEOMETRY.rowHeight + DEFAULT_GEOMETRY.axisHeight);
  });
});

describe('the label of a bar', () => {
  it('tells two cases in one municipality apart by the short case number the table shows', () => {
    const first = chartCaseLabel('Dinkelland', '3f2a9c1e-0000-4000-8000-000000000001');
    const second = chartCaseLabel('Dinkelland', '7b41d0aa-0000-4000-8000-000000000002');

    expect(first).toBe('Dinkelland 3f2a9c1e');
    expect(second).toBe('Dinkelland 7b41d0aa');
  });
});

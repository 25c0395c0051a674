import type { Comparison } from './bench-results';

const ROW = 26;
const LABEL_WIDTH = 440;
const BAR_WIDTH = 420;
const TOP = 40;

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A horizontal bar chart of every ratio as an SVG document, with a line at 1× where Brigade matches its baseline. */
export function ratioChartSvg(comparisons: readonly Comparison[], title: string): string {
  const finite = comparisons.filter((c) => Number.isFinite(c.ratio));
  const scaleMax = Math.max(2, ...finite.map((c) => c.ratio)) * 1.1;
  const x = (ratio: number) => LABEL_WIDTH + (Math.max(0, ratio) / scaleMax) * BAR_WIDTH;
  const height = TOP + finite.length * ROW + 30;
  const width = LABEL_WIDTH + BAR_WIDTH + 80;
  const bars = finite.map((c, index) => {
    const y = TOP + index * ROW;
    // Worse than twice the baseline stands out; the rest is the expected price of durability and checks.
    const colour = c.ratio > 2 ? '#c0392b' : c.ratio > 1.25 ? '#e67e22' : '#27ae60';
    return [
      `<text x="${LABEL_WIDTH - 8}" y="${y + 16}" text-anchor="end">${escapeXml(`${c.benchmark}: ${c.metric}`)}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y + 4}" width="${(x(c.ratio) - LABEL_WIDTH).toFixed(1)}" height="${ROW - 8}" fill="${colour}"/>`,
      `<text x="${(x(c.ratio) + 6).toFixed(1)}" y="${y + 16}">${c.ratio.toFixed(2)}×</text>`,
    ].join('');
  });
  const one = x(1).toFixed(1);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${LABEL_WIDTH}" y="22" font-size="14" font-weight="bold">${escapeXml(title)}</text>`,
    ...bars,
    `<line x1="${one}" y1="${TOP}" x2="${one}" y2="${height - 24}" stroke="#333" stroke-dasharray="4 3"/>`,
    `<text x="${one}" y="${height - 8}" text-anchor="middle">1× = as fast as the baseline</text>`,
    '</svg>',
  ].join('\n');
}

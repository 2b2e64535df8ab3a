/**
 * ECharts options of the program charts, built from plain figures so the same chart is drawn in the
 * browser and, as SVG, on the printed steering-committee summary (no echarts import here). Every number
 * the chart writes (axis, point labels, tooltip) is in Vietnamese format ("40.000", "17,83"): ECharts
 * alone would write "40,000" and "17.83". The legend sits under the plot and wraps onto more lines when
 * it is wider than the chart; titles are left to the page (card title, or the printed caption), which wraps.
 */
import { formatChartValue, formatNumberVi } from './number-format.ts';

/** What both charts share: no animation, the legend under the plot, numbers in Vietnamese format. */
const COMMON = {
  animation: false,
  legend: { bottom: 0, left: 'center', textStyle: { fontSize: 11 }, itemGap: 8 },
  tooltip: { trigger: 'axis', valueFormatter: formatChartValue },
} as const;

const valueAxis = (name: string) => ({
  type: 'value',
  name,
  nameTextStyle: { fontSize: 10, align: 'left' },
  axisLabel: { formatter: (v: number) => formatNumberVi(v) },
});
const pointLabel = (position?: string) => ({ show: true, fontSize: 10, formatter: formatChartValue, ...(position ? { position } : {}) });

export interface RatePoint {
  year: number;
  rate: number | null;
}

/** Poverty rate by year (line) with the target of the year (a marked point). */
export function povertyRateChartOption(points: readonly RatePoint[], target: { year: number; value: number } | null, labels: { rate: string; target: string }) {
  const years = [...new Set([...points.map((p) => p.year), ...(target ? [target.year] : [])])].toSorted((a, b) => a - b);
  const rate = new Map(points.map((p) => [p.year, p.rate]));
  return {
    ...COMMON,
    grid: { left: 8, right: 24, top: 24, bottom: 44, containLabel: true },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: valueAxis('%'),
    series: [
      { name: labels.rate, type: 'line', data: years.map((y) => rate.get(y) ?? null), label: pointLabel(), connectNulls: true },
      { name: labels.target, type: 'line', symbol: 'diamond', symbolSize: 12, showSymbol: true, lineStyle: { opacity: 0 }, data: years.map((y) => (target && y === target.year ? target.value : null)), label: pointLabel('right') },
    ],
  };
}

export interface BudgetBar {
  label: string;
  planned: number;
  allocated: number;
  disbursed: number;
}

/** Planned, allocated and disbursed money by project (millions of đồng). */
export function budgetChartOption(bars: readonly BudgetBar[], labels: { planned: string; allocated: string; disbursed: string; unit: string }) {
  return {
    ...COMMON,
    grid: { left: 8, right: 16, top: 24, bottom: 44, containLabel: true },
    xAxis: { type: 'category', data: bars.map((b) => b.label), axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: valueAxis(labels.unit),
    series: [
      { name: labels.planned, type: 'bar', data: bars.map((b) => b.planned) },
      { name: labels.allocated, type: 'bar', data: bars.map((b) => b.allocated) },
      { name: labels.disbursed, type: 'bar', data: bars.map((b) => b.disbursed) },
    ],
  };
}

/** The project a node belongs to ('DA3.TDA1' → 'DA3'). */
export const projectOf = (nodeCode: string) => nodeCode.split('.')[0]!;

const millions = (x: bigint) => Number((x + 500_000n) / 1_000_000n);

/** Budget lines summed by project, in millions of đồng (rounded), for the chart. */
export function budgetBarsByProject(lines: ReadonlyArray<{ nodeCode: string; planned: string; allocated: string; disbursed: string }>): BudgetBar[] {
  const by = new Map<string, { planned: bigint; allocated: bigint; disbursed: bigint }>();
  for (const l of lines) {
    const k = projectOf(l.nodeCode);
    const t = by.get(k) ?? { planned: 0n, allocated: 0n, disbursed: 0n };
    t.planned += BigInt(l.planned);
    t.allocated += BigInt(l.allocated);
    t.disbursed += BigInt(l.disbursed);
    by.set(k, t);
  }
  return [...by].map(([label, t]) => ({ label, planned: millions(t.planned), allocated: millions(t.allocated), disbursed: millions(t.disbursed) }));
}

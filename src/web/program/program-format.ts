/**
 * Number display of the program screens, the same in both languages (docs: 1.500.000 đồng, 12,5 %):
 * đồng amounts with dot thousands separators, percentages and indicator values with a decimal comma,
 * and the shared ECharts options given the same formats (ECharts alone writes 40,000 and 17.83).
 */
import { formatVnd } from '../../domain/program/money.ts';
import type { IndicatorUnit } from '../../domain/program/indicators.ts';

const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** A number with vi-VN separators (1.500, 12,5); '—' when unknown. */
export const formatDecimal = (x: number | null | undefined) => (x == null || Number.isNaN(x) ? '—' : decimal.format(x));

/** Whole đồng given as a string of digits → "1.500.000". */
export const formatDong = (s: string) => formatVnd(BigInt(s));

/** "41,9 %". */
export const formatPercent = (p: number | undefined) => `${formatDecimal(p ?? 0)} %`;

/** The measure after an indicator value: " %" for rates, " điểm %" / " points" for point changes, nothing for counts. */
export function indicatorSuffix(unit: IndicatorUnit | undefined, pointsLabel: string): string {
  if (unit === 'percent') return ' %';
  if (unit === 'points') return ` ${pointsLabel}`;
  return '';
}

type Formatter = (value: unknown) => string;
const label: Formatter = (v) => {
  const x = typeof v === 'object' && v !== null && 'value' in v ? (v as { value: unknown }).value : v;
  return typeof x === 'number' ? formatDecimal(x) : '';
};

/** The chart options of src/domain/program/chart-options.ts with vi-VN numbers on the axis, the labels and the tooltip. */
export function withVietnameseNumbers<T extends { yAxis: object; series: readonly object[] }>(option: T): T & { tooltip: object } {
  return {
    ...option,
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => label(v) },
    yAxis: { ...option.yAxis, axisLabel: { formatter: (v: number) => formatDecimal(v) } },
    series: option.series.map((s) => ('label' in s && typeof s.label === 'object' ? { ...s, label: { ...s.label, formatter: label } } : s)),
  };
}

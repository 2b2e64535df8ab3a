/**
 * Number display of the program screens, the same in both languages (docs: 1.500.000 đồng, 12,5 %):
 * đồng amounts with dot thousands separators, percentages and indicator values with a decimal comma
 * (src/domain/program/number-format.ts, which the charts' options use too).
 */
import { formatVnd } from '../../domain/program/money.ts';
import { formatNumberVi } from '../../domain/program/number-format.ts';
import type { IndicatorUnit } from '../../domain/program/indicators.ts';

/** A number with vi-VN separators (1.500, 12,5); '—' when unknown. */
export const formatDecimal = (x: number | null | undefined) => (x == null || Number.isNaN(x) ? '—' : formatNumberVi(x));

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

/** Card styles of a chart: its title wraps onto more lines instead of being cut off (antd cuts card titles by default). */
export const CHART_CARD_STYLES = { title: { whiteSpace: 'normal', overflow: 'visible' } } as const;

/**
 * Whether a target will be met, from the values known so far. Two rules, both pure:
 *
 * - trend (levels such as rates): a least-squares line through the known yearly values, read at the
 *   target year;
 * - pace (flows such as jobs created in the year): the value reached so far divided by the share of
 *   the year it covers (a six-month figure counts for half a year).
 *
 * The projection is then compared with the target in the indicator's good direction: met → on track;
 * missed by at most the tolerance (points for rates, a share of the target for counts; both settings) →
 * at risk; otherwise off track. Once the target year's own (final) value is known it is used as is.
 */
import type { IndicatorDirection, IndicatorUnit } from './indicators.ts';
import type { ProgramSettings } from './settings.ts';

export interface YearValue {
  year: number;
  value: number;
}

export type TargetStatus = 'on_track' | 'at_risk' | 'off_track' | 'no_data';

export interface Line {
  slope: number;
  intercept: number;
}

/** Least-squares line through the points (null with fewer than two distinct years). */
export function fitLine(points: readonly YearValue[]): Line | null {
  const n = points.length;
  if (n < 2) return null;
  const mx = points.reduce((s, p) => s + p.year, 0) / n;
  const my = points.reduce((s, p) => s + p.value, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.year - mx) * (p.value - my);
    sxx += (p.year - mx) ** 2;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx };
}

export function lineAt(line: Line, year: number): number {
  return line.intercept + line.slope * year;
}

export interface Judgement {
  status: TargetStatus;
  projected: number | null;
  /** Whether the projected value is the target year's own known value. */
  final: boolean;
  /** The rule and the numbers, in Vietnamese. */
  explanation: string;
}

const fmt = (x: number) => x.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
const unitVi = (u: IndicatorUnit) => (u === 'percent' ? ' %' : u === 'points' ? ' điểm %' : '');

/** How far the projection may miss the target and still be "at risk" (rates: points; counts: share of the target). */
export function tolerance(unit: IndicatorUnit, target: number, settings: ProgramSettings['projection']): number {
  return unit === 'count' ? (Math.abs(target) * settings.atRiskSharePercent) / 100 : settings.atRiskPoints;
}

/** Status of a projected value against the target. */
export function compareToTarget(projected: number, target: number, direction: IndicatorDirection, tol: number): Exclude<TargetStatus, 'no_data'> {
  const shortfall = direction === 'decrease' ? projected - target : target - projected;
  if (shortfall <= 1e-9) return 'on_track';
  return shortfall <= tol + 1e-9 ? 'at_risk' : 'off_track';
}

const STATUS_VI: Record<Exclude<TargetStatus, 'no_data'>, string> = { on_track: 'đúng tiến độ', at_risk: 'có nguy cơ không đạt', off_track: 'không đạt' };

export interface TargetInput {
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  target: number;
  targetYear: number;
}

function verdict(t: TargetInput, projected: number, tol: number, rule: string, final: boolean): Judgement {
  const status = compareToTarget(projected, t.target, t.direction, tol);
  const cmp = t.direction === 'decrease' ? 'không vượt quá' : 'đạt ít nhất';
  const u = unitVi(t.unit);
  const margin = status === 'at_risk' ? ` (trong biên ${fmt(tol)}${u})` : '';
  return {
    status,
    projected,
    final,
    explanation: `${rule}: ${fmt(projected)}${u}; chỉ tiêu ${cmp} ${fmt(t.target)}${u} → ${STATUS_VI[status]}${margin}.`,
  };
}

/** Judges a level target from its yearly series (years at or before the target year count). */
export function judgeTrend(t: TargetInput, series: readonly YearValue[], settings: ProgramSettings['projection']): Judgement {
  const tol = tolerance(t.unit, t.target, settings);
  const known = series.filter((p) => p.year <= t.targetYear && Number.isFinite(p.value)).toSorted((a, b) => a.year - b.year);
  const own = known.find((p) => p.year === t.targetYear);
  if (own) return verdict(t, own.value, tol, `Số liệu năm ${t.targetYear}`, true);
  if (known.length < settings.minPoints) {
    return { status: 'no_data', projected: null, final: false, explanation: `Chưa đủ số liệu: cần ít nhất ${settings.minPoints} năm, hiện có ${known.length}.` };
  }
  const line = fitLine(known)!;
  const projected = lineAt(line, t.targetYear);
  const first = known[0]!.year;
  const last = known[known.length - 1]!.year;
  const rule = `Xu hướng tuyến tính ${first}–${last} (${line.slope <= 0 ? 'giảm' : 'tăng'} ${fmt(Math.abs(line.slope))}${unitVi(t.unit)}/năm), dự báo năm ${t.targetYear}`;
  return verdict(t, projected, tol, rule, false);
}

/**
 * Judges a flow target from the value reached in the target year and the share of the year it covers
 * (0.5 for a six-month report, 1 for the annual one).
 */
export function judgePace(t: TargetInput, reached: number | null, yearShare: number, settings: ProgramSettings['projection']): Judgement {
  if (reached === null || yearShare <= 0) return { status: 'no_data', projected: null, final: false, explanation: 'Chưa có số liệu báo cáo trong năm.' };
  const tol = tolerance(t.unit, t.target, settings);
  if (yearShare >= 1) return verdict(t, reached, tol, `Kết quả cả năm ${t.targetYear}`, true);
  const projected = reached / yearShare;
  return verdict(t, projected, tol, `Đạt ${fmt(reached)} sau ${fmt(yearShare * 12)} tháng, ước cả năm theo tốc độ hiện tại`, false);
}

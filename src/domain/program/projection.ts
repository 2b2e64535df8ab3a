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
 *
 * Every verdict carries its rule and numbers in both languages (Vietnamese first, English second; the
 * server answers in the request's language, printed reports are Vietnamese). Numbers are written the
 * Vietnamese way in both ("1.000", "0,5"), like the rest of the program's figures. A flow figure covers
 * either the first six months or the whole year, so explanations never speak of fractions of months:
 * a province figure mixing both says how many units have their annual figure.
 */
import { problem, type Problem } from '../review/problem.ts';
import type { IndicatorDirection, IndicatorUnit } from './indicators.ts';
import { formatNumberVi as fmt } from './number-format.ts';
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
  /** The rule and the numbers, in both languages. */
  explanation: Problem;
}

/** A judgement with its explanation in one language (what the API and the printed reports carry). */
export type JudgementText = Omit<Judgement, 'explanation'> & { explanation: string };

export function judgementIn(j: Judgement, locale: 'vi' | 'en'): JudgementText {
  return { ...j, explanation: j.explanation[locale] };
}

/** The judgement with a sentence added to its explanation (in both languages). */
export function withNote(j: Judgement, note: Problem): Judgement {
  return { ...j, explanation: problem(`${j.explanation.vi} ${note.vi}`, `${j.explanation.en} ${note.en}`) };
}

const noData = (why: Problem): Judgement => ({ status: 'no_data', projected: null, final: false, explanation: why });

/** The measure after a value: rates in %, changes of a rate (and the slope of a rate's trend) in points. */
const measure = (u: IndicatorUnit): Problem => (u === 'percent' ? problem(' %', ' %') : u === 'points' ? problem(' điểm %', ' points') : problem('', ''));
/** The measure of a change (a trend's slope, the at-risk margin): points for rates and point changes, none for counts. */
const changeMeasure = (u: IndicatorUnit): Problem => (u === 'count' ? problem('', '') : problem(' điểm %', ' points'));

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

const STATUS: Record<Exclude<TargetStatus, 'no_data'>, Problem> = {
  on_track: problem('đúng tiến độ', 'on track'),
  at_risk: problem('có nguy cơ không đạt', 'at risk'),
  off_track: problem('không đạt', 'off track'),
};

export interface TargetInput {
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  target: number;
  targetYear: number;
}

function verdict(t: TargetInput, projected: number, tol: number, rule: Problem, final: boolean): Judgement {
  const status = compareToTarget(projected, t.target, t.direction, tol);
  const u = measure(t.unit);
  const m = changeMeasure(t.unit);
  const up = t.direction === 'increase';
  const vi = `${rule.vi}: ${fmt(projected)}${u.vi}; chỉ tiêu ${up ? 'đạt ít nhất' : 'không vượt quá'} ${fmt(t.target)}${u.vi} → ${STATUS[status].vi}${status === 'at_risk' ? ` (trong biên ${fmt(tol)}${m.vi})` : ''}.`;
  const en = `${rule.en}: ${fmt(projected)}${u.en}; target ${up ? 'at least' : 'at most'} ${fmt(t.target)}${u.en} → ${STATUS[status].en}${status === 'at_risk' ? ` (within the margin of ${fmt(tol)}${m.en})` : ''}.`;
  return { status, projected, final, explanation: problem(vi, en) };
}

/** Judges a level target from its yearly series (years at or before the target year count). */
export function judgeTrend(t: TargetInput, series: readonly YearValue[], settings: ProgramSettings['projection']): Judgement {
  const tol = tolerance(t.unit, t.target, settings);
  const known = series.filter((p) => p.year <= t.targetYear && Number.isFinite(p.value)).toSorted((a, b) => a.year - b.year);
  const own = known.find((p) => p.year === t.targetYear);
  if (own) return verdict(t, own.value, tol, problem(`Số liệu năm ${t.targetYear}`, `Figure of ${t.targetYear}`), true);
  if (known.length < settings.minPoints) {
    return noData(problem(`Chưa đủ số liệu: cần ít nhất ${settings.minPoints} năm, hiện có ${known.length}.`, `Not enough data: at least ${settings.minPoints} years needed, ${known.length} available.`));
  }
  const line = fitLine(known)!;
  const projected = lineAt(line, t.targetYear);
  const span = `${known[0]!.year}–${known[known.length - 1]!.year}`;
  const slope = `${fmt(Math.abs(line.slope))}`;
  const sm = changeMeasure(t.unit);
  const down = line.slope <= 0;
  const rule = problem(
    `Xu hướng tuyến tính ${span} (${down ? 'giảm' : 'tăng'} ${slope}${sm.vi}/năm), dự báo năm ${t.targetYear}`,
    `Linear trend ${span} (${down ? 'down' : 'up'} ${slope}${sm.en} a year), projected for ${t.targetYear}`,
  );
  return verdict(t, projected, tol, rule, false);
}

/**
 * A flow indicator's figures in the target year: what the units have reported (each unit once: its
 * annual figure if it has one, else its six-month figure), the same with the six-month figures doubled
 * (the whole year at the pace of the first six months), how many units reported and how many of them
 * have their annual figure.
 */
export interface Pace {
  reached: number;
  projected: number;
  units: number;
  annualUnits: number;
}

/**
 * Judges a flow target from the year's figures: final once every reporting unit has its annual
 * figure; otherwise the six-month figures are counted at their pace for the whole year. `ofUnits`
 * (a province's target) says in the explanation how many units the figure adds up.
 */
export function judgePace(t: TargetInput, pace: Pace | null, settings: ProgramSettings['projection'], ofUnits = false): Judgement {
  if (pace === null) return noData(problem('Chưa có số liệu báo cáo trong năm.', 'No figures reported for the year yet.'));
  const tol = tolerance(t.unit, t.target, settings);
  const u = measure(t.unit);
  const sum = ofUnits ? problem(` (tổng của ${pace.units} đơn vị đã báo cáo)`, ` (sum of the ${pace.units} reporting units)`) : problem('', '');
  if (pace.annualUnits === pace.units) return verdict(t, pace.reached, tol, problem(`Kết quả cả năm ${t.targetYear}${sum.vi}`, `Result of the whole year ${t.targetYear}${sum.en}`), true);
  const reached = fmt(pace.reached);
  const rule =
    pace.annualUnits === 0
      ? problem(`Đạt ${reached}${u.vi} sau 6 tháng${sum.vi}, ước cả năm theo tốc độ 6 tháng đầu năm`, `${reached}${u.en} reached in the first six months${sum.en}, whole year at that pace`)
      : problem(
          `Đạt ${reached}${u.vi}: ${pace.annualUnits}/${pace.units} đơn vị đã có số cả năm, số 6 tháng của ${pace.units - pace.annualUnits} đơn vị còn lại được tính gấp đôi; ước cả năm`,
          `${reached}${u.en} reached: ${pace.annualUnits} of ${pace.units} units have their annual figure, the six-month figures of the other ${pace.units - pace.annualUnits} are doubled; whole year`,
        );
  return verdict(t, pace.projected, tol, rule, false);
}

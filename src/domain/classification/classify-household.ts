/**
 * Classifies one raw household (household input model) under a standard at a reference date:
 * derives every indicator with its reason, counts deprivations, applies the standard's rule, and adds
 * Decree 30/2025 low-income workers and the farm average-living-standard flag.
 */
import type { PovertyStandard } from '../standards/poverty-standard.ts';
import type { IndicatorId } from '../standards/types.ts';
import { CLASS_CODE, classOfCode, subtypeOfCode } from './class-codes.ts';
import { compileStandard, type CompiledStandard } from './compiled-standard.ts';
import { decideByIncome, decideByScore } from './compiled-rules.ts';
import { farmNote, qualifyingFarmOccupations } from './farm-household.ts';
import { formatVnd } from './format-vi.ts';
import type { HouseholdInput } from './household-input.ts';
import { ClassificationInputError } from './input-error.ts';
import { findLowIncomeWorkers } from './low-income-worker.ts';
import { areaCodeOf, readMeasures, type Measures } from './measures.ts';
import type { HouseholdClassification, IndicatorEvaluation } from './result.ts';

export interface ClassifyHouseholdOptions {
  /** Reference date of the review `YYYY-MM-DD`, used for ages and date-bound rules. A household's own `referenceDate` wins. */
  readonly referenceDate?: string;
}

const measures: Measures = { income: NaN, scoreA: NaN };

function referenceDateOf(c: CompiledStandard, h: HouseholdInput, fallback: string | undefined): number {
  const text = h.referenceDate ?? fallback;
  if (text === undefined) throw new ClassificationInputError('Thiếu ngày rà soát (referenceDate) để tính tuổi thành viên');
  return c.context.referenceYmd(text);
}

/** Derives every indicator of the standard for a household: deprived flag and Vietnamese reason, in standard order. */
export function deriveIndicators(h: HouseholdInput, standard: PovertyStandard, referenceDate: string): IndicatorEvaluation[] {
  const c = compileStandard(standard);
  const ctx = c.context;
  if (!Array.isArray(h.members)) throw new ClassificationInputError('Thiếu danh sách thành viên (members)');
  ctx.prepare(h, referenceDateOf(c, h, referenceDate));
  const out: IndicatorEvaluation[] = [];
  for (let i = 0; i < c.evaluators.length; i++) out.push(c.evaluators[i](h, ctx));
  return out;
}

/** Classifies a raw household with an already compiled standard (hot path of batch jobs). */
export function classifyHouseholdCompiled(c: CompiledStandard, h: HouseholdInput, referenceDate?: string): HouseholdClassification {
  const area = areaCodeOf(h.area);
  const m = readMeasures(c, h.income, h.scoreA, measures);
  const income = m.income;
  const scoreA = m.scoreA;
  if (!Array.isArray(h.members)) throw new ClassificationInputError('Thiếu danh sách thành viên (members)');
  const ctx = c.context;
  ctx.prepare(h, referenceDateOf(c, h, referenceDate));

  const evaluators = c.evaluators;
  const n = evaluators.length;
  // oxlint-disable-next-line unicorn/no-new-array -- preallocated to its final length
  const indicators: IndicatorEvaluation[] = new Array(n);
  let mask = 0;
  for (let i = 0; i < n; i++) {
    const e = evaluators[i](h, ctx);
    indicators[i] = e;
    if (e.deprived) mask |= 1 << i;
  }
  const set = c.deprivationSets.get(mask);
  const d = set.count;
  const byScore = !Number.isNaN(scoreA);
  const code = byScore ? decideByScore(c.rules, area, scoreA, d, income) : decideByIncome(c.rules, area, income, d);
  const incomeText = Number.isNaN(income) ? '' : formatVnd(income);
  let explanation = byScore ? c.explain.byScore(area, scoreA, code, d, set.labels, income) : c.explain.byIncomeForSet(area, incomeText, code, set);

  const result: {
    id: string | number | null;
    standard: string;
    class: HouseholdClassification['class'];
    subtype: HouseholdClassification['subtype'];
    deprivationCount: number;
    deprivations: readonly IndicatorId[];
    explanation: string;
    indicators: IndicatorEvaluation[];
    lowIncomeWorkers: HouseholdClassification['lowIncomeWorkers'];
    farmAverageLivingStandard: boolean | undefined;
  } = {
    id: h.id ?? null,
    standard: c.standard.id,
    class: classOfCode(code),
    // Absent keys are written as undefined so every result has one shape; JSON omits them.
    subtype: subtypeOfCode(code),
    deprivationCount: d,
    deprivations: set.ids,
    explanation: '',
    indicators,
    lowIncomeWorkers: undefined,
    farmAverageLivingStandard: undefined,
  };
  const low = findLowIncomeWorkers(c, ctx, area, income, incomeText, code);
  if (low !== undefined) {
    result.lowIncomeWorkers = low.workers;
    explanation += low.note;
  }
  if (code === CLASS_CODE.AVERAGE) {
    const farm = qualifyingFarmOccupations(c.standard, h);
    result.farmAverageLivingStandard = farm !== '';
    if (farm !== '') explanation += farmNote(farm);
  }
  result.explanation = explanation;
  return result;
}

/** Classifies a raw household under `standard`. Throws ClassificationInputError (Vietnamese message) on bad input. */
export function classifyHousehold(h: HouseholdInput, standard: PovertyStandard, options: ClassifyHouseholdOptions = {}): HouseholdClassification {
  return classifyHouseholdCompiled(compileStandard(standard), h, options.referenceDate);
}

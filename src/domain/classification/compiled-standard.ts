/**
 * A standard prepared for classification: compiled thresholds, indicator evaluators, explanation
 * texts and lookup tables. Compiled once per standard object (cached), then reused for every household.
 */
import type { PovertyStandard } from '../standards/poverty-standard.ts';
import type { IndicatorId } from '../standards/types.ts';
import { compileRules, type CompiledRules } from './compiled-rules.ts';
import { inclusiveUpperBound, operatorSymbol } from '../standards/operators.ts';
import { parseIsoDate } from './dates.ts';
import { formatVnd } from './format-vi.ts';
import { DeprivationSets } from './deprivation-sets.ts';
import { EvaluationContext } from './evaluation-context.ts';
import { ExplanationBuilder } from './explanation.ts';
import { INDICATOR_COMPILERS, type IndicatorEvaluator } from './indicators/index.ts';

export interface CompiledStandard {
  readonly standard: PovertyStandard;
  readonly rules: CompiledRules;
  readonly explain: ExplanationBuilder;
  /** Evaluators in the standard's indicator order. */
  readonly evaluators: readonly IndicatorEvaluator[];
  readonly indicatorIds: readonly IndicatorId[];
  /** Short Vietnamese labels in indicator order. */
  readonly shortLabels: readonly string[];
  /** Indicator id → bit index. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** Deprivation sets (ids and labels) by mask. */
  readonly deprivationSets: DeprivationSets;
  /** Low-income-worker rule compiled, or null when the standard has no such rule. */
  readonly lowIncomeWorkerWindow: LowIncomeWorkerWindow | null;
  /** Reusable per-household scratch space. */
  readonly context: EvaluationContext;
}

export interface LowIncomeWorkerWindow {
  /** First / last reference date (ymd) on which the rule applies; −1 / +∞ when open. */
  readonly from: number;
  readonly until: number;
  /** Inclusive income bound per area code. */
  readonly bound: Float64Array;
  /** " ≤ 2.250.000 đ, Nghị định 30/2025/NĐ-CP)" per area code. */
  readonly basisText: readonly string[];
}

function lowIncomeWorkerWindow(standard: PovertyStandard): LowIncomeWorkerWindow | null {
  const p = standard.parameters;
  const lines = p.lowIncomeWorkerIncomeLine;
  if (lines === null) return null;
  const from = p.lowIncomeWorkerEffectiveFrom === null ? -1 : parseIsoDate(p.lowIncomeWorkerEffectiveFrom);
  const until = p.lowIncomeWorkerEffectiveUntil === null ? Infinity : parseIsoDate(p.lowIncomeWorkerEffectiveUntil);
  if (from < -1 || until < 0) throw new Error(`Chuẩn ${standard.id}: ngày hiệu lực người lao động có thu nhập thấp không hợp lệ`);
  const areas = [lines.rural, lines.urban];
  return {
    from,
    until,
    bound: new Float64Array(areas.map(inclusiveUpperBound)),
    basisText: areas.map((t) => ` ${operatorSymbol(t.operator)} ${formatVnd(t.value)}, Nghị định 30/2025/NĐ-CP)`),
  };
}

const cache = new WeakMap<PovertyStandard, CompiledStandard>();

/** Compiles (or returns the cached compilation of) a standard. */
export function compileStandard(standard: PovertyStandard): CompiledStandard {
  let compiled = cache.get(standard);
  if (compiled === undefined) {
    const rules = compileRules(standard);
    compiled = Object.freeze({
      standard,
      rules,
      explain: new ExplanationBuilder(standard, rules),
      evaluators: standard.indicators.map((def) => INDICATOR_COMPILERS[def.id](standard, def)),
      indicatorIds: standard.indicators.map((d) => d.id),
      shortLabels: standard.indicators.map((d) => d.shortLabel),
      indexOf: new Map(standard.indicators.map((d, i) => [d.id as string, i])),
      deprivationSets: new DeprivationSets(standard.indicators.map((d) => d.id), standard.indicators.map((d) => d.shortLabel)),
      lowIncomeWorkerWindow: lowIncomeWorkerWindow(standard),
      context: new EvaluationContext(standard.parameters),
    });
    cache.set(standard, compiled);
  }
  return compiled;
}

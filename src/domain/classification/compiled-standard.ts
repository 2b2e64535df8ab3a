/**
 * A standard prepared for classification: compiled thresholds, indicator evaluators, explanation
 * texts and lookup tables. Compiled once per standard object (cached), then reused for every household.
 */
import type { PovertyStandard } from '../standards/poverty-standard.ts';
import type { IndicatorId } from '../standards/types.ts';
import { compileRules, type CompiledRules } from './compiled-rules.ts';
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
  /** Reusable per-household scratch space. */
  readonly context: EvaluationContext;
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
      context: new EvaluationContext(standard.parameters),
    });
    cache.set(standard, compiled);
  }
  return compiled;
}

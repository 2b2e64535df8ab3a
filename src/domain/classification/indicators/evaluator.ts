/**
 * Indicator evaluator contract. A compiler turns a standard's parameters into an evaluator once; the
 * evaluator then runs per household, returning the deprived flag and a Vietnamese reason. Constant
 * outcomes are built at compile time and shared (frozen) to avoid per-household allocation.
 */
import type { PovertyStandard } from '../../standards/poverty-standard.ts';
import type { IndicatorDefinition } from '../../standards/types.ts';
import type { EvaluationContext } from '../evaluation-context.ts';
import type { HouseholdInput } from '../household-input.ts';
import type { IndicatorEvaluation } from '../result.ts';

export type IndicatorEvaluator = (h: HouseholdInput, ctx: EvaluationContext) => IndicatorEvaluation;

export type IndicatorCompiler = (standard: PovertyStandard, definition: IndicatorDefinition) => IndicatorEvaluator;

/** A frozen evaluation, for outcomes whose reason does not depend on the household. */
export function fixedOutcome(definition: IndicatorDefinition, deprived: boolean, reason: string): IndicatorEvaluation {
  return Object.freeze({ id: definition.id, deprived, reason });
}

/** "a, b và c". */
export function joinVi(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} và ${items[items.length - 1]}`;
}

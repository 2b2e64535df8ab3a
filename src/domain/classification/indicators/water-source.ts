/** Domestic water source: deprived when the main source is not in `safeWaterSources`. */
import { WATER_SOURCE_LABELS, type WaterSource } from '../../standards/fact-codes.ts';
import { missingHouseholdFact } from '../evaluation-context.ts';
import { ClassificationInputError } from '../input-error.ts';
import type { IndicatorEvaluation } from '../result.ts';
import type { IndicatorCompiler } from './evaluator.ts';
import { fixedOutcome } from './evaluator.ts';

export const compileWaterSource: IndicatorCompiler = (standard, def) => {
  const safe = new Set<WaterSource>(standard.parameters.safeWaterSources);
  const outcomes = new Map<string, IndicatorEvaluation>();
  for (const [code, label] of Object.entries(WATER_SOURCE_LABELS) as [WaterSource, string][]) {
    outcomes.set(code, safe.has(code)
      ? fixedOutcome(def, false, `Nguồn nước sinh hoạt an toàn: ${label}`)
      : fixedOutcome(def, true, `Nguồn nước sinh hoạt không an toàn: ${label}`));
  }
  return (h) => {
    const source = h.waterSource;
    if (source === undefined) throw missingHouseholdFact('waterSource', 'nguồn nước sinh hoạt chính', def.label);
    const outcome = outcomes.get(source);
    if (outcome === undefined) throw new ClassificationInputError(`Nguồn nước "${source}" không hợp lệ`);
    return outcome;
  };
};

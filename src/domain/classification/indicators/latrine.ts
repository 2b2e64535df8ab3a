/** Hygienic latrine: deprived when the latrine type is not in `hygienicLatrines`. */
import { LATRINE_LABELS, type LatrineType } from '../../standards/fact-codes.ts';
import { missingHouseholdFact } from '../evaluation-context.ts';
import { ClassificationInputError } from '../input-error.ts';
import type { IndicatorEvaluation } from '../result.ts';
import type { IndicatorCompiler } from './evaluator.ts';
import { fixedOutcome } from './evaluator.ts';

export const compileLatrine: IndicatorCompiler = (standard, def) => {
  const hygienic = new Set<LatrineType>(standard.parameters.hygienicLatrines);
  const outcomes = new Map<string, IndicatorEvaluation>();
  for (const [code, label] of Object.entries(LATRINE_LABELS) as [LatrineType, string][]) {
    outcomes.set(code, hygienic.has(code)
      ? fixedOutcome(def, false, `Hộ sử dụng nhà tiêu hợp vệ sinh: ${label}`)
      : fixedOutcome(def, true, `Hộ không sử dụng nhà tiêu hợp vệ sinh: ${label}`));
  }
  return (h) => {
    const type = h.latrine;
    if (type === undefined) throw missingHouseholdFact('latrine', 'loại nhà tiêu', def.label);
    const outcome = outcomes.get(type);
    if (outcome === undefined) throw new ClassificationInputError(`Loại nhà tiêu "${type}" không hợp lệ`);
    return outcome;
  };
};

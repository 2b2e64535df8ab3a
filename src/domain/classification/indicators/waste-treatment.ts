/** Domestic waste treatment (2027+): deprived when the treatment is not in `adequateWasteTreatments`. */
import { WASTE_TREATMENT_LABELS, type WasteTreatment } from '../../standards/fact-codes.ts';
import { missingHouseholdFact } from '../evaluation-context.ts';
import { ClassificationInputError } from '../input-error.ts';
import type { IndicatorEvaluation } from '../result.ts';
import type { IndicatorCompiler } from './evaluator.ts';
import { fixedOutcome } from './evaluator.ts';

export const compileWasteTreatment: IndicatorCompiler = (standard, def) => {
  const adequate = new Set<WasteTreatment>(standard.parameters.adequateWasteTreatments);
  const outcomes = new Map<string, IndicatorEvaluation>();
  for (const [code, label] of Object.entries(WASTE_TREATMENT_LABELS) as [WasteTreatment, string][]) {
    outcomes.set(code, adequate.has(code)
      ? fixedOutcome(def, false, `Rác thải sinh hoạt ${label}`)
      : fixedOutcome(def, true, `Rác thải sinh hoạt không được thu gom hoặc xử lý hợp vệ sinh: ${label}`));
  }
  return (h) => {
    const t = h.wasteTreatment;
    if (t === undefined) throw missingHouseholdFact('wasteTreatment', 'cách xử lý rác thải sinh hoạt', def.label);
    const outcome = outcomes.get(t);
    if (outcome === undefined) throw new ClassificationInputError(`Cách xử lý rác thải "${t}" không hợp lệ`);
    return outcome;
  };
};

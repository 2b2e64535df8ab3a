/**
 * Per-capita housing area: floor area / members compared with `housingAreaPerCapita` (e.g. < 8 m²).
 * Outcomes for integer floor areas are cached by (area, members).
 */
import { negatedOperatorSymbol, operatorSymbol, satisfies } from '../../standards/operators.ts';
import { BoundedCache } from '../bounded-cache.ts';
import { missingHouseholdFact } from '../evaluation-context.ts';
import { formatNumberVi } from '../format-vi.ts';
import { ClassificationInputError } from '../input-error.ts';
import type { IndicatorEvaluation } from '../result.ts';
import type { IndicatorCompiler } from './evaluator.ts';
import { fixedOutcome } from './evaluator.ts';

const MAX_CACHED_MEMBERS = 128;
const MAX_CACHED_AREA = 1 << 20;

export const compileHousingArea: IndicatorCompiler = (standard, def) => {
  const t = standard.parameters.housingAreaPerCapita;
  const line = `${formatNumberVi(t.value)} m²`;
  const yes = operatorSymbol(t.operator);
  const no = negatedOperatorSymbol(t.operator);
  const cache = new BoundedCache<IndicatorEvaluation>();

  function build(area: number, members: number): IndicatorEvaluation {
    const perCapita = area / members;
    const deprived = satisfies(perCapita, t);
    const reason = `Diện tích nhà ở bình quân ${formatNumberVi(perCapita)} m²/người (${formatNumberVi(area)} m², ${members} người) ${deprived ? yes : no} ${line}`;
    return fixedOutcome(def, deprived, reason);
  }

  return (h, ctx) => {
    const area = h.housing?.floorArea;
    if (area === undefined) throw missingHouseholdFact('housing.floorArea', 'diện tích nhà ở, m²', def.label);
    if (typeof area !== 'number' || !(area >= 0) || !Number.isFinite(area)) {
      throw new ClassificationInputError(`Diện tích nhà ở (housing.floorArea) phải là số m² không âm (nhận được: ${JSON.stringify(area)})`);
    }
    const n = ctx.count;
    if (!Number.isInteger(area) || area >= MAX_CACHED_AREA || n >= MAX_CACHED_MEMBERS) return build(area, n);
    const key = area * MAX_CACHED_MEMBERS + n;
    let outcome = cache.get(key);
    if (outcome === undefined) {
      outcome = build(area, n);
      cache.set(key, outcome);
    }
    return outcome;
  };
};

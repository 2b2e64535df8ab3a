/** Per-capita housing area: floor area / members compared with `housingAreaPerCapita` (e.g. < 8 m²). */
import { negatedOperatorSymbol, operatorSymbol, satisfies } from '../../standards/operators.ts';
import { missingHouseholdFact } from '../evaluation-context.ts';
import { formatNumberVi } from '../format-vi.ts';
import { ClassificationInputError } from '../input-error.ts';
import type { IndicatorCompiler } from './evaluator.ts';

export const compileHousingArea: IndicatorCompiler = (standard, def) => {
  const t = standard.parameters.housingAreaPerCapita;
  const line = `${formatNumberVi(t.value)} m²`;
  const yes = operatorSymbol(t.operator);
  const no = negatedOperatorSymbol(t.operator);
  return (h, ctx) => {
    const area = h.housing?.floorArea;
    if (area === undefined) throw missingHouseholdFact('housing.floorArea', 'diện tích nhà ở, m²', def.label);
    if (typeof area !== 'number' || !(area >= 0) || !Number.isFinite(area)) {
      throw new ClassificationInputError(`Diện tích nhà ở (housing.floorArea) phải là số m² không âm (nhận được: ${JSON.stringify(area)})`);
    }
    const perCapita = area / ctx.count;
    const deprived = satisfies(perCapita, t);
    return {
      id: def.id,
      deprived,
      reason: `Diện tích nhà ở bình quân ${formatNumberVi(perCapita)} m²/người (${formatNumberVi(area)} m², ${ctx.count} người) ${deprived ? yes : no} ${line}`,
    };
  };
};

/** Dependents: share of dependents among members compared with `dependents.ratio` (e.g. > 50 %). */
import { operatorSymbol, negatedOperatorSymbol, satisfies } from '../../standards/operators.ts';
import { formatPercentVi } from '../format-vi.ts';
import type { IndicatorCompiler } from './evaluator.ts';

export const compileDependents: IndicatorCompiler = (standard, def) => {
  const rule = standard.parameters.dependents;
  const line = formatPercentVi(rule.ratio.value);
  const yes = operatorSymbol(rule.ratio.operator);
  const no = negatedOperatorSymbol(rule.ratio.operator);
  return (h, ctx) => {
    let dependents = 0;
    for (let i = 0; i < ctx.count; i++) {
      const age = ctx.age[i];
      if (age < rule.childMaxAgeExclusive) {
        dependents++;
        continue;
      }
      const m = h.members[i];
      if (m.monthlySocialAllowance !== true) continue;
      if (rule.countElderlyWithSocialAllowance && age >= rule.elderlyMinAge) dependents++;
      else if (rule.countDisabledWithSocialAllowance && m.disability !== undefined && m.disability !== 'none') dependents++;
    }
    const ratio = dependents / ctx.count;
    const deprived = satisfies(ratio, rule.ratio);
    return {
      id: def.id,
      deprived,
      reason: `Tỷ lệ người phụ thuộc ${dependents}/${ctx.count} (${formatPercentVi(ratio)}) ${deprived ? yes : no} ${line}`,
    };
  };
};

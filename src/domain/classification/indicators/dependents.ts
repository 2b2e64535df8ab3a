/** Dependents: share of dependents among members compared with `dependents.ratio` (e.g. > 50 %). */
import { operatorSymbol, negatedOperatorSymbol, satisfies } from '../../standards/operators.ts';
import { BoundedCache } from '../bounded-cache.ts';
import { formatPercentVi } from '../format-vi.ts';
import type { IndicatorEvaluation } from '../result.ts';
import type { IndicatorCompiler } from './evaluator.ts';
import { fixedOutcome } from './evaluator.ts';

export const compileDependents: IndicatorCompiler = (standard, def) => {
  const rule = standard.parameters.dependents;
  const line = formatPercentVi(rule.ratio.value);
  const childMax = rule.childMaxAgeExclusive;
  const elderlyMin = rule.elderlyMinAge;
  const countElderly = rule.countElderlyWithSocialAllowance;
  const countDisabled = rule.countDisabledWithSocialAllowance;
  const yes = operatorSymbol(rule.ratio.operator);
  const no = negatedOperatorSymbol(rule.ratio.operator);
  // Outcome by (dependents, members), built once.
  const cache = new BoundedCache<IndicatorEvaluation>();
  function build(dependents: number, members: number): IndicatorEvaluation {
    const ratio = dependents / members;
    const deprived = satisfies(ratio, rule.ratio);
    return fixedOutcome(def, deprived, `Tỷ lệ người phụ thuộc ${dependents}/${members} (${formatPercentVi(ratio)}) ${deprived ? yes : no} ${line}`);
  }
  return (h, ctx) => {
    let dependents = 0;
    const n = ctx.count;
    const ages = ctx.age;
    const members = h.members;
    for (let i = 0; i < n; i++) {
      const age = ages[i];
      if (age < childMax) {
        dependents++;
        continue;
      }
      const m = members[i];
      if (m.monthlySocialAllowance !== true) continue;
      if (countElderly && age >= elderlyMin) dependents++;
      else if (countDisabled && m.disability !== undefined && m.disability !== 'none') dependents++;
    }
    if (ctx.count >= 65536) return build(dependents, ctx.count);
    const key = dependents * 65536 + ctx.count;
    let outcome = cache.get(key);
    if (outcome === undefined) {
      outcome = build(dependents, ctx.count);
      cache.set(key, outcome);
    }
    return outcome;
  };
};

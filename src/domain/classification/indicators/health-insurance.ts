/** Health insurance: a member aged ≥ `healthInsuranceMinAge` has no valid card. */
import type { IndicatorCompiler } from './evaluator.ts';
import { fixedOutcome } from './evaluator.ts';

export const compileHealthInsurance: IndicatorCompiler = (standard, def) => {
  const minAge = standard.parameters.healthInsuranceMinAge;
  const ok = fixedOutcome(def, false, `Mọi thành viên từ ${minAge} tuổi trở lên đều có thẻ BHYT`);
  const nobody = fixedOutcome(def, false, `Không có thành viên từ ${minAge} tuổi trở lên`);
  const prefix = `Thành viên từ ${minAge} tuổi trở lên không có thẻ BHYT: `;
  return (h, ctx) => {
    let list = '';
    let counted = 0;
    const n = ctx.count;
    const ages = ctx.age;
    const members = h.members;
    for (let i = 0; i < n; i++) {
      if (ages[i] < minAge) continue;
      counted++;
      const has = members[i].healthInsurance;
      if (has === undefined) throw ctx.missingMemberFact(i, 'healthInsurance', 'có thẻ BHYT còn hiệu lực', def.label);
      if (!has) list += (list === '' ? '' : ', ') + ctx.labelWithAge(i);
    }
    if (list !== '') return { id: def.id, deprived: true, reason: prefix + list };
    return counted === 0 ? nobody : ok;
  };
};

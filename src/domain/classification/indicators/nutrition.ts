/** Nutrition: a child younger than `nutritionChildMaxAgeExclusive` is stunted or underweight. */
import type { IndicatorCompiler } from './evaluator.ts';
import { fixedOutcome } from './evaluator.ts';

export const compileNutrition: IndicatorCompiler = (standard, def) => {
  const maxAge = standard.parameters.nutritionChildMaxAgeExclusive;
  const ok = fixedOutcome(def, false, `Không có trẻ em dưới ${maxAge} tuổi suy dinh dưỡng thấp còi hoặc nhẹ cân`);
  const prefix = `Trẻ em dưới ${maxAge} tuổi suy dinh dưỡng: `;
  return (h, ctx) => {
    let list = '';
    const n = ctx.count;
    const ages = ctx.age;
    const members = h.members;
    for (let i = 0; i < n; i++) {
      if (ages[i] >= maxAge) continue;
      const m = members[i];
      const stunted = m.stunted === true;
      const underweight = m.underweight === true;
      if (!stunted && !underweight) continue;
      const kind = stunted && underweight ? 'thấp còi, nhẹ cân' : stunted ? 'thấp còi' : 'nhẹ cân';
      list += `${list === '' ? '' : ', '}${ctx.label(i)} (${ages[i]} tuổi, ${kind})`;
    }
    return list === '' ? ok : { id: def.id, deprived: true, reason: prefix + list };
  };
};

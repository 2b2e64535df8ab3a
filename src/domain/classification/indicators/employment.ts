/** Employment: a working-age member able to work is unemployed, or works for wages without a labour contract. */
import { EMPLOYMENT_STATUS_LABELS } from '../../standards/fact-codes.ts';
import type { IndicatorCompiler } from './evaluator.ts';
import { fixedOutcome } from './evaluator.ts';

export const compileEmployment: IndicatorCompiler = (standard, def) => {
  const countsContract = standard.parameters.employmentCountsWageWithoutContract;
  const what = countsContract ? 'thất nghiệp hoặc làm công ăn lương không có hợp đồng lao động' : 'thất nghiệp';
  const ok = fixedOutcome(def, false, `Không có thành viên trong độ tuổi lao động ${what}`);
  const prefix = `Thành viên trong độ tuổi lao động ${what}: `;
  return (h, ctx) => {
    let list = '';
    for (let i = 0; i < ctx.count; i++) {
      if (ctx.workingAge[i] === 0) continue;
      const m = h.members[i];
      if (m.ableToWork === false) continue;
      const status = m.employment;
      if (status === undefined) throw ctx.missingMemberFact(i, 'employment', 'tình trạng việc làm', def.label);
      if (EMPLOYMENT_STATUS_LABELS[status] === undefined) throw ctx.memberError(i, `tình trạng việc làm "${status}" không hợp lệ`);
      if (status === 'unemployed') {
        list += `${list === '' ? '' : ', '}${ctx.label(i)} (${ctx.age[i]} tuổi, thất nghiệp)`;
      } else if (status === 'wage_employed' && countsContract) {
        if (m.hasLabourContract === undefined) throw ctx.missingMemberFact(i, 'hasLabourContract', 'có hợp đồng lao động', def.label);
        if (!m.hasLabourContract) list += `${list === '' ? '' : ', '}${ctx.label(i)} (${ctx.age[i]} tuổi, làm công không có hợp đồng lao động)`;
      }
    }
    return list === '' ? ok : { id: def.id, deprived: true, reason: prefix + list };
  };
};

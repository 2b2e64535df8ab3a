/** Employment: a working-age member able to work is unemployed, or works for wages without a labour contract. */
import type { EmploymentStatus } from '../../standards/fact-codes.ts';
import type { IndicatorCompiler } from './evaluator.ts';
import { fixedOutcome } from './evaluator.ts';

function isEmploymentStatus(s: string): s is EmploymentStatus {
  return s === 'wage_employed' || s === 'self_employed' || s === 'unpaid_family_worker' || s === 'unemployed' || s === 'not_in_labour_force';
}

export const compileEmployment: IndicatorCompiler = (standard, def) => {
  const countsContract = standard.parameters.employmentCountsWageWithoutContract;
  const what = countsContract ? 'thất nghiệp hoặc làm công ăn lương không có hợp đồng lao động' : 'thất nghiệp';
  const ok = fixedOutcome(def, false, `Không có thành viên trong độ tuổi lao động ${what}`);
  const prefix = `Thành viên trong độ tuổi lao động ${what}: `;
  return (h, ctx) => {
    let list = '';
    const n = ctx.count;
    const ages = ctx.age;
    const members = h.members;
    for (let i = 0; i < n; i++) {
      if (ctx.workingAge[i] === 0) continue;
      const m = members[i];
      if (m.ableToWork === false) continue;
      const status = m.employment;
      // A student without a recorded status is outside the labour force.
      if (status === undefined && m.attendingSchool === true) continue;
      if (status === undefined) throw ctx.missingMemberFact(i, 'employment', 'tình trạng việc làm', def.label);
      if (status === 'unemployed') {
        list += `${list === '' ? '' : ', '}${ctx.label(i)} (${ages[i]} tuổi, thất nghiệp)`;
      } else if (status === 'wage_employed' && countsContract) {
        if (m.hasLabourContract === undefined) throw ctx.missingMemberFact(i, 'hasLabourContract', 'có hợp đồng lao động', def.label);
        if (!m.hasLabourContract) list += `${list === '' ? '' : ', '}${ctx.label(i)} (${ages[i]} tuổi, làm công không có hợp đồng lao động)`;
      } else if (!isEmploymentStatus(status)) {
        throw ctx.memberError(i, `tình trạng việc làm "${status}" không hợp lệ`);
      }
    }
    return list === '' ? ok : { id: def.id, deprived: true, reason: prefix + list };
  };
};

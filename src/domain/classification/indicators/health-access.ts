/** QĐ 59: access to health services — a member was ill and did not seek treatment. */
import type { IndicatorCompiler } from './evaluator.ts';
import { fixedOutcome } from './evaluator.ts';

export const compileHealthAccess: IndicatorCompiler = (_standard, def) => {
  const ok = fixedOutcome(def, false, 'Không có thành viên ốm đau mà không đi khám chữa bệnh');
  return (h, ctx) => {
    let list = '';
    const n = ctx.count;
    const members = h.members;
    for (let i = 0; i < n; i++) {
      if (members[i].illWithoutTreatment === true) list += (list === '' ? '' : ', ') + ctx.labelWithAge(i);
    }
    if (list === '') return ok;
    return { id: def.id, deprived: true, reason: `Có thành viên ốm đau nhưng không đi khám chữa bệnh: ${list}` };
  };
};

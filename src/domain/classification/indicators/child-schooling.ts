/**
 * School attendance of children: a child in the age band is not attending school or, when the standard
 * requires it, attends a level below the one expected for his/her age.
 */
import { ATTENDING_LEVEL_LABELS, ATTENDING_LEVEL_RANK } from '../../standards/fact-codes.ts';
import { attendingRank } from '../code-ranks.ts';
import type { IndicatorCompiler } from './evaluator.ts';
import { fixedOutcome } from './evaluator.ts';

export const compileChildSchooling: IndicatorCompiler = (standard, def) => {
  const rule = standard.parameters.childSchooling;
  const minAge = rule.minAge;
  const maxAge = rule.maxAgeExclusive;
  const span = `từ ${minAge} đến dưới ${maxAge} tuổi`;
  const ok = fixedOutcome(def, false, rule.requireAgeAppropriateLevel
    ? `Mọi trẻ em ${span} đều đi học đúng bậc học theo độ tuổi`
    : `Mọi trẻ em ${span} đều đi học`);
  const nobody = fixedOutcome(def, false, `Không có trẻ em ${span}`);
  const prefix = rule.requireAgeAppropriateLevel
    ? `Trẻ em ${span} không đi học hoặc không học đúng bậc học theo độ tuổi: `
    : `Trẻ em ${span} không đi học: `;
  // Expected minimum rank per age (index = age), -1 when no expectation.
  const expected = new Int8Array(rule.maxAgeExclusive + 1).fill(-1);
  const expectedLabel: string[] = [];
  if (rule.requireAgeAppropriateLevel) {
    for (const e of rule.expectedLevels) {
      for (let a = Math.max(0, e.minAge); a < Math.min(e.maxAgeExclusive, expected.length); a++) {
        expected[a] = ATTENDING_LEVEL_RANK[e.minimumLevel];
        expectedLabel[a] = ATTENDING_LEVEL_LABELS[e.minimumLevel];
      }
    }
  }
  return (h, ctx) => {
    let list = '';
    let counted = 0;
    const n = ctx.count;
    const ages = ctx.age;
    const members = h.members;
    for (let i = 0; i < n; i++) {
      const age = ages[i];
      if (age < minAge || age >= maxAge) continue;
      counted++;
      const m = members[i];
      if (m.attendingSchool === undefined) throw ctx.missingMemberFact(i, 'attendingSchool', 'có đang đi học', def.label);
      if (!m.attendingSchool) {
        list += `${list === '' ? '' : ', '}${ctx.label(i)} (${age} tuổi, không đi học)`;
        continue;
      }
      if (expected[age] < 0) continue;
      const level = m.attendingLevel;
      if (level === undefined) throw ctx.missingMemberFact(i, 'attendingLevel', 'bậc học đang theo học', def.label);
      const rank = attendingRank(level);
      if (rank < 0) throw ctx.memberError(i, `bậc học "${level}" không hợp lệ`);
      if (rank < expected[age]) {
        list += `${list === '' ? '' : ', '}${ctx.label(i)} (${age} tuổi, đang học ${ATTENDING_LEVEL_LABELS[level]}, dưới bậc ${expectedLabel[age]})`;
      }
    }
    if (list !== '') return { id: def.id, deprived: true, reason: prefix + list };
    return counted === 0 ? nobody : ok;
  };
};

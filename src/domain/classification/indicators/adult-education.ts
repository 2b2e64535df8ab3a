/**
 * Adult education level. QĐ 59: member aged ≥ 15 born from 1986 without lower-secondary and not at
 * school. From 2022: members in age bands (16–<18, 18–30) without the level required for their band,
 * not attending and without an accepted vocational qualification.
 */
import { EDUCATION_LEVEL_LABELS, EDUCATION_LEVEL_RANK, VOCATIONAL_QUALIFICATION_LABELS } from '../../standards/fact-codes.ts';
import type { AdultEducationBand } from '../../standards/parameters.ts';
import { educationRank } from '../code-ranks.ts';
import type { EvaluationContext } from '../evaluation-context.ts';
import type { IndicatorCompiler } from './evaluator.ts';
import { fixedOutcome, joinVi } from './evaluator.ts';

function bandShortfall(band: AdultEducationBand): string {
  const level = `chưa tốt nghiệp ${EDUCATION_LEVEL_LABELS[band.requiredLevel]}`;
  if (band.acceptedQualifications.length === 0) return level;
  const quals = joinVi(band.acceptedQualifications.map((q) => VOCATIONAL_QUALIFICATION_LABELS[q]));
  return `${level}, không có trình độ ${quals}`;
}

function requireLevel(ctx: EvaluationContext, i: number, label: string): number {
  const level = ctx.members[i].highestCompletedLevel;
  if (level === undefined) throw ctx.missingMemberFact(i, 'highestCompletedLevel', 'trình độ giáo dục cao nhất đã hoàn thành', label);
  const rank = educationRank(level);
  if (rank < 0) throw ctx.memberError(i, `trình độ giáo dục "${level}" không hợp lệ`);
  return rank;
}

export const compileAdultEducation: IndicatorCompiler = (standard, def) => {
  const rule = standard.parameters.adultEducation;
  if (rule.kind === 'birth_cohort') {
    const required = EDUCATION_LEVEL_RANK[rule.requiredLevel];
    const minAge = rule.minAge;
    const bornFromYear = rule.bornFromYear;
    const scope = `Thành viên từ ${rule.minAge} tuổi trở lên sinh từ năm ${rule.bornFromYear}`;
    const ok = fixedOutcome(def, false, `${scope} đều đã tốt nghiệp ${EDUCATION_LEVEL_LABELS[rule.requiredLevel]} hoặc đang đi học`);
    const nobody = fixedOutcome(def, false, `Không có thành viên từ ${rule.minAge} tuổi trở lên sinh từ năm ${rule.bornFromYear}`);
    const prefix = `${scope} chưa tốt nghiệp ${EDUCATION_LEVEL_LABELS[rule.requiredLevel]} và không đi học: `;
    return (h, ctx) => {
      let list = '';
      let counted = 0;
      const n = ctx.count;
      const ages = ctx.age;
      const members = h.members;
      for (let i = 0; i < n; i++) {
        if (ages[i] < minAge || ctx.birthYear[i] < bornFromYear) continue;
        counted++;
        if (members[i].attendingSchool === true) continue;
        if (requireLevel(ctx, i, def.label) < required) list += (list === '' ? '' : ', ') + ctx.labelWithAge(i);
      }
      if (list !== '') return { id: def.id, deprived: true, reason: prefix + list };
      return counted === 0 ? nobody : ok;
    };
  }
  const bands = rule.bands;
  const lo = Math.min(...bands.map((b) => b.minAge));
  const hi = Math.max(...bands.map((b) => b.maxAgeInclusive));
  const span = `${lo}–${hi} tuổi`;
  const shortfall = bands.map(bandShortfall);
  const requiredRank = bands.map((b) => EDUCATION_LEVEL_RANK[b.requiredLevel]);
  const accepted = bands.map((b) => new Set<string>(b.acceptedQualifications));
  // Band index by age (−1 = outside every band); ages above the table are outside.
  const bandOfAge = new Int8Array(hi + 2).fill(-1);
  for (let a = hi; a >= 0; a--) {
    const k = bands.findIndex((b) => a >= b.minAge && a <= b.maxAgeInclusive);
    if (k >= 0) bandOfAge[a] = k;
  }
  const ok = fixedOutcome(def, false, `Mọi thành viên ${span} đều đạt trình độ giáo dục theo độ tuổi hoặc đang đi học`);
  const nobody = fixedOutcome(def, false, `Không có thành viên ${span}`);
  const prefix = `Thành viên ${span} chưa đạt trình độ giáo dục theo độ tuổi và không đi học: `;
  return (h, ctx) => {
    let list = '';
    let counted = 0;
    const n = ctx.count;
    const ages = ctx.age;
    const members = h.members;
    for (let i = 0; i < n; i++) {
      const age = ages[i];
      if (age > hi) continue;
      const b = bandOfAge[age];
      if (b < 0) continue;
      counted++;
      const m = members[i];
      if (m.attendingSchool === true) continue;
      const q = m.vocationalQualification;
      if (q !== undefined && q !== 'none' && accepted[b].has(q)) continue;
      if (requireLevel(ctx, i, def.label) >= requiredRank[b]) continue;
      list += `${list === '' ? '' : ', '}${ctx.label(i)} (${age} tuổi, ${shortfall[b]})`;
    }
    if (list !== '') return { id: def.id, deprived: true, reason: prefix + list };
    return counted === 0 ? nobody : ok;
  };
};

/**
 * Field checks of the household form, in the interface language, before anything is sent: the same
 * rules the registry applies (name, date or year of birth, sex, relation, one head, the 12-digit
 * personal identification number with its sex/century digit and birth year, no number twice).
 * The server checks again (and duplicates across households); its messages name the field too.
 */
import type { I18n } from '../i18n/I18nContext.ts';
import { normaliseCitizenId, parseBirth, type HouseholdDraft, type MemberDraft } from './draft.ts';

/** Path → message, e.g. `m-12.citizenId`, `housing.floorArea`, `members`. */
export type DraftErrors = Record<string, string>;

export function citizenIdProblem(m: Pick<MemberDraft, 'citizenId' | 'sex' | 'birth'>, t: I18n['t']): string | null {
  const id = normaliseCitizenId(m.citizenId);
  if (!id) return null;
  if (!/^\d{12}$/.test(id)) return t('member.validation.citizenIdFormat');
  const code = Number(id[3]);
  if (m.sex && (code % 2 === 1) !== (m.sex === 'female')) return t('member.validation.citizenIdSex');
  const birth = parseBirth(m.birth);
  if (typeof birth === 'object' && birth.birthYear) {
    const year = 1900 + Math.floor(code / 2) * 100 + Number(id.slice(4, 6));
    if (year !== birth.birthYear) return t('member.validation.citizenIdYear', { year });
  }
  return null;
}

export function validateMember(m: MemberDraft, t: I18n['t'], thisYear: number): DraftErrors {
  const e: DraftErrors = {};
  if (!m.fullName.trim()) e.fullName = t('member.validation.nameRequired');
  const birth = parseBirth(m.birth);
  if (birth === 'empty') e.birth = t('member.validation.birthRequired');
  else if (birth === 'invalid') e.birth = t('member.validation.birthFormat');
  else if (birth.birthYear !== null && (birth.birthYear < 1880 || birth.birthYear > thisYear)) e.birth = t('member.validation.birthRange', { year: thisYear });
  if (!m.sex) e.sex = t('member.validation.sexRequired');
  if (!m.relation) e.relation = t('member.validation.relationRequired');
  const cid = citizenIdProblem(m, t);
  if (cid) e.citizenId = cid;
  return e;
}

export function validateDraft(d: HouseholdDraft, t: I18n['t'], thisYear = new Date().getFullYear()): DraftErrors {
  const errors: DraftErrors = {};
  const present = d.members.filter((m) => !m.leaving);
  if (present.length === 0) errors.members = t('member.validation.none');
  const heads = present.filter((m) => m.relation === 'head').length;
  if (present.length > 0 && heads !== 1) errors.members = t('member.validation.oneHead', { count: heads });
  const seen = new Map<string, string>();
  for (const m of present) {
    for (const [field, msg] of Object.entries(validateMember(m, t, thisYear))) errors[`${m.key}.${field}`] = msg;
    const id = normaliseCitizenId(m.citizenId);
    if (id) {
      if (seen.has(id) && !errors[`${m.key}.citizenId`]) errors[`${m.key}.citizenId`] = t('member.validation.citizenIdRepeated');
      seen.set(id, m.key);
    }
  }
  const area = d.housing.floorArea;
  if (area != null && (!Number.isFinite(area) || area < 0)) errors['housing.floorArea'] = t('hh.validation.floorArea');
  return errors;
}

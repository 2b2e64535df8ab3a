/**
 * The registry's rows as the classification engine's input model. Member columns give identity
 * (name, birth, sex, relation, ethnicity); `member.facts` the remaining MemberInput facts;
 * `household.facts` (or the facts sent with a survey) the household-level facts; the survey the measures.
 */
import type { HouseholdInput, MemberInput } from '../../domain/classification/household-input.ts';
import type { AreaType } from '../../domain/standards/types.ts';
import type { MemberRow } from './rows.ts';

export function memberInputOf(r: Pick<MemberRow, 'id' | 'full_name' | 'date_of_birth' | 'birth_year' | 'sex' | 'relation' | 'ethnicity' | 'facts'>): MemberInput {
  return {
    ...r.facts,
    id: String(r.id),
    name: r.full_name,
    ...(r.date_of_birth ? { dateOfBirth: r.date_of_birth } : { birthYear: r.birth_year! }),
    sex: r.sex,
    relation: r.relation as MemberInput['relation'],
    ...(r.ethnicity && { ethnicity: r.ethnicity }),
  } as MemberInput;
}

export interface Measures {
  scoreA?: number | null;
  income?: number | null;
}

/** The snapshot a survey stores: household code, area, measures, household facts and members. */
export function householdInputOf(code: string, area: AreaType, facts: Record<string, unknown>, members: readonly MemberInput[], m: Measures): HouseholdInput {
  return {
    ...facts,
    id: code,
    area,
    ...(m.scoreA != null && { scoreA: m.scoreA }),
    ...(m.income != null && { income: m.income }),
    members,
  } as HouseholdInput;
}

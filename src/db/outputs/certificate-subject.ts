/**
 * What a certificate of poor / near-poor household states (review-procedure.md §4 Step 5): the head
 * (name, ethnicity, citizen ID, residence), the recognised status of the list year with its decision,
 * and the members. The status comes from the recognised list only; a household that is not poor or
 * near-poor on the latest recognised row of that list year gets no certificate.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { scopePredicate } from '../scope-filter.ts';

export interface CertificateMember {
  lineNo: number;
  fullName: string;
  ethnicity: string | null;
  relation: string;
  birthYear: number | null;
  sex: 'male' | 'female';
  leftDate: string | null;
  leftReason: string | null;
}

export interface CertificateSubject {
  householdId: number;
  householdCode: string;
  provinceCode: string;
  /** Commune whose People's Committee issues the certificate (the deciding commune). */
  communeCode: string;
  headName: string;
  headCitizenId: string | null;
  ethnicity: string | null;
  address: string | null;
  villageName: string | null;
  listYear: number;
  status: 'poor' | 'near_poor' | 'none';
  decisionNumber: string;
  decisionDate: string;
  /** Signer of the commune decision, when the row came from a commune review. */
  signer: string | null;
  members: CertificateMember[];
}

export interface HouseholdRef {
  householdId: number;
  provinceCode: string;
  communeCode: string;
}

/** The household if it lies inside the scope (its current commune). */
export async function findHouseholdInScope(db: Kysely<DB>, scope: Scope, householdId: number): Promise<HouseholdRef | undefined> {
  const h = await db
    .selectFrom('household as h')
    .where('h.id', '=', householdId)
    .where(scopePredicate(scope, { province: 'h.province_code', commune: 'h.commune_code' }))
    .select(['h.id', 'h.province_code', 'h.commune_code'])
    .executeTakeFirst();
  return h && { householdId: h.id, provinceCode: h.province_code, communeCode: h.commune_code };
}

/**
 * The certificate contents for `year` (default: the latest list year the household has a recognised
 * row for), or undefined when the household has no recognised row that year.
 */
export async function readCertificateSubject(db: Kysely<DB>, ref: HouseholdRef, year?: number): Promise<CertificateSubject | undefined> {
  const p = ref.provinceCode;
  const row = await sql<{
    list_year: number;
    status: 'poor' | 'near_poor' | 'none';
    decision_number: string;
    decision_date: string;
    signer: string | null;
    review_commune: string | null;
    code: string;
    head_name: string;
    head_citizen_id: string | null;
    ethnicity: string | null;
    address: string | null;
    commune_code: string;
    village_name: string | null;
  }>`
    select ls.list_year, ls.status, ls.decision_number, ls.decision_date, cr.decision_signer as signer,
      cr.commune_code as review_commune, h.code, h.head_name, h.head_citizen_id, h.ethnicity, h.address, h.commune_code,
      v.name as village_name
    from list_status ls
    join household h on h.province_code = ls.province_code and h.id = ls.household_id
    left join commune_review cr on cr.province_code = ls.province_code and cr.id = ls.review_id
    left join village v on v.province_code = h.province_code and v.commune_code = h.commune_code and v.code = h.village_code
    where ls.province_code = ${p} and ls.household_id = ${ref.householdId}
      and ls.list_year = ${year ?? sql`(select max(x.list_year) from list_status x where x.province_code = ${p} and x.household_id = ${ref.householdId})`}
    order by ls.effective_from desc, ls.decision_date desc
    limit 1`.execute(db);
  const s = row.rows[0];
  if (!s) return undefined;
  const members = await sql<{
    line_no: number;
    full_name: string;
    ethnicity: string | null;
    relation: string;
    sex: 'male' | 'female';
    birth_year: number | null;
    left_date: string | null;
    left_reason: string | null;
  }>`
    select m.line_no, m.full_name, m.ethnicity, m.relation, m.sex, m.left_date, m.left_reason,
      coalesce(m.birth_year, extract(year from m.date_of_birth)::int) as birth_year
    from member m
    where m.province_code = ${p} and m.household_id = ${ref.householdId}
      and (m.active or m.left_date > ${s.decision_date}::date)
    order by m.line_no, m.id`.execute(db);
  return {
    householdId: ref.householdId,
    householdCode: s.code,
    provinceCode: p,
    communeCode: s.review_commune ?? s.commune_code,
    headName: s.head_name,
    headCitizenId: s.head_citizen_id,
    ethnicity: s.ethnicity,
    address: s.address,
    villageName: s.village_name,
    listYear: s.list_year,
    status: s.status,
    decisionNumber: s.decision_number,
    decisionDate: s.decision_date,
    signer: s.signer,
    members: members.rows.map((m) => ({
      lineNo: m.line_no,
      fullName: m.full_name,
      ethnicity: m.ethnicity,
      relation: m.relation,
      birthYear: m.birth_year,
      sex: m.sex,
      leftDate: m.left_date,
      leftReason: m.left_reason,
    })),
  };
}

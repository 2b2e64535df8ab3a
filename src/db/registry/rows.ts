/** Row ↔ API mappers and audit snapshots of households and members. */
import type { Selectable } from 'kysely';
import type { HouseholdTable, MemberTable } from '../schema.ts';
import type { Household, Member } from './types.ts';

export type HouseholdRow = Selectable<HouseholdTable>;
export type MemberRow = Selectable<MemberTable>;

function iso(t: Date | string): string {
  return new Date(t).toISOString();
}

export function toHousehold(r: HouseholdRow): Household {
  return {
    id: r.id,
    code: r.code,
    provinceCode: r.province_code,
    communeCode: r.commune_code,
    villageCode: r.village_code,
    address: r.address,
    headName: r.head_name,
    headCitizenId: r.head_citizen_id,
    ethnicity: r.ethnicity,
    phone: r.phone,
    status: r.status,
    statusDate: r.status_date,
    statusReason: r.status_reason,
    mergedIntoId: r.merged_into_id,
    facts: r.facts ?? {},
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export function toMember(r: MemberRow): Member {
  return {
    id: r.id,
    householdId: r.household_id,
    lineNo: r.line_no,
    fullName: r.full_name,
    dateOfBirth: r.date_of_birth,
    birthYear: r.birth_year,
    sex: r.sex,
    ethnicity: r.ethnicity,
    citizenId: r.citizen_id,
    relation: r.relation,
    facts: r.facts ?? {},
    active: r.active,
    leftReason: r.left_reason,
    leftDate: r.left_date,
  };
}

/** Audit snapshot of a household: the stored fields without the search fold and timestamps. */
export function householdAudit(r: HouseholdRow): Record<string, unknown> {
  const { head_name_ascii: _a, created_at: _c, updated_at: _u, ...rest } = r;
  return rest;
}

export function memberAudit(r: MemberRow): Record<string, unknown> {
  const { full_name_ascii: _a, ...rest } = r;
  return rest;
}

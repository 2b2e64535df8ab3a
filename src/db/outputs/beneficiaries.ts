/**
 * Beneficiary lists per policy at a service date (policies.md §8), read page by page with keyset
 * queries so a whole province streams in flat memory (PGlite has no cursors). Every page covers the
 * next id range of the unit's households in three set-based statements: the range, the listed
 * households with their status (recognised-status.ts), then (for person lists) their members.
 *
 * Membership: the recognised status in force at the date (never a computed classification), or a
 * counted exit whose "newly escaped" window is still open; the household lives in the unit at the
 * date (residence history, else its current commune) inside the reader's scope, and was not
 * dissolved / deceased / merged / moved away by then. Members: not left and born by the date.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { addCalendarDays, addCalendarMonths } from '../../domain/calendar/iso-date.ts';
import type { PovertyListStatus } from '../../domain/movements/list-status.ts';
import type { MovementCode } from '../../domain/movements/movement-codes.ts';
import { scopePredicate } from '../scope-filter.ts';
import type { BeneficiaryRules } from './beneficiary-rules.ts';
import type { Benefit, BeneficiaryGroup, BeneficiaryPolicy } from './beneficiary-policies.ts';
import { statusCtes } from './recognised-status.ts';

export interface BeneficiaryUnit {
  provinceCode: string;
  /** Omitted: the whole province. */
  communeCode?: string;
}

export interface BeneficiaryQuery {
  policy: BeneficiaryPolicy;
  rules: BeneficiaryRules;
  scope: Scope;
  unit: BeneficiaryUnit;
  /** Service date (YYYY-MM-DD). */
  date: string;
  /** Households of the unit examined per page (default 1000). */
  pageSize?: number;
}

export interface BeneficiaryPerson {
  lineNo: number;
  fullName: string;
  dateOfBirth: string | null;
  birthYear: number | null;
  sex: 'male' | 'female';
  ethnicity: string | null;
  citizenId: string | null;
  relation: string;
  age: number;
}

/** Why and how long a household is on the list. */
export interface Entitlement {
  group: BeneficiaryGroup;
  status: PovertyListStatus;
  benefit: Benefit;
  legalBasis: string;
  validFrom: string;
  validTo: string;
  /** The recognition decision the entitlement rests on (the exit decision for newly escaped households). */
  decisionNumber: string;
  decisionDate: string;
}

export interface BeneficiaryHousehold extends Entitlement {
  householdId: number;
  code: string;
  headName: string;
  headCitizenId: string | null;
  ethnicity: string | null;
  address: string | null;
  communeCode: string;
  villageName: string | null;
  memberCount: number;
  /** For newly escaped households: the exit that opened the window. */
  exitMovement: MovementCode | null;
  /** Persons listed (person policies only; empty households are dropped). */
  persons: BeneficiaryPerson[];
}

interface HouseholdRow {
  id: number;
  code: string;
  head_name: string;
  head_citizen_id: string | null;
  ethnicity: string | null;
  address: string | null;
  commune_code: string;
  village_name: string | null;
  member_count: number;
  status: PovertyListStatus;
  list_year: number;
  valid_from: string;
  decision_number: string;
  decision_date: string;
  next_from: string | null;
  exit_number: string | null;
  exit_date: string | null;
  exit_movement: MovementCode | null;
}

interface MemberRow {
  household_id: number;
  line_no: number;
  full_name: string;
  date_of_birth: string | null;
  birth_year: number | null;
  sex: 'male' | 'female';
  ethnicity: string | null;
  citizen_id: string | null;
  relation: string;
  age: number;
}

const inList = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));

/** Members present at the date: still in the household and born by then. */
function memberPresent(date: string): RawBuilder<unknown> {
  return sql`(m.active or m.left_date > ${date}::date) and coalesce(m.date_of_birth, make_date(m.birth_year, 1, 1)) <= ${date}::date`;
}

/** The next `limit` household ids of the unit after `after` (an index range scan), or [] at the end. */
async function scanRange(db: Kysely<DB>, q: BeneficiaryQuery, after: number, limit: number): Promise<number | undefined> {
  const c = q.unit.communeCode;
  const r = await sql<{ last: number | null }>`
    select max(id) as last from (
      select h.id from household h
      where h.province_code = ${q.unit.provinceCode} and h.id > ${after}
        ${c ? sql`and (h.commune_code = ${c} or exists (
          select 1 from household_residence x where x.province_code = h.province_code and x.household_id = h.id and x.commune_code = ${c}))` : sql``}
      order by h.id
      limit ${limit}
    ) page`.execute(db);
  return r.rows[0]?.last ?? undefined;
}

/** The listed households with after < id <= last, in one statement. */
async function householdPage(db: Kysely<DB>, q: BeneficiaryQuery, after: number, last: number): Promise<HouseholdRow[]> {
  const { policy, rules, unit, date } = q;
  const months = rules.newlyEscapedWindowMonths[policy.id];
  const statuses = policy.statuses(rules);
  const escapedStatuses = months === null ? [] : policy.window.qualifyingCurrentStatuses;
  const ctes = statusCtes({
    provinceCode: unit.provinceCode,
    after,
    last,
    annualStart: rules.annualListStart,
    date,
    window: months === null ? null : { months, exits: policy.window.countedExits },
  });
  const r = await sql<HouseholdRow>`
    with ${ctes},
    members as materialized (
      select m.household_id, count(*)::int as n from member m
      where m.province_code = ${unit.provinceCode} and m.household_id > ${after} and m.household_id <= ${last} and ${memberPresent(date)}
      group by m.household_id
    ),
    residence as materialized (
      select distinct on (rr.household_id) rr.household_id, rr.commune_code, rr.village_code
      from household_residence rr
      where rr.province_code = ${unit.provinceCode} and rr.household_id > ${after} and rr.household_id <= ${last}
        and rr.valid_from <= ${date}::date and (rr.valid_to is null or rr.valid_to > ${date}::date)
      order by rr.household_id, rr.valid_from desc
    ),
    b as (
      select h.province_code, h.id, h.code, h.head_name, h.head_citizen_id, h.ethnicity, h.address, h.status as household_status, h.status_date,
        coalesce(res.commune_code, h.commune_code) as commune_code, coalesce(res.village_code, h.village_code) as village_code
      from household h
      left join residence res on res.household_id = h.id
      where h.province_code = ${unit.provinceCode} and h.id > ${after} and h.id <= ${last}
    )
    select b.id, b.code, b.head_name, b.head_citizen_id, b.ethnicity, b.address, b.commune_code, v.name as village_name,
      coalesce(mc.n, 0) as member_count,
      cu.status, cu.list_year, cu.valid_from, cu.decision_number, cu.decision_date, cu.next_from, ex.exit_number, ex.exit_date, ex.exit_movement
    from b
    join cur cu on cu.household_id = b.id
    left join ex on ex.household_id = b.id
    left join members mc on mc.household_id = b.id
    left join village v on v.province_code = b.province_code and v.commune_code = b.commune_code and v.code = b.village_code
    where ${scopePredicate(q.scope, { province: 'b.province_code', commune: 'b.commune_code' })}
      ${unit.communeCode ? sql`and b.commune_code = ${unit.communeCode}` : sql``}
      and (b.household_status = 'active' or b.status_date > ${date}::date)
      and (cu.status in (${inList(statuses)})
        ${escapedStatuses.length ? sql`or (ex.exit_date is not null and cu.status in (${inList(escapedStatuses)}))` : sql``})
    order by b.id`.execute(db);
  return r.rows;
}

async function membersOf(db: Kysely<DB>, q: BeneficiaryQuery, ids: number[]): Promise<Map<number, BeneficiaryPerson[]>> {
  const out = new Map<number, BeneficiaryPerson[]>();
  if (ids.length === 0) return out;
  const age = sql`case when m.date_of_birth is not null then extract(year from age(${q.date}::date, m.date_of_birth))::int
    else extract(year from ${q.date}::date)::int - m.birth_year end`;
  const band = q.policy.id === 'tuition' ? sql`and ${age} between ${q.rules.tuition.minAge} and ${q.rules.tuition.maxAge}` : sql``;
  const r = await sql<MemberRow>`
    select m.household_id, m.line_no, m.full_name, m.date_of_birth, m.birth_year, m.sex, m.ethnicity, m.citizen_id, m.relation, ${age} as age
    from member m
    where m.province_code = ${q.unit.provinceCode} and m.household_id in (${sql.join(ids)}) and ${memberPresent(q.date)} ${band}
    order by m.household_id, m.line_no, m.id`.execute(db);
  for (const m of r.rows) {
    const p: BeneficiaryPerson = {
      lineNo: m.line_no,
      fullName: m.full_name,
      dateOfBirth: m.date_of_birth,
      birthYear: m.birth_year,
      sex: m.sex,
      ethnicity: m.ethnicity,
      citizenId: m.citizen_id,
      relation: m.relation,
      age: m.age,
    };
    const list = out.get(m.household_id);
    if (list) list.push(p);
    else out.set(m.household_id, [p]);
  }
  return out;
}

const GROUP_OF_STATUS: Partial<Record<PovertyListStatus, BeneficiaryGroup>> = { poor: 'POOR', near_poor: 'NEAR_POOR' };

/** The group a household is listed under: the one with the highest support when several apply. */
function entitlement(q: BeneficiaryQuery, h: HouseholdRow): Entitlement {
  const ctx = { rules: q.rules, serviceDate: q.date, communeCode: h.commune_code };
  const candidates: Entitlement[] = [];
  const byStatus = GROUP_OF_STATUS[h.status];
  if (byStatus && q.policy.statuses(q.rules).includes(h.status)) {
    const yearEnd = `${h.list_year}-12-31`;
    const beforeNext = h.next_from ? addCalendarDays(h.next_from, -1) : yearEnd;
    candidates.push({
      group: byStatus,
      status: h.status,
      benefit: q.policy.benefit(byStatus, ctx),
      legalBasis: q.policy.legalBasis(byStatus, q.date),
      validFrom: h.valid_from,
      validTo: beforeNext < yearEnd ? beforeNext : yearEnd,
      decisionNumber: h.decision_number,
      decisionDate: h.decision_date,
    });
  }
  const months = q.rules.newlyEscapedWindowMonths[q.policy.id];
  if (h.exit_date && h.exit_number && months !== null && q.policy.window.qualifyingCurrentStatuses.includes(h.status)) {
    candidates.push({
      group: 'ESCAPED_POOR_RECENT',
      status: h.status,
      benefit: q.policy.benefit('ESCAPED_POOR_RECENT', ctx),
      legalBasis: q.policy.legalBasis('ESCAPED_POOR_RECENT', q.date),
      validFrom: h.exit_date,
      validTo: addCalendarMonths(h.exit_date, months),
      decisionNumber: h.exit_number,
      decisionDate: h.exit_date,
    });
  }
  // The SQL admitted the household, so at least one candidate exists; ties keep the status group.
  return candidates.reduce((best, c) => ((c.benefit.percent ?? 0) > (best.benefit.percent ?? 0) ? c : best));
}

/** The list, page by page (each page covers the next `pageSize` households of the unit), in household-id order. */
export async function* beneficiaryPages(db: Kysely<DB>, q: BeneficiaryQuery): AsyncGenerator<BeneficiaryHousehold[]> {
  const size = q.pageSize ?? 1000;
  let after = 0;
  for (;;) {
    const last = await scanRange(db, q, after, size);
    if (last === undefined) return;
    const rows = await householdPage(db, q, after, last);
    after = last;
    const persons = q.policy.subject === 'person' ? await membersOf(db, q, rows.map((r) => r.id)) : new Map<number, BeneficiaryPerson[]>();
    const page: BeneficiaryHousehold[] = [];
    for (const h of rows) {
      const listed = persons.get(h.id) ?? [];
      if (q.policy.subject === 'person' && listed.length === 0) continue;
      const e = entitlement(q, h);
      page.push({
        householdId: h.id,
        code: h.code,
        headName: h.head_name,
        headCitizenId: h.head_citizen_id,
        ethnicity: h.ethnicity,
        address: h.address,
        communeCode: h.commune_code,
        villageName: h.village_name,
        memberCount: h.member_count,
        ...e,
        exitMovement: e.group === 'ESCAPED_POOR_RECENT' ? h.exit_movement : null,
        persons: listed,
      });
    }
    if (page.length) yield page;
  }
}

/**
 * The detailed lists F14 (near-poor) / F15 (poor) of a unit and list year, read from the registry in
 * keyset pages of households (two statements per page: households with their list history, members).
 * A household is on the list when its latest list_status row of the year has that status; the flag
 * (new / relapsed / continuing) comes from the domain's movement rules over its earlier lists.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { classifyHouseholdMovements } from '../../domain/movements/classify-movement.ts';
import { priorListMembership, type ListHistoryEntry } from '../../domain/movements/prior-list-membership.ts';
import type { ListHousehold, ListMember } from '../../domain/reports/detailed-list.ts';
import { DEFAULT_SUMMARY_RULES } from '../../domain/reports/summary-rules.ts';
import { scopePredicate } from '../scope-filter.ts';
import type { ResolvedUnit } from './report-unit.ts';

export interface ListPageRequest {
  list: 'poor' | 'near_poor';
  year: number;
  after?: number;
  limit: number;
}

export interface ListPage {
  households: ListHousehold[];
  next: { after: number } | null;
}

interface HouseholdRow {
  household_id: number;
  code: string;
  commune_code: string;
  village_code: string | null;
  village_name: string | null;
  history: ListHistoryEntry[] | string;
  needs: string[] | null;
}

interface MemberRow extends Omit<ListMember, 'lineNo' | 'fullName' | 'birthYear'> {
  household_id: number;
  line_no: number;
  full_name: string;
  birth_year: number | null;
  able_to_work: string | null;
  merit: string | null;
}

export async function detailedListPage(db: Kysely<DB>, scope: Scope, unit: ResolvedUnit, req: ListPageRequest): Promise<ListPage> {
  const p = unit.summary.provinceCode;
  const where = sql`${p === undefined ? sql`true` : sql`h.province_code = ${p}`}
    ${unit.summary.communeCode === undefined ? sql`` : sql`and h.commune_code = ${unit.summary.communeCode}`}
    ${unit.summary.villageCode === undefined ? sql`` : sql`and h.village_code = ${unit.summary.villageCode}`}
    and ${scopePredicate(scope, { province: 'h.province_code', commune: 'h.commune_code' })}`;
  const households = await sql<HouseholdRow>`
    with d as (
      select distinct on (ls.household_id) ls.province_code, ls.household_id, ls.status, ls.review_id
      from list_status ls join household h on h.province_code = ls.province_code and h.id = ls.household_id
      where ls.list_year = ${req.year} and ls.household_id > ${req.after ?? 0} and ${where}
      order by ls.household_id, ls.effective_from desc)
    select d.household_id, h.code, h.commune_code, h.village_code, v.name as village_name,
      coalesce((
        select json_agg(json_build_object('year', e.list_year, 'status', e.status) order by e.effective_from)
        from list_status e where e.province_code = d.province_code and e.household_id = d.household_id and e.list_year < ${req.year}
      ), '[]'::json) as history,
      (select s.needs from survey s where s.province_code = d.province_code and s.review_id = d.review_id and s.household_id = d.household_id
         and s.superseded_by is null order by s.surveyed_on desc, s.id desc limit 1) as needs
    from d
    join household h on h.province_code = d.province_code and h.id = d.household_id
    left join village v on v.province_code = h.province_code and v.commune_code = h.commune_code and v.code = h.village_code
    where d.status = ${req.list}
    order by d.household_id
    limit ${req.limit}`.execute(db);
  const ids = households.rows.map((h) => h.household_id);
  if (ids.length === 0) return { households: [], next: null };
  const members = await sql<MemberRow>`
    select m.household_id, m.line_no, m.full_name, m.sex, m.ethnicity, m.relation,
      coalesce(m.birth_year, extract(year from m.date_of_birth)::int) as birth_year,
      m.facts->>'ableToWork' as able_to_work, m.facts->>${DEFAULT_SUMMARY_RULES.meritFact} as merit
    from member m
    where ${p === undefined ? sql`true` : sql`m.province_code = ${p}`} and m.household_id in (${sql.join(ids)}) and m.active
    order by m.household_id, m.line_no, m.id`.execute(db);
  const byHousehold = new Map<number, MemberRow[]>();
  for (const m of members.rows) byHousehold.set(m.household_id, [...(byHousehold.get(m.household_id) ?? []), m]);
  const out = households.rows.map((h): ListHousehold => {
    const history = typeof h.history === 'string' ? (JSON.parse(h.history) as ListHistoryEntry[]) : h.history;
    const previous = history.filter((e) => e.year === req.year - 1).at(-1)?.status ?? 'none';
    const m = classifyHouseholdMovements({ previous, current: req.list, ...priorListMembership(history, req.year - 1) });
    const ms = byHousehold.get(h.household_id) ?? [];
    return {
      householdId: h.household_id,
      code: h.code,
      communeCode: h.commune_code,
      villageCode: h.village_code,
      villageName: h.village_name,
      flag: req.list === 'poor' ? m.poor.flag : m.nearPoor.flag,
      merit: ms.some((x) => x.merit === 'true'),
      noWorkingCapacity: ms.length > 0 && ms.every((x) => x.able_to_work === 'false'),
      needs: h.needs ?? [],
      members: ms.map((x) => ({ lineNo: x.line_no, fullName: x.full_name, birthYear: x.birth_year, sex: x.sex, ethnicity: x.ethnicity, relation: x.relation })),
    };
  });
  return { households: out, next: ids.length === req.limit ? { after: ids.at(-1)! } : null };
}

/** Every page of a list (for the Excel and PDF outputs), household numbers continuing across pages. */
export async function* detailedListPages(db: Kysely<DB>, scope: Scope, unit: ResolvedUnit, req: Omit<ListPageRequest, 'after'>): AsyncGenerator<ListHousehold[]> {
  let after: number | undefined;
  for (;;) {
    const page = await detailedListPage(db, scope, unit, { ...req, ...(after === undefined ? {} : { after }) });
    if (page.households.length > 0) yield page.households;
    if (!page.next) return;
    after = page.next.after;
  }
}

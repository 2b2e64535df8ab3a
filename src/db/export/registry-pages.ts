/**
 * The household registry read for export, in flat memory: keyset pages over the unit's households in id
 * order (the primary key (province_code, id) is the index), each page one statement; members come per
 * page of households, by the household-id range (the primary key (province_code, household_id, id)). Never more than one page
 * of rows is held, whatever the province's size.
 */
import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { DB, HouseholdStatus, HouseholdTable, MemberTable } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { scopePredicate } from '../scope-filter.ts';
import { jsonPage } from './json-page.ts';

export interface RegistryExportQuery {
  scope: Scope;
  provinceCode: string;
  /** Omitted: the whole province. */
  communeCode?: string;
  /** Registry status; "all" for every status (default "active"). */
  status?: HouseholdStatus | 'all';
  /** Date of the recognised list status column (YYYY-MM-DD). */
  asOf: string;
  /** Households per page (default 2000). */
  pageSize?: number;
}

/** A household as exported: its registry columns, village name, member count, list status at `asOf`. */
export type HouseholdExportRow = Pick<
  Selectable<HouseholdTable>,
  'id' | 'code' | 'province_code' | 'commune_code' | 'village_code' | 'address' | 'head_name' | 'head_citizen_id' | 'ethnicity' | 'phone' | 'status' | 'status_date' | 'status_reason' | 'facts'
> & {
  village_name: string | null;
  /** Start of the current residence (household_residence), if recorded. */
  resident_since: string | null;
  member_count: number;
  list_status: 'poor' | 'near_poor' | 'none' | null;
  list_year: number | null;
  decision_number: string | null;
  decision_date: string | null;
};

/** A current member as exported, with its household's code. */
export type MemberExportRow = Pick<
  Selectable<MemberTable>,
  'id' | 'household_id' | 'line_no' | 'full_name' | 'date_of_birth' | 'birth_year' | 'sex' | 'ethnicity' | 'citizen_id' | 'relation' | 'facts'
> & { household_code: string };

/** The page's households: the query's unit, status and the reader's scope. */
function householdFilter(q: RegistryExportQuery): RawBuilder<unknown> {
  const status = q.status ?? 'active';
  return sql`h.province_code = ${q.provinceCode}
    ${q.communeCode ? sql`and h.commune_code = ${q.communeCode}` : sql``}
    ${status === 'all' ? sql`` : sql`and h.status = ${status}`}
    and ${scopePredicate(q.scope, { province: 'h.province_code', commune: 'h.commune_code' })}`;
}

/** The last household id of the next page (ids only, an index range scan), or undefined at the end. */
async function nextRange(db: Kysely<DB>, q: RegistryExportQuery, after: number, limit: number): Promise<number | undefined> {
  const r = await sql<{ last: number | null }>`
    select max(id) as last from (select h.id from household h where ${householdFilter(q)} and h.id > ${after} order by h.id limit ${limit}) page`.execute(db);
  return r.rows[0]?.last ?? undefined;
}

/** Rows of `table` (alias x) for the households after < id <= last of the province. */
const inRange = (q: RegistryExportQuery, after: number, last: number) =>
  sql`x.province_code = ${q.provinceCode} and x.household_id > ${after} and x.household_id <= ${last}`;

/**
 * The households with after < id <= last, in one set-based statement: member counts, the list status
 * in force at `asOf` and the current residence are each read once for the whole range (hash joins, no
 * per-household subquery).
 */
async function householdPage(db: Kysely<DB>, q: RegistryExportQuery, after: number, last: number): Promise<HouseholdExportRow[]> {
  return jsonPage<HouseholdExportRow>(
    db,
    sql`
    with mc as (
      select x.household_id, count(*)::int as n from member x where ${inRange(q, after, last)} and x.active group by x.household_id
    ),
    ls as (
      select distinct on (x.household_id) x.household_id, x.status, x.list_year, x.decision_number, x.decision_date
      from list_status x where ${inRange(q, after, last)} and x.effective_from <= ${q.asOf}::date
      order by x.household_id, x.effective_from desc, x.decision_date desc
    ),
    res as (
      select x.household_id, max(x.valid_from) as valid_from from household_residence x
      where ${inRange(q, after, last)} and x.valid_to is null group by x.household_id
    )
    select h.id, h.code, h.province_code, h.commune_code, h.village_code, v.name as village_name, h.address, h.head_name, h.head_citizen_id,
      h.ethnicity, h.phone, h.status, h.status_date, h.status_reason, h.facts, coalesce(mc.n, 0) as member_count,
      ls.status as list_status, ls.list_year, ls.decision_number, ls.decision_date, res.valid_from as resident_since
    from household h
    left join village v on v.province_code = h.province_code and v.commune_code = h.commune_code and v.code = h.village_code
    left join mc on mc.household_id = h.id
    left join ls on ls.household_id = h.id
    left join res on res.household_id = h.id
    where ${householdFilter(q)} and h.id > ${after} and h.id <= ${last}`,
    sql`p.id`,
  );
}

/** Pages of `read(after, last)` over consecutive ranges of `pageSize` household ids of the query. */
async function* byHouseholdRange<T>(db: Kysely<DB>, q: RegistryExportQuery, read: (after: number, last: number) => Promise<T[]>): AsyncGenerator<T[]> {
  const size = q.pageSize ?? 2000;
  let after = 0;
  for (;;) {
    const last = await nextRange(db, q, after, size);
    if (last === undefined) return;
    const rows = await read(after, last);
    after = last;
    if (rows.length) yield rows;
  }
}

/** The households, page by page in id order. */
export function householdExportPages(db: Kysely<DB>, q: RegistryExportQuery): AsyncGenerator<HouseholdExportRow[]> {
  return byHouseholdRange(db, q, (after, last) => householdPage(db, q, after, last));
}

/** Current (active) members of the exported households, page by page in household order, then line number. */
export function memberExportPages(db: Kysely<DB>, q: RegistryExportQuery): AsyncGenerator<MemberExportRow[]> {
  return byHouseholdRange(db, q, (after, last) =>
    jsonPage<MemberExportRow>(
      db,
      sql`
      select m.id, m.household_id, h.code as household_code, m.line_no, m.full_name, m.date_of_birth, m.birth_year, m.sex, m.ethnicity, m.citizen_id,
        m.relation, m.facts
      from member m
      join household h on h.province_code = m.province_code and h.id = m.household_id
      where m.province_code = ${q.provinceCode} and m.household_id > ${after} and m.household_id <= ${last} and m.active
        and ${householdFilter(q)} and h.id > ${after} and h.id <= ${last}`,
      sql`p.household_id, p.line_no, p.id`,
    ),
  );
}

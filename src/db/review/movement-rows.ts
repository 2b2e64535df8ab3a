/**
 * The per-household movement rows between the lists of year N−1 (start, đầu kỳ) and year N (end, cuối
 * kỳ), as one SQL relation, for one unit. A household's status on a year's list is its latest
 * list_status row of that list_year (annual decision and the monthly decisions of that year). Only
 * households on a list at the start or at the end are rows. Columns:
 *   unit_code, province_code, household_id, previous, current, exit_reason, entry_reason,
 *   was_poor_before, was_near_poor_before, persons, end_decision_date, end_decision_number.
 * - exit_reason: the household left the registry (household.status moved_away / dissolved / merged /
 *   deceased with status_date before 1 January of N) → "other decrease".
 * - A household whose residence (household_residence) was in another commune on 1 January of N−1 than on
 *   1 January of N gives two rows: 'moved_away' in the old commune, 'moved_in' in the new one.
 * - was_*_before: on that list in an earlier year (list_year < N−1, from the relapse look-back year).
 * The category of each row is the domain's (classifyHouseholdMovements); this file only gathers facts.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Scope } from '../../domain/access/scope.ts';
import { scopePredicate } from '../scope-filter.ts';

export interface MovementUnit {
  code: string;
  tier: 'province' | 'commune';
  provinceCode: string;
}

export interface MovementRowsParams {
  unit: MovementUnit;
  year: number;
  relapseLookbackFromYear: number | null;
  scope: Scope;
  /** Only these households (a keyset page from `movementHouseholdPageSql`). */
  householdIds?: readonly number[];
}

export interface MovementSqlRow {
  unit_code: string;
  province_code: string;
  household_id: number;
  previous: 'poor' | 'near_poor' | 'none';
  current: 'poor' | 'near_poor' | 'none';
  exit_reason: 'moved_away' | 'dissolved' | 'deceased' | 'other' | null;
  entry_reason: 'moved_in' | 'split' | 'other' | null;
  was_poor_before: boolean;
  was_near_poor_before: boolean;
  persons: number;
  end_decision_date: string | null;
  end_decision_number: string | null;
}

/** The household's commune on `on` from its residence history (null when none is recorded). */
function residenceOn(on: string): RawBuilder<string | null> {
  return sql`(
    select r.commune_code from household_residence r
    where r.province_code = h.province_code and r.household_id = h.id and r.valid_from <= ${on}::date
      and (r.valid_to is null or r.valid_to > ${on}::date)
    order by r.valid_from desc limit 1)`;
}

function listOf(province: string, year: number): RawBuilder<unknown> {
  return sql`
    select distinct on (ls.household_id) ls.household_id, ls.status, ls.decision_date, ls.decision_number
    from list_status ls where ls.province_code = ${province} and ls.list_year = ${year}
    order by ls.household_id, ls.effective_from desc`;
}

/**
 * The start and end lists (`s`, `e`) and the households on either (`ids`), as the head of a `with`.
 * A commune's households are those living there now or recorded there at some time (moves).
 */
function listsAndIds(p: Omit<MovementRowsParams, 'scope' | 'relapseLookbackFromYear'>, idsTail: RawBuilder<unknown>): RawBuilder<unknown> {
  const province = p.unit.provinceCode;
  const communeFilter =
    p.unit.tier === 'commune'
      ? sql`exists (select 1 from household h where h.province_code = ${province} and h.id = x.household_id and (h.commune_code = ${p.unit.code}
          or exists (select 1 from household_residence r where r.province_code = h.province_code and r.household_id = h.id and r.commune_code = ${p.unit.code})))`
      : sql`true`;
  const only = p.householdIds === undefined || p.householdIds.length === 0 ? sql`` : sql`and x.household_id in (${sql.join(p.householdIds)})`;
  return sql`s as (${listOf(province, p.year - 1)}), e as (${listOf(province, p.year)}),
    ids as (
      select x.household_id from (select household_id from s where status <> 'none' union select household_id from e where status <> 'none') x
      where ${communeFilter} ${only} ${idsTail})`;
}

/** One keyset page of the households that have movement rows in the unit: ids > `after`, at most `households`. */
export function movementHouseholdPageSql(p: Omit<MovementRowsParams, 'scope' | 'relapseLookbackFromYear'>, after: number, households: number): RawBuilder<{ household_id: number }> {
  return sql<{ household_id: number }>`with ${listsAndIds(p, sql`and x.household_id > ${after} order by x.household_id limit ${households}`)}
    select household_id from ids order by household_id`;
}

/** `select … from (…) rows` body: a relation named `mv` with the columns above, inside the scope. */
export function movementRowsSql(p: MovementRowsParams): RawBuilder<MovementSqlRow> {
  const prev = p.year - 1;
  const startRef = `${prev}-01-01`;
  const endRef = `${p.year}-01-01`;
  const province = p.unit.provinceCode;
  const unitFilter = p.unit.tier === 'commune' ? sql`mv.unit_code = ${p.unit.code}` : sql`true`;
  return sql<MovementSqlRow>`(
    with ${listsAndIds(p, sql``)},
    base as (
      select h.province_code, h.id as household_id,
        coalesce(${residenceOn(startRef)}, h.commune_code) as start_commune,
        coalesce(${residenceOn(endRef)}, h.commune_code) as end_commune,
        coalesce(s.status, 'none') as previous, coalesce(e.status, 'none') as current,
        case when h.status <> 'active' and (h.status_date is null or h.status_date < ${endRef}::date) then
          case h.status when 'moved_away' then 'moved_away' when 'deceased' then 'deceased' when 'dissolved' then 'dissolved'
            when 'merged' then 'dissolved' else 'other' end end as status_exit,
        coalesce(pr.was_poor, false) as was_poor_before, coalesce(pr.was_near, false) as was_near_poor_before,
        (select count(*)::int from member m where m.province_code = h.province_code and m.household_id = h.id and m.active) as persons,
        e.decision_date as end_decision_date, e.decision_number as end_decision_number
      from ids
      join household h on h.province_code = ${province} and h.id = ids.household_id
      left join s on s.household_id = ids.household_id
      left join e on e.household_id = ids.household_id
      left join lateral (
        select bool_or(x.status = 'poor') as was_poor, bool_or(x.status = 'near_poor') as was_near from list_status x
        where x.province_code = h.province_code and x.household_id = h.id and x.list_year < ${prev}
          and (${p.relapseLookbackFromYear}::int is null or x.list_year >= ${p.relapseLookbackFromYear}::int)) pr on true),
    mv as (
      select start_commune as unit_code, province_code, household_id, previous,
        case when start_commune <> end_commune then 'none' else current end as current,
        case when start_commune <> end_commune then 'moved_away' else status_exit end as exit_reason,
        null::text as entry_reason, was_poor_before, was_near_poor_before, persons, end_decision_date, end_decision_number
      from base
      union all
      select end_commune, province_code, household_id, 'none', current, status_exit, 'moved_in',
        was_poor_before, was_near_poor_before, persons, end_decision_date, end_decision_number
      from base where start_commune <> end_commune)
    select mv.* from mv
    where ${unitFilter} and ${scopePredicate(p.scope, { province: 'mv.province_code', commune: 'mv.unit_code' })}) mv`;
}

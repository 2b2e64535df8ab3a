/**
 * The movement groups of a whole province for one list year (report_movement_summary), set-based: the
 * facts of src/db/review/movement-rows.ts (lists of N−1 and N, residence on 1 January of N−1 and N,
 * exits, earlier lists, active members) gathered by hash joins of the province's slices instead of
 * per-household subqueries, so a full rebuild is linear in the province's rows. A refresh of a few
 * communes keeps using movement-rows.ts itself (summary-refresh.ts); the summary test checks that both
 * give the movement report's tallies.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';

function latestListRow(p: string, year: number) {
  return sql`
    select distinct on (l.household_id) l.household_id, l.status
    from list_status l where l.province_code = ${p} and l.list_year = ${year}
    order by l.household_id, l.effective_from desc`;
}

function residenceOn(p: string, on: string) {
  return sql`
    select distinct on (r.household_id) r.household_id, r.commune_code
    from household_residence r
    where r.province_code = ${p} and r.valid_from <= ${on}::date and (r.valid_to is null or r.valid_to > ${on}::date)
    order by r.household_id, r.valid_from desc`;
}

export async function writeProvinceMovements(db: Kysely<DB>, p: string, year: number, relapseLookbackFromYear: number | null): Promise<void> {
  const prev = year - 1;
  const startRef = `${prev}-01-01`;
  const endRef = `${year}-01-01`;
  await sql`
    with s as (${latestListRow(p, prev)}), e as (${latestListRow(p, year)}),
    ids as (select household_id from s where status <> 'none' union select household_id from e where status <> 'none'),
    r0 as (${residenceOn(p, startRef)}), r1 as (${residenceOn(p, endRef)}),
    pr as (
      select x.household_id, bool_or(x.status = 'poor') as was_poor, bool_or(x.status = 'near_poor') as was_near
      from list_status x
      where x.province_code = ${p} and x.list_year < ${prev} and (${relapseLookbackFromYear}::int is null or x.list_year >= ${relapseLookbackFromYear}::int)
        and x.household_id in (select household_id from ids)
      group by x.household_id),
    pc as (
      select m.household_id, count(*)::int as persons from member m
      where m.province_code = ${p} and m.active and m.household_id in (select household_id from ids)
      group by m.household_id),
    base as (
      select h.commune_code, coalesce(h.village_code, '') as village_code,
        coalesce(r0.commune_code, h.commune_code) as start_commune, coalesce(r1.commune_code, h.commune_code) as end_commune,
        coalesce(s.status, 'none') as previous, coalesce(e.status, 'none') as current,
        case when h.status <> 'active' and (h.status_date is null or h.status_date < ${endRef}::date) then
          case h.status when 'moved_away' then 'moved_away' when 'deceased' then 'deceased' when 'dissolved' then 'dissolved'
            when 'merged' then 'dissolved' else 'other' end end as status_exit,
        coalesce(pr.was_poor, false) as was_poor_before, coalesce(pr.was_near, false) as was_near_poor_before,
        coalesce(pc.persons, 0) as persons
      from ids
      join household h on h.province_code = ${p} and h.id = ids.household_id
      left join s on s.household_id = ids.household_id
      left join e on e.household_id = ids.household_id
      left join r0 on r0.household_id = ids.household_id
      left join r1 on r1.household_id = ids.household_id
      left join pr on pr.household_id = ids.household_id
      left join pc on pc.household_id = ids.household_id),
    mv as (
      select commune_code, village_code, start_commune as unit_code, previous,
        case when start_commune <> end_commune then 'none' else current end as current,
        case when start_commune <> end_commune then 'moved_away' else status_exit end as exit_reason,
        null::text as entry_reason, was_poor_before, was_near_poor_before, persons
      from base
      union all
      select commune_code, village_code, end_commune, 'none', current, status_exit, 'moved_in', was_poor_before, was_near_poor_before, persons
      from base where start_commune <> end_commune)
    insert into report_movement_summary (province_code, list_year, commune_code, village_code, previous, current,
      exit_reason, entry_reason, was_poor_before, was_near_poor_before, households, persons)
    select ${p}, ${year}::smallint, mv.unit_code, case when mv.commune_code = mv.unit_code then mv.village_code else '' end,
      mv.previous, mv.current, coalesce(mv.exit_reason, ''), coalesce(mv.entry_reason, ''), mv.was_poor_before, mv.was_near_poor_before,
      count(*)::int, coalesce(sum(mv.persons), 0)::int
    from mv
    group by 3, 4, 5, 6, 7, 8, 9, 10`.execute(db);
}

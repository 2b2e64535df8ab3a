/**
 * Rebuilding the report summary tables (migration 0007, docs/reports.md "Summary tables"), set-based:
 * per (province, list year) one statement computes each household's facts once (a materialised CTE)
 * and writes the unit, deprivation, cause and ethnic summaries from it; a second statement groups the
 * movement facts (a whole province: summary-movements.ts; a few communes: src/db/review/movement-rows.ts).
 * A whole-province rebuild reads province slices and hash-joins them once, so it is linear in the
 * province's rows (docs/reports.md "How a rebuild stays linear"). A refresh replaces the rows of the communes it
 * covers (all communes of the province for a full rebuild) for every list year of the province.
 *
 * Definitions (docs/reports.md):
 * - reference date of list year N: the province's periodic campaign for policy year N, else 31 Dec N−1;
 * - a household counts in year N if it was in the registry on that date (active, or left after it) or is
 *   on a list of year N; its unit is its residence on that date (household_residence), else its current one;
 * - status: its latest list_status row of year N (poor / near-poor), else 'average' when the periodic
 *   review of year N classified it so, else 'other';
 * - persons: members present on the reference date; deprivations and causes: that review's classification.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../schema.ts';
import { DEFAULT_SUMMARY_RULES, type SummaryRules } from '../../domain/reports/summary-rules.ts';
import { DEFAULT_MOVEMENT_RULES } from '../../domain/movements/movement-rules.ts';
import { movementRowsSql } from '../review/movement-rows.ts';
import { writeProvinceMovements } from './summary-movements.ts';

export const SUMMARY_TABLES = [
  'report_unit_summary',
  'report_deprivation_summary',
  'report_cause_summary',
  'report_ethnic_summary',
  'report_movement_summary',
] as const;

export interface RefreshTarget {
  provinceCode: string;
  /** Only these communes (2025 codes); all communes of the province when absent. */
  communeCodes?: readonly string[];
}

export interface RefreshOutcome {
  provinceCode: string;
  communes: number | 'all';
  years: number[];
}

function inCommunes(column: string, communes: readonly string[] | undefined): RawBuilder<unknown> {
  return communes === undefined ? sql`true` : sql`${sql.ref(column)} in (${sql.join(communes)})`;
}

/** List years of a province: its list_status years and its periodic campaigns' policy years. */
export async function provinceListYears(db: Kysely<DB>, provinceCode: string): Promise<number[]> {
  const r = await sql<{ y: number }>`
    with recursive ly(y) as (
      (select list_year from list_status where province_code = ${provinceCode} order by list_year limit 1)
      union all
      select (select list_year from list_status where province_code = ${provinceCode} and list_year > ly.y order by list_year limit 1)
      from ly where ly.y is not null)
    select y::int as y from ly where y is not null
    union
    select policy_year::int from review_campaign where province_code = ${provinceCode} and kind = 'periodic'
    order by 1`.execute(db);
  return r.rows.map((x) => x.y);
}

/** The household facts of one province and list year (CTE heads ending with `f`). */
function factsSql(p: string, year: number, communes: readonly string[] | undefined, rules: SummaryRules): RawBuilder<unknown> {
  const prefilter =
    communes === undefined
      ? sql`true`
      : sql`(h.commune_code in (${sql.join(communes)}) or h.id in (
          select r.household_id from household_residence r where r.province_code = ${p} and r.commune_code in (${sql.join(communes)})))`;
  const born = sql`coalesce(m.date_of_birth, make_date(m.birth_year, 1, 1))`;
  // A full province rebuild reads whole province slices and hash-joins them; a few communes restrict
  // the list, classification and member rows to their households first.
  const ofHh = (column: string) => (communes === undefined ? sql`true` : sql`${sql.ref(column)} in (select id from hh)`);
  return sql`
    r0 as (select coalesce(
      (select c.reference_date from review_campaign c where c.province_code = ${p} and c.kind = 'periodic' and c.policy_year = ${year}
       order by c.id limit 1),
      make_date(${year}::int - 1, 12, 31)) as d),
    -- Age thresholds as birth dates (age on d < A ⟺ born after d − A years), so no per-member age().
    ref as (select r0.d, (r0.d - make_interval(years => ${rules.childAgeBelow}))::date as child_after,
      (r0.d - make_interval(years => ${rules.schoolAgeFrom}))::date as school_by from r0),
    rs as (
      select distinct on (r.household_id) r.household_id, r.commune_code, r.village_code
      from household_residence r cross join ref
      where r.province_code = ${p} and r.valid_from <= ref.d and (r.valid_to is null or r.valid_to > ref.d)
      order by r.household_id, r.valid_from desc),
    hh as materialized (
      select h.id, h.ethnicity,
        coalesce(rs.commune_code, h.commune_code) as commune_code,
        coalesce(case when rs.household_id is null then h.village_code else rs.village_code end, '') as village_code,
        (h.status = 'active' or h.status_date > ref.d) as resident
      from household h cross join ref
      left join rs on rs.household_id = h.id
      where h.province_code = ${p} and ${prefilter}),
    ls as (
      select distinct on (l.household_id) l.household_id, l.status
      from list_status l
      where l.province_code = ${p} and l.list_year = ${year} and ${ofHh('l.household_id')}
      order by l.household_id, l.effective_from desc),
    cls as (
      select distinct on (cl.household_id) cl.household_id, cl.class, cl.deprivations, cl.survey_id
      from classification cl
      join commune_review r on r.province_code = cl.province_code and r.id = cl.review_id
      join review_campaign c on c.id = r.campaign_id and c.kind = 'periodic' and c.policy_year = ${year} and c.standard_id = cl.standard_id
      where cl.province_code = ${p} and ${ofHh('cl.household_id')}
      order by cl.household_id, cl.computed_at desc),
    mem as (
      select m.household_id, count(*)::int as persons,
        count(*) filter (where ${born} > ref.child_after)::int as children,
        count(*) filter (where ${born} > ref.child_after and (m.facts->>'healthInsurance' = 'false'
          or m.facts->>'stunted' = 'true' or m.facts->>'underweight' = 'true'))::int as children_health,
        count(*) filter (where ${born} <= ref.school_by and ${born} > ref.child_after
          and m.facts->>'attendingSchool' = 'false')::int as children_education,
        bool_and(coalesce(m.facts->>'ableToWork' = 'false', false)) as no_labour,
        bool_or(m.relation = 'head' and m.sex = 'female') as female_head,
        bool_or(coalesce(m.facts->>${rules.meritFact} = 'true', false)) as merit
      from member m cross join ref
      where m.province_code = ${p} and ${ofHh('m.household_id')}
        and (m.active or m.left_date > ref.d) and ${born} <= ref.d
      group by m.household_id),
    f as materialized (
      select hh.commune_code, hh.village_code, hh.id, coalesce(hh.ethnicity, '') as ethnicity,
        case when ls.status in ('poor', 'near_poor') then ls.status when cls.class = 'average' then 'average' else 'other' end as status,
        coalesce(mem.persons, 0) as persons,
        hh.ethnicity = ${rules.majorityEthnicGroup} as kinh,
        hh.ethnicity is not null and hh.ethnicity <> '' and hh.ethnicity <> ${rules.majorityEthnicGroup} as minority,
        coalesce(mem.female_head, false) as female_head,
        coalesce(mem.no_labour, false) as no_labour,
        coalesce(mem.merit, false) as merit,
        cls.household_id is not null as classified,
        coalesce(cls.deprivations, '{}') as deprivations, cls.survey_id,
        coalesce(mem.children, 0) as children, coalesce(mem.children_health, 0) as children_health,
        coalesce(mem.children_education, 0) as children_education
      from hh
      left join ls on ls.household_id = hh.id
      left join cls on cls.household_id = hh.id
      left join mem on mem.household_id = hh.id
      where (hh.resident or ls.status in ('poor', 'near_poor')) and ${inCommunes('hh.commune_code', communes)})`;
}

async function writeYear(db: Kysely<DB>, p: string, year: number, communes: readonly string[] | undefined, rules: SummaryRules): Promise<void> {
  const key = sql`${p}, ${year}::smallint, f.commune_code, f.village_code, f.status`;
  await sql`
    with ${factsSql(p, year, communes, rules)},
    dep as (
      insert into report_deprivation_summary (province_code, list_year, commune_code, village_code, status, indicator, households, persons)
      select ${key}, d.indicator, count(*)::int, sum(f.persons)::int
      from f cross join unnest(f.deprivations) as d(indicator)
      group by f.commune_code, f.village_code, f.status, d.indicator),
    cause as (
      insert into report_cause_summary (province_code, list_year, commune_code, village_code, status, cause, households)
      select ${key}, c.cause, count(*)::int
      from f join survey s on s.province_code = ${p} and s.id = f.survey_id cross join unnest(s.causes) as c(cause)
      group by f.commune_code, f.village_code, f.status, c.cause),
    eth as (
      insert into report_ethnic_summary (province_code, list_year, commune_code, village_code, status, ethnicity, households, persons)
      select ${key}, f.ethnicity, count(*)::int, sum(f.persons)::int
      from f group by f.commune_code, f.village_code, f.status, f.ethnicity),
    -- Each commune's area type (its 2025 version, the current one first), looked up once per commune.
    au as (
      select distinct on (a.code) a.code, a.area_type from admin_unit a
      where a.layout = '2025' and a.tier = 'commune' and a.code in (select distinct commune_code from f)
      order by a.code, (a.valid_to is null) desc, a.valid_from desc)
    insert into report_unit_summary (province_code, list_year, commune_code, village_code, status, area_type,
      households, persons, households_kinh, persons_kinh, households_minority, persons_minority,
      households_female_head, persons_female_head, households_no_labour, persons_no_labour, households_merit, persons_merit,
      households_no_group, persons_no_group, households_classified, deprivations_total, children, children_health, children_education)
    select ${key}, au.area_type,
      count(*)::int, sum(f.persons)::int,
      count(*) filter (where f.kinh)::int, coalesce(sum(f.persons) filter (where f.kinh), 0)::int,
      count(*) filter (where f.minority)::int, coalesce(sum(f.persons) filter (where f.minority), 0)::int,
      count(*) filter (where f.female_head)::int, coalesce(sum(f.persons) filter (where f.female_head), 0)::int,
      count(*) filter (where f.no_labour)::int, coalesce(sum(f.persons) filter (where f.no_labour), 0)::int,
      count(*) filter (where f.merit)::int, coalesce(sum(f.persons) filter (where f.merit), 0)::int,
      count(*) filter (where not (f.minority or f.no_labour or f.merit))::int,
      coalesce(sum(f.persons) filter (where not (f.minority or f.no_labour or f.merit)), 0)::int,
      count(*) filter (where f.classified)::int, coalesce(sum(cardinality(f.deprivations)), 0)::int,
      sum(f.children)::int, sum(f.children_health)::int, sum(f.children_education)::int
    from f left join au on au.code = f.commune_code
    group by f.commune_code, f.village_code, f.status, au.area_type`.execute(db);

  // Movements between the lists of year − 1 and year: a whole province in one set-based statement
  // (summary-movements.ts), a few communes with the movement report's own rows, one statement each.
  if (communes === undefined) {
    await writeProvinceMovements(db, p, year, DEFAULT_MOVEMENT_RULES.relapseLookbackFromYear);
    return;
  }
  for (const u of communes.map((code) => ({ code, tier: 'commune' as const }))) {
    const rows = movementRowsSql({
      unit: { code: u.code, tier: u.tier, provinceCode: p },
      year,
      relapseLookbackFromYear: DEFAULT_MOVEMENT_RULES.relapseLookbackFromYear,
      scope: { level: 'national' },
    });
    await sql`
      insert into report_movement_summary (province_code, list_year, commune_code, village_code, previous, current,
        exit_reason, entry_reason, was_poor_before, was_near_poor_before, households, persons)
      select ${p}, ${year}::smallint, mv.unit_code, case when h.commune_code = mv.unit_code then coalesce(h.village_code, '') else '' end,
        mv.previous, mv.current, coalesce(mv.exit_reason, ''), coalesce(mv.entry_reason, ''), mv.was_poor_before, mv.was_near_poor_before,
        count(*)::int, coalesce(sum(mv.persons), 0)::int
      from ${rows}
      join household h on h.province_code = ${p} and h.id = mv.household_id
      group by 3, 4, 5, 6, 7, 8, 9, 10`.execute(db);
  }
}

/**
 * Rebuilds the summaries of one province (or some of its communes) for all its list years, inside the
 * caller's transaction (`db` may be a Transaction). Serialised per province by an advisory lock.
 */
export async function refreshSummariesIn(db: Kysely<DB>, target: RefreshTarget, rules: SummaryRules = DEFAULT_SUMMARY_RULES): Promise<RefreshOutcome> {
  const p = target.provinceCode;
  const communes = target.communeCodes === undefined ? undefined : [...new Set(target.communeCodes)].toSorted();
  if (communes !== undefined && communes.length === 0) return { provinceCode: p, communes: 0, years: [] };
  await lockProvince(db, p);
  // JIT compilation costs more than these statements save (seconds per statement on a loaded machine:
  // the row estimates of the CTEs are far above the truth); local to the caller's transaction.
  await sql`set local jit = off`.execute(db);
  await sql`delete from report_dirty where province_code = ${p} and ${inCommunes('commune_code', communes)}`.execute(db);
  for (const table of SUMMARY_TABLES) {
    await sql`delete from ${sql.table(table)} where province_code = ${p} and ${inCommunes('commune_code', communes)}`.execute(db);
  }
  const years = await provinceListYears(db, p);
  for (const year of years) await writeYear(db, p, year, communes, rules);
  if (communes === undefined) {
    await sql`delete from report_summary_state where province_code = ${p}`.execute(db);
    await sql`insert into report_summary_state (province_code, commune_code)
      select distinct province_code, commune_code from report_unit_summary where province_code = ${p}`.execute(db);
  } else {
    await sql`insert into report_summary_state (province_code, commune_code)
      select ${p}, c from (values ${sql.join(communes.map((c) => sql`(${c})`))}) v(c)
      on conflict (province_code, commune_code) do update set refreshed_at = now()`.execute(db);
  }
  return { provinceCode: p, communes: communes?.length ?? 'all', years };
}

/** Same as refreshSummariesIn, in its own transaction. */
export async function refreshSummaries(db: Kysely<DB>, target: RefreshTarget, rules: SummaryRules = DEFAULT_SUMMARY_RULES): Promise<RefreshOutcome> {
  return db.transaction().execute((trx) => refreshSummariesIn(trx, target, rules));
}

/** Provinces with dirty communes (registry data changed since their last rebuild); optionally only one. */
async function dirtyProvinces(db: Kysely<DB>, provinceCode?: string): Promise<string[]> {
  const r = await sql<{ province_code: string }>`
    select distinct province_code from report_dirty
    where ${provinceCode === undefined ? sql`true` : sql`province_code = ${provinceCode}`} order by 1`.execute(db);
  return r.rows.map((x) => x.province_code);
}

function lockProvince(db: Kysely<DB>, provinceCode: string) {
  return sql`select pg_advisory_xact_lock(hashtext(${`giamngheo.reports.${provinceCode}`}))`.execute(db);
}

/**
 * Rebuilds the communes whose data changed (report_dirty), each province in its own transaction; the
 * report reads call this first, so a report never shows summaries older than the registry. The dirty
 * list is read again under the province's lock, so a reader that waited for another rebuild finds
 * nothing left to do.
 */
export async function refreshDirtySummaries(db: Kysely<DB>, provinceCode?: string, rules: SummaryRules = DEFAULT_SUMMARY_RULES): Promise<RefreshOutcome[]> {
  const out: RefreshOutcome[] = [];
  for (const p of await dirtyProvinces(db, provinceCode)) {
    const done = await db.transaction().execute(async (trx) => {
      await lockProvince(trx, p);
      const r = await sql<{ commune_code: string }>`select commune_code from report_dirty where province_code = ${p} order by 1`.execute(trx);
      const communes = r.rows.map((x) => x.commune_code);
      if (communes.length === 0) return null;
      // Many dirty communes (a bulk import, the demo seed): one province-wide pass is cheaper than one movement statement per commune.
      return refreshSummariesIn(trx, communes.length > WHOLE_PROVINCE_FROM ? { provinceCode: p } : { provinceCode: p, communeCodes: communes }, rules);
    });
    if (done) out.push(done);
  }
  return out;
}

/** Above this many dirty communes a province is rebuilt whole. */
export const WHOLE_PROVINCE_FROM = 3;

/** Review states after which the commune's summaries are rebuilt (the lists are written at the decision). */
export const SUMMARY_REFRESH_STATES: readonly string[] = ['decided', 'accepted'];

/**
 * The review-transition hook (src/db/review/transitions.ts): inside the transition's transaction, when
 * the review reaches `decided` or `accepted`, rebuilds the commune's summaries if its data changed (a
 * signed decision writes list_status, which marks the commune dirty). Other transitions cost nothing;
 * changes made meanwhile are picked up by the next report read (refreshDirtySummaries).
 */
export async function refreshAfterReviewTransition(trx: Kysely<DB>, provinceCode: string, communeCode: string, newState: string): Promise<void> {
  if (!SUMMARY_REFRESH_STATES.includes(newState)) return;
  const dirty = await sql<{ n: number }>`
    select count(*)::int as n from report_dirty where province_code = ${provinceCode} and commune_code = ${communeCode}`.execute(trx);
  if ((dirty.rows[0]?.n ?? 0) > 0) await refreshSummariesIn(trx, { provinceCode, communeCodes: [communeCode] });
}

/**
 * Full rebuild: every province with households (or only `provinceCode`), one transaction per province.
 * `concurrency` provinces are rebuilt at once (separate transactions, so the pool needs that many
 * connections); provinces are independent, so a multi-core server can use its cores.
 */
export async function rebuildAllSummaries(
  db: Kysely<DB>,
  opts: { provinceCode?: string; concurrency?: number; onProvince?: (o: RefreshOutcome) => void } = {},
): Promise<RefreshOutcome[]> {
  const provinces =
    opts.provinceCode !== undefined
      ? [opts.provinceCode]
      : (
          await sql<{ p: string }>`
            with recursive pc(p) as (
              (select province_code from household order by province_code limit 1)
              union all
              select (select province_code from household where province_code > pc.p order by province_code limit 1) from pc where pc.p is not null)
            select p from pc where p is not null`.execute(db)
        ).rows.map((r) => r.p);
  const out: RefreshOutcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < provinces.length) {
      const p = provinces[next++]!;
      const o = await refreshSummaries(db, { provinceCode: p });
      opts.onProvince?.(o);
      out.push(o);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 1, provinces.length)) }, worker));
  return out.toSorted((a, b) => a.provinceCode.localeCompare(b.provinceCode));
}

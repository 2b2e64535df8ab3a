/**
 * Report summary tables: after a full rebuild, after a data change (dirty communes rebuilt) and after a
 * signed decision (the review-transition hook), every summary row equals a direct recount of the
 * registry done here in JavaScript from the raw rows.
 */
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import { openTestDatabase } from '../helpers/database.ts';
import { insertUnitFixture } from '../helpers/server.ts';
import type { Database } from '../../src/db/connect.ts';
import { insertOutputFixture, MT, type OutputFixture } from '../server/outputs-fixture.ts';
import { rebuildAllSummaries, refreshDirtySummaries, refreshAfterReviewTransition, refreshSummaries } from '../../src/db/reports/summary-refresh.ts';
import { movementReport } from '../../src/db/review/movements.ts';
import { readMovementTallies } from '../../src/db/reports/summary-read.ts';
import { DEFAULT_SUMMARY_RULES } from '../../src/domain/reports/summary-rules.ts';

interface Recount {
  [key: string]: { households: number; persons: number; minority: number; noLabour: number; merit: number; classified: number; deprivations: number; children: number };
}

/** Independent recount of report_unit_summary for one province and list year. */
async function recount(db: Kysely<DB>, p: string, year: number): Promise<Recount> {
  const ref =
    (await sql<{ d: string }>`select to_char(reference_date, 'YYYY-MM-DD') as d from review_campaign where province_code = ${p} and kind = 'periodic' and policy_year = ${year} order by id limit 1`.execute(db)).rows[0]?.d ??
    `${year - 1}-12-31`;
  const hs = (await sql<{ id: number; commune_code: string; village_code: string | null; status: string; status_date: string | null; ethnicity: string | null }>`
    select id, commune_code, village_code, status, to_char(status_date, 'YYYY-MM-DD') as status_date, ethnicity from household where province_code = ${p}`.execute(db)).rows;
  const ms = (await sql<{ household_id: number; born: string; active: boolean; left_date: string | null; facts: Record<string, unknown>; relation: string; sex: string }>`
    select household_id, to_char(coalesce(date_of_birth, make_date(birth_year, 1, 1)), 'YYYY-MM-DD') as born, active,
      to_char(left_date, 'YYYY-MM-DD') as left_date, facts, relation, sex from member where province_code = ${p}`.execute(db)).rows;
  const ls = (await sql<{ household_id: number; status: string; effective_from: string }>`
    select household_id, status, to_char(effective_from, 'YYYY-MM-DD') as effective_from from list_status where province_code = ${p} and list_year = ${year}`.execute(db)).rows;
  const cls = (await sql<{ household_id: number; class: string; deprivations: string[] }>`
    select cl.household_id, cl.class, cl.deprivations from classification cl
    join commune_review r on r.province_code = cl.province_code and r.id = cl.review_id
    join review_campaign c on c.id = r.campaign_id and c.kind = 'periodic' and c.policy_year = ${year} and c.standard_id = cl.standard_id
    where cl.province_code = ${p}`.execute(db)).rows;
  const latest = new Map<number, { status: string; effective_from: string }>();
  for (const l of ls) if (!latest.has(l.household_id) || latest.get(l.household_id)!.effective_from < l.effective_from) latest.set(l.household_id, l);
  const out: Recount = {};
  for (const h of hs) {
    const list = latest.get(h.id)?.status;
    const onList = list === 'poor' || list === 'near_poor';
    if (!(h.status === 'active' || (h.status_date !== null && h.status_date > ref) || onList)) continue;
    const cl = cls.find((c) => c.household_id === h.id);
    const status = onList ? list : cl?.class === 'average' ? 'average' : 'other';
    const present = ms.filter((m) => m.household_id === h.id && (m.active || (m.left_date !== null && m.left_date > ref)) && m.born <= ref);
    const ageOf = (born: string) => {
      const [y, mo, d] = born.split('-').map(Number) as [number, number, number];
      const [ry, rmo, rd] = ref.split('-').map(Number) as [number, number, number];
      return ry - y - (rmo < mo || (rmo === mo && rd < d) ? 1 : 0);
    };
    const key = `${h.commune_code}|${h.village_code ?? ''}|${status}`;
    const o = (out[key] ??= { households: 0, persons: 0, minority: 0, noLabour: 0, merit: 0, classified: 0, deprivations: 0, children: 0 });
    o.households += 1;
    o.persons += present.length;
    if (h.ethnicity && h.ethnicity !== DEFAULT_SUMMARY_RULES.majorityEthnicGroup) o.minority += 1;
    if (present.length > 0 && present.every((m) => m.facts.ableToWork === false)) o.noLabour += 1;
    if (present.some((m) => m.facts[DEFAULT_SUMMARY_RULES.meritFact] === true)) o.merit += 1;
    if (cl) {
      o.classified += 1;
      o.deprivations += cl.deprivations.length;
    }
    o.children += present.filter((m) => ageOf(m.born) < DEFAULT_SUMMARY_RULES.childAgeBelow).length;
  }
  return out;
}

async function stored(db: Kysely<DB>, p: string, year: number): Promise<Recount> {
  const rows = (await sql<{ commune_code: string; village_code: string; status: string; households: number; persons: number; households_minority: number; households_no_labour: number; households_merit: number; households_classified: number; deprivations_total: number; children: number }>`
    select * from report_unit_summary where province_code = ${p} and list_year = ${year}`.execute(db)).rows;
  const out: Recount = {};
  for (const r of rows) {
    out[`${r.commune_code}|${r.village_code}|${r.status}`] = {
      households: r.households,
      persons: r.persons,
      minority: r.households_minority,
      noLabour: r.households_no_labour,
      merit: r.households_merit,
      classified: r.households_classified,
      deprivations: r.deprivations_total,
      children: r.children,
    };
  }
  return out;
}

async function assertMatches(db: Kysely<DB>, years: readonly number[]): Promise<void> {
  for (const year of years) assert.deepEqual(await stored(db, MT.province, year), await recount(db, MT.province, year), `list year ${year}`);
}

/** Classifications of the 2026 lists' review (mt2025) with deprivations, and surveys with causes. */
async function addClassifications(db: Kysely<DB>, fx: OutputFixture): Promise<void> {
  const rows: Array<[string, string, string[], string[]]> = [
    ['H1', 'poor', ['health_insurance', 'housing_area', 'latrine'], ['no_capital', 'no_production_land']],
    ['H5', 'poor', ['latrine', 'water_source', 'telecom', 'nutrition'], ['illness_or_accident']],
    ['H6', 'poor', ['employment', 'latrine', 'housing_quality'], ['no_labour']],
    ['H2', 'near_poor', ['latrine'], []],
    ['H9', 'average', [], []],
  ];
  for (const [k, cls, deps, causes] of rows) {
    // H1 already has a current survey (the fixture's): its causes are set there.
    const s = await sql<{ id: number }>`
      with upd as (update survey set causes = ${`{${causes.join(',')}}`}::text[]
        where province_code = ${MT.province} and review_id = ${fx.reviews.mt2025} and household_id = ${fx.households[k]!} and superseded_by is null returning id),
      ins as (insert into survey (province_code, review_id, household_id, facts, causes, surveyed_on)
        select ${MT.province}, ${fx.reviews.mt2025}, ${fx.households[k]!}, '{}'::jsonb, ${`{${causes.join(',')}}`}::text[], '2025-10-01'
        where not exists (select 1 from upd) returning id)
      select id from upd union all select id from ins`.execute(db);
    await sql`insert into classification (province_code, review_id, household_id, standard_id, survey_id, area_type, class, deprivation_count, deprivations, explanation)
      values (${MT.province}, ${fx.reviews.mt2025}, ${fx.households[k]!}, 'nd07-2021', ${s.rows[0]!.id}, 'rural', ${cls}, ${deps.length}, ${`{${deps.join(',')}}`}::text[], 'test')`.execute(db);
  }
}

describe('report summary tables', () => {
  let database: Database;
  let db: Kysely<DB>;
  let fx: OutputFixture;
  before(async () => {
    database = await openTestDatabase();
    db = database.db;
    await insertUnitFixture(database);
    fx = await insertOutputFixture(db);
    await addClassifications(db, fx);
    // Two provinces at once (one transaction each): the result must not depend on it.
    await rebuildAllSummaries(db, { concurrency: 2 });
  });
  after(async () => database?.close());

  test('a full rebuild equals a direct recount for every list year; nothing is left dirty', async () => {
    await assertMatches(db, [2024, 2025, 2026]);
    const dirty = await sql<{ n: number }>`select count(*)::int as n from report_dirty`.execute(db);
    assert.equal(dirty.rows[0]!.n, 0);
    const poor2026 = (await stored(db, MT.province, 2026));
    // H1 (PM), H5 and H6 (NC) poor in 2026 (H8 left the list by the monthly decision; H10 dissolved after the reference date).
    assert.equal(poor2026[`${MT.commune}|PM|poor`]!.households, 1);
    assert.equal(poor2026[`${MT.commune}|NC|poor`]!.households, 3);
    const areas = await sql<{ commune_code: string; area_type: string | null }>`
      select distinct commune_code, area_type from report_unit_summary where province_code = ${MT.province} order by 1`.execute(db);
    assert.deepEqual(areas.rows, [{ commune_code: '03388', area_type: 'urban' }, { commune_code: MT.commune, area_type: 'rural' }]);
  });

  test('deprivation, cause and ethnic summaries count the classified households', async () => {
    const dep = await sql<{ indicator: string; households: number }>`
      select indicator, sum(households)::int as households from report_deprivation_summary
      where province_code = ${MT.province} and list_year = 2026 and status = 'poor' group by indicator order by indicator`.execute(db);
    assert.deepEqual(Object.fromEntries(dep.rows.map((r) => [r.indicator, r.households])), {
      employment: 1, health_insurance: 1, housing_area: 1, housing_quality: 1, latrine: 3, nutrition: 1, telecom: 1, water_source: 1,
    });
    const causes = await sql<{ cause: string; households: number }>`
      select cause, sum(households)::int as households from report_cause_summary
      where province_code = ${MT.province} and list_year = 2026 and status = 'poor' group by cause order by cause`.execute(db);
    assert.deepEqual(Object.fromEntries(causes.rows.map((r) => [r.cause, r.households])), {
      illness_or_accident: 1, no_capital: 1, no_labour: 1, no_production_land: 1,
    });
    const eth = await sql<{ ethnicity: string; households: number }>`
      select ethnicity, sum(households)::int as households from report_ethnic_summary
      where province_code = ${MT.province} and list_year = 2026 and commune_code = ${MT.commune} group by ethnicity order by ethnicity`.execute(db);
    const unit = await sql<{ n: number }>`select sum(households)::int as n from report_unit_summary where province_code = ${MT.province} and list_year = 2026 and commune_code = ${MT.commune}`.execute(db);
    assert.equal(eth.rows.reduce((s, r) => s + r.households, 0), unit.rows[0]!.n);
    const avg = await sql<{ n: number }>`select sum(households)::int as n from report_unit_summary where province_code = ${MT.province} and list_year = 2026 and status = 'average'`.execute(db);
    assert.equal(avg.rows[0]!.n, 1, 'H9 classified average');
  });

  test('movement summaries give the same tallies as the movement report', async () => {
    for (const year of [2025, 2026]) {
      const direct = await movementReport(db, { level: 'national' }, MT.commune, year);
      const fromSummary = await readMovementTallies(db, { level: 'national' }, { provinceCode: MT.province, communeCode: MT.commune }, year, 'commune');
      assert.deepEqual(fromSummary.get(MT.commune), direct.units.find((u) => u.code === MT.commune)?.tally, `year ${year}`);
    }
  });

  test('a data change marks the commune dirty; the dirty refresh makes the summaries equal the recount again', async () => {
    await sql`insert into member (province_code, household_id, line_no, full_name, full_name_ascii, date_of_birth, sex, ethnicity, relation)
      values (${MT.province}, ${fx.households.H5!}, 2, 'Lý Văn Bé', 'ly van be', '2020-02-02', 'male', 'Dao', 'child')`.execute(db);
    await sql`update household set ethnicity = 'Kinh' where province_code = ${MT.province} and id = ${fx.households.H7!}`.execute(db);
    await sql`update member set facts = facts || '{"personWithMerit": true}'::jsonb where province_code = ${MT.province} and household_id = ${fx.households.H5!} and line_no = 1`.execute(db);
    await sql`insert into list_status (province_code, household_id, list_year, status, standard_id, decision_number, decision_date, effective_from)
      values (${MT.province}, ${fx.households.H9!}, 2026, 'near_poor', 'nd07-2021', '20/QĐ-UBND', '2026-06-01', '2026-06-01')`.execute(db);
    const dirty = await sql<{ commune_code: string }>`select commune_code from report_dirty where province_code = ${MT.province}`.execute(db);
    assert.deepEqual(dirty.rows.map((r) => r.commune_code), [MT.commune]);
    assert.notDeepEqual(await stored(db, MT.province, 2026), await recount(db, MT.province, 2026), 'stale before the refresh');
    const done = await refreshDirtySummaries(db);
    assert.equal(done.length, 1);
    await assertMatches(db, [2024, 2025, 2026]);
    const merit = Object.values(await stored(db, MT.province, 2026)).reduce((n, o) => n + o.merit, 0);
    assert.equal(merit, 1, 'the household with a member with merit');
  });

  test('the review hook rebuilds a dirty commune when the review reaches decided, not on other states', async () => {
    await sql`update member set facts = '{"ableToWork": false}'::jsonb where province_code = ${MT.province} and household_id = ${fx.households.H7!}`.execute(db);
    await db.transaction().execute(async (trx) => refreshAfterReviewTransition(trx, MT.province, MT.commune, 'complaints'));
    assert.notDeepEqual(await stored(db, MT.province, 2026), await recount(db, MT.province, 2026));
    await db.transaction().execute(async (trx) => refreshAfterReviewTransition(trx, MT.province, MT.commune, 'decided'));
    await assertMatches(db, [2025, 2026]);
  });

  test('movement groups with a move between communes, an exit and an earlier list: province rebuild = commune refresh = movement report', async () => {
    const other = '03388'; // Dào San, the same province
    const p = MT.province;
    // H2 lived in the other commune until mid-2025 (moved between 1 January 2025 and 1 January 2026).
    await sql`insert into household_residence (province_code, household_id, commune_code, village_code, valid_from, valid_to)
      values (${p}, ${fx.households.H2!}, ${other}, null, '2020-01-01', '2025-06-01'),
             (${p}, ${fx.households.H2!}, ${MT.commune}, null, '2025-06-01', null)`.execute(db);
    await sql`update household set status = 'moved_away', status_date = '2025-03-01' where province_code = ${p} and id = ${fx.households.H3!}`.execute(db);
    await sql`insert into list_status (province_code, household_id, list_year, status, standard_id, decision_number, decision_date, effective_from)
      values (${p}, ${fx.households.H1!}, 2023, 'near_poor', 'nd07-2021', '1/QĐ-UBND', '2022-12-20', '2023-01-01'),
             (${p}, ${fx.households.H2!}, 2025, 'poor', 'nd07-2021', '2/QĐ-UBND', '2025-03-10', '2025-03-15'),
             (${p}, ${fx.households.H3!}, 2025, 'poor', 'nd07-2021', '3/QĐ-UBND', '2025-03-10', '2025-03-16')`.execute(db);
    const tallies = async () => {
      const out: Record<string, unknown> = {};
      for (const year of [2025, 2026]) {
        for (const c of [MT.commune, other]) {
          const direct = (await movementReport(db, { level: 'national' }, c, year)).units.find((u) => u.code === c)?.tally;
          const fromSummary = (await readMovementTallies(db, { level: 'national' }, { provinceCode: p, communeCode: c }, year, 'commune')).get(c);
          assert.deepEqual(fromSummary, direct, `${c} ${year}`);
          out[`${c} ${year}`] = fromSummary;
        }
      }
      return out;
    };
    await rebuildAllSummaries(db, { provinceCode: p });
    const moved = await sql<{ exit_reason: string; entry_reason: string; commune_code: string }>`
      select commune_code, exit_reason, entry_reason from report_movement_summary
      where province_code = ${p} and list_year = 2026 and (exit_reason = 'moved_away' or entry_reason = 'moved_in') order by 1, 2, 3`.execute(db);
    // H2 leaves the other commune and enters Mường Tè; H3 left the registry (moved away) in 2025.
    assert.deepEqual(moved.rows, [
      { commune_code: other, exit_reason: 'moved_away', entry_reason: '' },
      { commune_code: MT.commune, exit_reason: '', entry_reason: 'moved_in' },
      { commune_code: MT.commune, exit_reason: 'moved_away', entry_reason: '' },
    ]);
    const whole = await tallies();
    await refreshSummaries(db, { provinceCode: p, communeCodes: [MT.commune, other] });
    assert.deepEqual(await tallies(), whole);
  });
});

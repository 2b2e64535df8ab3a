/**
 * Dashboard figures on constructed data equal direct counts: households, poor and near-poor per unit
 * and year, rates, ethnic-minority rates, movements (escaped, new, relapsed), the deprivation profile,
 * communes above the thresholds, the poorest units, and the scope of each reader.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { openTestDatabase } from '../../helpers/database.ts';
import { insertUnitFixture } from '../../helpers/server.ts';
import type { Database } from '../../../src/db/connect.ts';
import type { DB } from '../../../src/db/schema.ts';
import { DashboardUnitError, readDashboard, type Dashboard } from '../../../src/db/dashboard/index.ts';
import type { Scope } from '../../../src/domain/access/scope.ts';

const NATIONAL: Scope = { level: 'national' };
const LC: Scope = { level: 'province', provinceCode: '12' };
const MT: Scope = { level: 'commune', provinceCode: '12', communeCode: '03445' };

/**
 * Households (all active) with their list per year 2024 / 2025 / 2026 ('-' = on no list):
 * Mường Tè 03445, village V1: A1 P P N (escaped 2026), A2 P - P (relapse 2026), A3 - - P (new poor 2026),
 *   village V2: A4 N N - (near-poor escaped 2026), A5 - - -, A6 (no village) - - N (new near-poor 2026);
 * Đoàn Kết 03388: B1 - P P, B2 - - -, B3 - - -, B4 - - -;  Mường Phăng 03325 (Điện Biên): C1 P P P.
 */
const HOUSEHOLDS: Array<[string, string, string, string | null, string | null, string]> = [
  // key, province, commune, village, ethnicity, lists 2024/2025/2026
  ['A1', '12', '03445', 'V1', 'Hà Nhì', 'PPN'],
  ['A2', '12', '03445', 'V1', 'Hà Nhì', 'P-P'],
  ['A3', '12', '03445', 'V1', 'Kinh', '--P'],
  ['A4', '12', '03445', 'V2', 'Thái', 'NN-'],
  ['A5', '12', '03445', 'V2', 'Kinh', '---'],
  ['A6', '12', '03445', null, null, '--N'],
  ['B1', '12', '03388', 'D1', 'Thái', '-PP'],
  ['B2', '12', '03388', 'D1', 'Kinh', '---'],
  ['B3', '12', '03388', 'D1', 'Kinh', '---'],
  ['B4', '12', '03388', 'D1', 'Kinh', '---'],
  ['C1', '11', '03325', 'X1', 'Mông', 'PPP'],
];
const YEARS = [2024, 2025, 2026];

let database: Database;
let db: Kysely<DB>;
const ids: Record<string, number> = {};

before(async () => {
  database = await openTestDatabase();
  db = database.db;
  await insertUnitFixture(database);
  await sql`insert into village (province_code, commune_code, code, name, name_ascii) values
    ('12', '03445', 'V1', 'Bản Một', 'ban mot'), ('12', '03445', 'V2', 'Bản Hai', 'ban hai'),
    ('12', '03388', 'D1', 'Tổ Một', 'to mot'), ('11', '03325', 'X1', 'Bản Xa', 'ban xa')`.execute(db);
  for (const [key, p, c, v, eth, lists] of HOUSEHOLDS) {
    const r = await sql<{ id: number }>`insert into household (province_code, code, commune_code, village_code, head_name, head_name_ascii, ethnicity)
      values (${p}, ${key}, ${c}, ${v}, ${`Chủ hộ ${key}`}, ${`chu ho ${key.toLowerCase()}`}, ${eth}) returning id`.execute(db);
    ids[key] = r.rows[0]!.id;
    for (let i = 0; i < 3; i++) {
      const s = lists[i] === 'P' ? 'poor' : lists[i] === 'N' ? 'near_poor' : null;
      if (!s) continue;
      await sql`insert into list_status (province_code, household_id, list_year, status, standard_id, decision_number, decision_date, effective_from)
        values (${p}, ${ids[key]!}, ${YEARS[i]!}, ${s}, 'nd07-2021', ${`QĐ ${YEARS[i]}`}, ${`${YEARS[i]! - 1}-12-20`}, ${`${YEARS[i]}-01-01`})`.execute(db);
    }
  }
  // The 2025 review (lists of 2026) in Mường Tè classified A2, A3 (poor) and A1 (near-poor) with deprivations.
  const camp = await sql<{ id: number }>`insert into review_campaign (province_code, year, kind, standard_id, policy_year, reference_date, plan_start, plan_end, title)
    values ('12', 2025, 'periodic', 'nd07-2021', 2026, '2025-09-01', '2025-09-01', '2025-12-14', 'Rà soát 2025') returning id`.execute(db);
  const rev = await sql<{ id: number }>`insert into commune_review (province_code, campaign_id, commune_code, state) values ('12', ${camp.rows[0]!.id}, '03445', 'accepted') returning id`.execute(db);
  const review = rev.rows[0]!.id;
  for (const [key, cls, deps] of [['A2', 'poor', ['latrine', 'water_source', 'telecom']], ['A3', 'poor', ['latrine', 'housing_area', 'nutrition']], ['A1', 'near_poor', ['latrine']]] as const) {
    const s = await sql<{ id: number }>`insert into survey (province_code, review_id, household_id, facts, surveyed_on) values ('12', ${review}, ${ids[key]!}, '{}'::jsonb, '2025-10-01') returning id`.execute(db);
    await sql`insert into classification (province_code, review_id, household_id, standard_id, survey_id, area_type, class, deprivation_count, deprivations, explanation)
      values ('12', ${review}, ${ids[key]!}, 'nd07-2021', ${s.rows[0]!.id}, 'rural', ${cls}, ${deps.length}, ${`{${deps.join(',')}}`}::text[], 'test')`.execute(db);
  }
});
after(() => database.close());

/** Direct count from the raw rows: households and list statuses of the given households in a year. */
async function directCount(where: { province?: string; commune?: string; village?: string | null }, year: number) {
  const r = await sql<{ households: number; poor: number; near_poor: number; minority: number; minority_poor: number }>`
    select count(*)::int as households,
      count(*) filter (where ls.status = 'poor')::int as poor,
      count(*) filter (where ls.status = 'near_poor')::int as near_poor,
      count(*) filter (where h.ethnicity is not null and h.ethnicity <> 'Kinh')::int as minority,
      count(*) filter (where ls.status = 'poor' and h.ethnicity is not null and h.ethnicity <> 'Kinh')::int as minority_poor
    from household h
    left join list_status ls on ls.province_code = h.province_code and ls.household_id = h.id and ls.list_year = ${year}
    where h.status = 'active'
      and ${where.province ? sql`h.province_code = ${where.province}` : sql`true`}
      and ${where.commune ? sql`h.commune_code = ${where.commune}` : sql`true`}
      and ${where.village === undefined ? sql`true` : where.village === null ? sql`h.village_code is null` : sql`h.village_code = ${where.village}`}`.execute(db);
  return r.rows[0]!;
}

function assertCounts(actual: { households: number; poor: number; nearPoor: number; poorRate: number | null }, expected: { households: number; poor: number; near_poor: number }, what: string) {
  assert.deepEqual([actual.households, actual.poor, actual.nearPoor], [expected.households, expected.poor, expected.near_poor], what);
  assert.equal(actual.poorRate, expected.households ? expected.poor / expected.households : null, what);
}

test('province: totals, trend and every commune row equal direct counts for every year', async () => {
  for (const year of YEARS) {
    const d = await readDashboard(db, LC, { unit: '12', year });
    assert.equal(d.year, year);
    assert.deepEqual(d.years, YEARS);
    assertCounts(d.totals, await directCount({ province: '12' }, year), `Lai Châu ${year}`);
    for (const t of d.trend) assertCounts(t, await directCount({ province: '12' }, t.year), `trend ${t.year}`);
    assert.deepEqual(d.rows.map((r) => [r.code, r.name]), [['03388', 'Phường Đoàn Kết'], ['03445', 'Xã Mường Tè']]);
    for (const r of d.rows) assertCounts(r.figures, await directCount({ province: '12', commune: r.code }, year), `${r.code} ${year}`);
  }
  const d = await readDashboard(db, LC, { unit: '12', year: 2026 });
  const direct = await directCount({ province: '12' }, 2026);
  assert.equal(d.totals.minority, direct.minority);
  assert.equal(d.totals.minorityPoor, direct.minority_poor);
  assert.equal(d.totals.minorityPoorRate, direct.minority_poor / direct.minority);
  assert.equal(d.totals.multidimensionalRate, (direct.poor + direct.near_poor) / direct.households);
});

test('movements between the lists: escaped, new and relapsed as constructed', async () => {
  const d = await readDashboard(db, LC, { unit: '03445', year: 2026 });
  assert.ok(d.movements);
  assert.deepEqual(
    [d.movements.escaped, d.movements.newPoor, d.movements.relapsed, d.movements.nearPoorEscaped, d.movements.newNearPoor],
    [1, 1, 1, 1, 1],
  );
  assert.equal(d.movements.poorStart, 1);
  assert.equal(d.movements.poorEnd, 2);
  assert.deepEqual(d.movementTrend.map((m) => m.year), [2025, 2026]);
  const y2025 = d.movementTrend[0]!;
  assert.equal(y2025.escaped, 1, 'A2 left the poor list in 2025');
  const lc = await readDashboard(db, LC, { unit: '12', year: 2025 });
  assert.equal(lc.movements!.newPoor, 1, 'B1 became poor in 2025');
});

test('deprivation profile over the poor households classified in that year’s review', async () => {
  const d = await readDashboard(db, MT, { unit: '03445', year: 2026 });
  const byId = Object.fromEntries(d.deprivations.map((x) => [x.indicator, x]));
  assert.equal(d.totals.poorClassified, 2);
  assert.deepEqual([byId.latrine!.poor, byId.latrine!.poorShare, byId.latrine!.nearPoor, byId.latrine!.nearPoorShare], [2, 1, 1, 1]);
  assert.deepEqual([byId.water_source!.poor, byId.water_source!.poorShare], [1, 0.5]);
  assert.equal(byId.latrine!.label, 'Nhà tiêu hợp vệ sinh');
  // Official order of the indicators of the year's standard.
  assert.deepEqual(d.deprivations.map((x) => x.indicator), ['nutrition', 'housing_area', 'water_source', 'latrine', 'telecom']);
});

test('ethnic groups, communes above the thresholds, the poorest communes', async () => {
  const d = await readDashboard(db, LC, { unit: '12', year: 2026 });
  const hn = d.ethnicity.find((e) => e.group === 'Hà Nhì')!;
  assert.deepEqual([hn.households, hn.poor, hn.nearPoor], [2, 1, 1]);
  // Mường Tè 2026: 2 poor of 6 = 33.3 %; Đoàn Kết: 1 of 4 = 25 % (not above 25).
  assert.deepEqual(d.thresholds!.map((t) => [t.percent, t.communes.map((c) => c.code)]), [[25, ['03445']], [40, []]]);
  assert.deepEqual(d.poorest.map((p) => [p.code, p.poorRate]), [['03445', 2 / 6], ['03388', 1 / 4]]);
  const custom = await readDashboard(db, LC, { unit: '12', year: 2026, settings: { thresholds: [20, 30], poorestCount: 1 } });
  assert.deepEqual(custom.thresholds!.map((t) => t.communes.length), [2, 1]);
  assert.equal(custom.poorest.length, 1);
});

test('drill-down: commune → villages (a household without village is its own row) → village', async () => {
  const c = await readDashboard(db, MT, { unit: '03445', year: 2026 });
  assert.deepEqual(c.rows.map((r) => [r.code, r.name, r.figures.households]), [['03445:', null, 1], ['03445:V1', 'Bản Một', 3], ['03445:V2', 'Bản Hai', 2]]);
  for (const [v, row] of [['V1', c.rows[1]!], ['V2', c.rows[2]!]] as const) assertCounts(row.figures, await directCount({ commune: '03445', village: v }, 2026), v);
  const v = await readDashboard(db, MT, { unit: '03445:V1', year: 2026 });
  assert.equal(v.unit.tier, 'village');
  assert.deepEqual(v.rows, []);
  assertCounts(v.totals, await directCount({ commune: '03445', village: 'V1' }, 2026), 'V1');
  assert.deepEqual(v.unit.path.map((p) => p.code), ['03445', '03445:V1']);
});

test('the nation (administrators): provinces as rows; Điện Biên counted', async () => {
  const d: Dashboard = await readDashboard(db, NATIONAL, { unit: '', year: 2026 });
  assert.deepEqual(d.rows.map((r) => r.code), ['11', '12']);
  assertCounts(d.totals, await directCount({}, 2026), 'nation');
  assert.deepEqual(d.thresholds![1]!.communes.map((c) => [c.code, c.name]), [['03325', 'Xã Mường Phăng']]);
});

test('scope: a unit above or beside the caller is refused; a default year is the latest up to now', async () => {
  const refused = async (scope: Scope, unit: string) =>
    assert.rejects(readDashboard(db, scope, { unit }), (e: DashboardUnitError) => e.code === 'out_of_scope', `${JSON.stringify(scope)} ${unit}`);
  await refused(MT, '12');
  await refused(MT, '03388');
  await refused(MT, '');
  await refused(LC, '');
  await refused(LC, '03325');
  await refused({ level: 'province', provinceCode: '11' }, '03445:V1');
  await assert.rejects(readDashboard(db, LC, { unit: '03445:ZZ' }), (e: DashboardUnitError) => e.code === 'not_found');
  const d = await readDashboard(db, LC, { unit: '12', currentYear: 2025 });
  assert.equal(d.year, 2025);
});

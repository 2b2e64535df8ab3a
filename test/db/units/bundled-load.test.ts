import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Database } from '../../../src/db/connect.ts';
import { SYSTEM_ACTOR } from '../../../src/db/audit.ts';
import { getUnit, listChildren, loadBundledUnits, predecessors, successors, type BundledLoadResult } from '../../../src/db/units/index.ts';
import { openUnitsDatabase, readSharedCsv, UNITS_2025 } from './fixtures.ts';

let database: Database;
let first: BundledLoadResult;

before(async () => {
  ({ database, load: first } = await openUnitsDatabase());
});
after(async () => {
  await database.close();
});

async function count(layout: string, tier: string, asOf: string): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n from admin_unit
    where layout = ${layout} and tier = ${tier} and valid_from <= ${asOf}::date and (valid_to is null or valid_to > ${asOf}::date)`.execute(database.db);
  return r.rows[0]!.n;
}

test('the bundled load gives 34 provinces and 3,321 communes in 2025, 63 provinces in 2024, within seconds', async () => {
  assert.equal(first.loaded, true);
  assert.deepEqual(first.skippedLayouts, []);
  assert.equal(first.counts.provinces2025, 34);
  assert.equal(first.counts.communes2025, 3321);
  assert.equal(first.counts.provinces2024, 63);
  assert.equal(first.counts.districts2024, 705);
  assert.equal(first.counts.communes2024, 10599);
  assert.equal(await count('2025', 'province', '2025-07-01'), 34);
  assert.equal(await count('2025', 'commune', '2025-07-01'), 3321);
  assert.equal(await count('2024', 'province', '2025-06-30'), 63);
  assert.equal(await count('2024', 'commune', '2024-01-01'), 10599);
  assert.ok(first.counts.successions > 10_000, `successions: ${first.counts.successions}`);
  assert.ok(first.ms < 60_000, `bundled load took ${first.ms} ms`);
});

test('layouts are valid on their own dates only: 2024 until 2025-06-30, 2025 from 2025-07-01', async () => {
  assert.equal((await getUnit(database.db, '2024', '12', '2025-06-30'))?.name, 'Tỉnh Lai Châu');
  assert.equal(await getUnit(database.db, '2024', '12', '2025-07-01'), null);
  assert.equal(await getUnit(database.db, '2025', '12', '2025-06-30'), null);
  assert.equal((await getUnit(database.db, '2025', '12', '2025-07-01'))?.name, 'Tỉnh Lai Châu');
  assert.equal(await getUnit(database.db, '2024', '12', '2023-04-07'), null, 'the 2024 list starts at its data date 2023-04-08');
});

test('area types follow unit types: 687 urban, 2,621 rural, 13 special zones in 2025; 2024 thị trấn are urban', async () => {
  const r = await sql<{ area_type: string; n: number }>`
    select area_type, count(*)::int as n from admin_unit where layout = '2025' and tier = 'commune' group by area_type order by area_type`.execute(database.db);
  assert.deepEqual(r.rows, [
    { area_type: 'rural', n: 2621 },
    { area_type: 'special_zone', n: 13 },
    { area_type: 'urban', n: 687 },
  ]);
  const township = await getUnit(database.db, '2024', '06970', '2024-01-01');
  assert.equal(township?.name, 'Thị trấn Ba Chẽ');
  assert.equal(township?.areaType, 'urban');
  assert.equal((await getUnit(database.db, '2025', '26732', '2025-07-01'))?.areaType, 'special_zone');
});

test('the 2025 bundle matches the shared reference list unit by unit (Ia Mơ corrected to 23938, Ba Chẽ 06970)', async () => {
  const shared = readSharedCsv(UNITS_2025);
  const r = await sql<{ code: string; name: string; type: string; area_type: string | null; province_code: string }>`
    select code, name, type, area_type, province_code from admin_unit where layout = '2025' order by code`.execute(database.db);
  const mine = new Map(r.rows.map((u) => [u.code, u]));
  assert.equal(mine.size, shared.length);
  for (const s of shared) {
    const u = mine.get(s.code!);
    assert.ok(u, `missing ${s.code} ${s.name}`);
    assert.deepEqual([u.name, u.type, u.area_type ?? '', u.province_code], [s.name, s.type, s.urban_rural, s.province_code], s.code);
  }
  assert.equal(mine.get('23938')?.name, 'Xã Ia Mơ');
  assert.equal(mine.has('23737'), false);
  assert.equal(mine.get('06970')?.name, 'Xã Ba Chẽ');
  assert.deepEqual(first.corrections, [{ from: '23737', to: '23938', name: 'Xã Ia Mơ' }]);
  assert.deepEqual((await predecessors(database.db, '2025', '23938')).map((p) => [p.code, p.name, p.relation]), [['23938', 'Xã Ia Mơ', 'full']]);
});

test('children of Lai Châu on 2025-08-01 are its 38 communes; in the 2024 layout its districts', async () => {
  const communes = await listChildren(database.db, '2025', '12', '2025-08-01');
  const expected = readSharedCsv(UNITS_2025).filter((u) => u.parent_code === '12').map((u) => u.code);
  assert.deepEqual(communes.map((c) => c.code), expected.toSorted());
  assert.equal(communes.length, 38);
  assert.ok(communes.every((c) => c.tier === 'commune' && c.parentCode === '12' && c.provinceCode === '12' && c.level === 2));
  assert.ok(communes.some((c) => c.name === 'Xã Mường Tè'));
  const districts = await listChildren(database.db, '2024', '12', '2024-06-01');
  assert.ok(districts.length >= 8 && districts.every((d) => d.tier === 'district'));
  const communes2024 = await listChildren(database.db, '2024', districts[0]!.code, '2024-06-01');
  assert.ok(communes2024.length > 0 && communes2024.every((c) => c.tier === 'commune' && c.parentCode === districts[0]!.code));
  assert.equal((await listChildren(database.db, '2025', null, '2025-08-01')).length, 34);
  assert.equal((await listChildren(database.db, '2024', null, '2025-01-01')).length, 63);
});

test('succession from the package: a split 2024 commune has several partial successors; island districts map to special zones', async () => {
  const next = await successors(database.db, '2024', '00166');
  assert.deepEqual(next.map((s) => [s.code, s.relation]), [['00160', 'partial'], ['00166', 'partial']]);
  const back = await predecessors(database.db, '2025', '00160');
  assert.ok(back.some((p) => p.code === '00166' && p.relation === 'partial' && p.layout === '2024'));
  assert.equal(back.find((p) => p.code === '00166')?.name, 'Phường Dịch Vọng');
  const island = await predecessors(database.db, '2025', '11948');
  assert.deepEqual(island.map((p) => [p.code, p.name, p.relation]), [['318', 'Huyện Bạch Long Vĩ', 'full']]);
});

test('a second load does nothing: same rows, no new audit entry, and reports the first load', async () => {
  const s0 = await sql<{ u: number; a: number }>`select (select count(*)::int from admin_unit) as u, (select count(*)::int from audit_log) as a`.execute(database.db);
  const again = await loadBundledUnits(database, SYSTEM_ACTOR);
  assert.equal(again.loaded, false);
  assert.deepEqual(again.counts, first.counts);
  const s1 = await sql<{ u: number; a: number }>`select (select count(*)::int from admin_unit) as u, (select count(*)::int from audit_log) as a`.execute(database.db);
  assert.deepEqual(s1.rows[0], s0.rows[0]);
  const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'units.load.bundled'`.execute(database.db);
  assert.equal(audit.rows[0]!.n, 1);
  const staged = await sql<{ n: number }>`select (select count(*) from admin_unit_stage) + (select count(*) from admin_unit_succession_stage) as n`.execute(database.db);
  assert.equal(Number(staged.rows[0]!.n), 0, 'staging rows are removed');
});

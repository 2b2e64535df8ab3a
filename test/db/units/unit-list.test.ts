import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Database } from '../../../src/db/connect.ts';
import { getUnit, importUnitFile, listChildren, predecessors, successors } from '../../../src/db/units/index.ts';
import { ADMIN, MAPPING_2025, openUnitsDatabase, readSharedCsv, tempDir, UNITS_2024, UNITS_2025, writeFile } from './fixtures.ts';

let database: Database;
const tmp = tempDir();

before(async () => {
  ({ database } = await openUnitsDatabase());
});
after(async () => {
  await database.close();
  tmp.cleanup();
});

async function count(layout: string, tier: string, asOf: string): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n from admin_unit
    where layout = ${layout} and tier = ${tier} and valid_from <= ${asOf}::date and (valid_to is null or valid_to > ${asOf}::date)`.execute(database.db);
  return r.rows[0]!.n;
}

test('the shared 2025 unit list imports as it is and agrees with the bundle: 0 changes', async () => {
  const r = await importUnitFile(database, ADMIN, UNITS_2025);
  assert.equal(r.ok, true, JSON.stringify(r.errors.slice(0, 3)));
  assert.equal(r.kind, 'units');
  assert.equal(r.rows, 3355);
  assert.equal(r.applied, 0, JSON.stringify(r.counts));
  assert.equal(r.counts.unchanged, 3355);
  assert.deepEqual(r.ignoredColumns, ['area_km2', 'population_2025', 'gso_1027_stt', 'code_aliases', 'name_aliases']);
});

test('the shared 2024 list as of 2025-03-01 with close-missing brings the 2024 layout to 10,047 communes from that date', async () => {
  const r = await importUnitFile(database, ADMIN, UNITS_2024, { validFrom: '2025-03-01', closeMissing: true });
  assert.equal(r.ok, true, JSON.stringify(r.errors.slice(0, 3)));
  assert.equal(r.rows, 10806);
  assert.ok(r.applied > 0);
  assert.equal(await count('2024', 'commune', '2025-03-01'), 10047);
  assert.equal(await count('2024', 'district', '2025-03-01'), 696);
  assert.equal(await count('2024', 'province', '2025-03-01'), 63);
  assert.equal(await count('2024', 'commune', '2025-02-28'), 10599, 'history before 2025-03-01 is kept');
  assert.equal(await count('2024', 'commune', '2025-07-01'), 0, 'the layout still ends on 2025-07-01');
  // A unit renamed by the 2023–2025 mergers: old name before, new name from 2025-03-01.
  assert.equal((await getUnit(database.db, '2024', '00181', '2025-02-28'))?.name, 'Phường Văn Miếu');
  assert.equal((await getUnit(database.db, '2024', '00181', '2025-03-01'))?.name, 'Phường Văn Miếu - Quốc Tử Giám');
  // Huế: a province in the bundle (2023), a centrally-run city in the 2025-03-01 list.
  assert.equal((await getUnit(database.db, '2024', '46', '2025-03-01'))?.typeEn, 'centrally_run_city');
  // A ward only in the newer list, under a district that became a town (Huyện → Thị xã Mộc Châu).
  const mocLy = await getUnit(database.db, '2024', '03980', '2025-03-01');
  assert.equal(mocLy?.name, 'Phường Mộc Lỵ');
  assert.equal(mocLy?.parentCode, '123');
  assert.equal(await getUnit(database.db, '2024', '03980', '2025-02-28'), null);
  assert.equal((await getUnit(database.db, '2024', '123', '2025-02-28'))?.name, 'Huyện Mộc Châu');
  assert.equal((await getUnit(database.db, '2024', '123', '2025-03-01'))?.typeEn, 'district_level_town');
  assert.ok((await listChildren(database.db, '2024', '123', '2025-03-01')).some((c) => c.code === '03980'));
  const again = await importUnitFile(database, ADMIN, UNITS_2024, { validFrom: '2025-03-01', closeMissing: true });
  assert.equal(again.applied, 0, JSON.stringify(again.counts));
});

test('the shared mapping then imports as a succession list and replaces the package links of the units it names', async () => {
  const r = await importUnitFile(database, ADMIN, MAPPING_2025);
  assert.equal(r.ok, true, JSON.stringify(r.errors.slice(0, 3)));
  assert.equal(r.kind, 'successions');
  const n = await sql<{ n: number }>`select count(*)::int as n from admin_unit_succession`.execute(database.db);
  assert.equal(n.rows[0]!.n, 10604);
  // A commune split over five new communes, as in the shared file.
  const rows = readSharedCsv(MAPPING_2025);
  const perOld = new Map<string, string[]>();
  for (const m of rows) perOld.set(m.old_code!, [...(perOld.get(m.old_code!) ?? []), m.new_code!]);
  const [splitCode, targets] = [...perOld].find(([, t]) => t.length === 5)!;
  const next = await successors(database.db, '2024', splitCode);
  assert.deepEqual(next.map((s) => s.code), targets.toSorted());
  assert.ok(next.every((s) => s.relation === 'partial' && s.layout === '2025' && s.effectiveDate === '2025-07-01'));
  for (const t of targets) assert.ok((await predecessors(database.db, '2025', t)).some((p) => p.code === splitCode && p.relation === 'partial'));
  const again = await importUnitFile(database, ADMIN, MAPPING_2025);
  assert.equal(again.applied, 0, JSON.stringify(again.counts));
});

test('a unit list with layout, valid_from and valid_to columns adds, changes and closes units; parents must exist', async () => {
  const file = writeFile(
    tmp.dir,
    'units.csv',
    'layout,code,name,type,level,parent_code,valid_from,valid_to\n' +
      '2025,99001,Xã Thử Nghiệm,Xã,2,12,2026-01-01,2026-06-01\n' +
      '2025,03445,Phường Mường Tè,Phường,2,12,2026-03-01,\n',
  );
  const r = await importUnitFile(database, ADMIN, file);
  assert.equal(r.ok, true, JSON.stringify(r.errors));
  assert.equal(r.counts.inserted, 2);
  assert.equal(r.counts.closed, 1);
  assert.equal((await getUnit(database.db, '2025', '99001', '2026-02-01'))?.parentCode, '12');
  assert.equal(await getUnit(database.db, '2025', '99001', '2026-06-01'), null);
  assert.equal((await getUnit(database.db, '2025', '03445', '2026-02-28'))?.resolvedAreaType, 'rural');
  assert.equal((await getUnit(database.db, '2025', '03445', '2026-03-01'))?.resolvedAreaType, 'urban');

  const bad = writeFile(
    tmp.dir,
    'bad-units.csv',
    ['code,name,type,level,parent_code', '99002,Xã Không Cha,Xã,2,13', '99003,Huyện Lạ,Huyện,2,12', '99004,,Xã,2,12', '99004,Xã Trùng,Xã,2,12', ''].join('\n'),
  );
  const e = await importUnitFile(database, ADMIN, bad);
  assert.equal(e.ok, false);
  assert.deepEqual(
    e.errors.map((x) => [x.row, x.column]),
    [[3, 'type'], [4, 'name'], [5, 'code']],
  );
  const onlyParent = await importUnitFile(database, ADMIN, writeFile(tmp.dir, 'no-parent.csv', 'code,name,type,level,parent_code\n99002,Xã Không Cha,Xã,2,13\n'));
  assert.deepEqual(onlyParent.errors.map((x) => x.message), ['Dòng 2, cột parent_code: không có đơn vị cha mã 13 (tỉnh) hiệu lực ngày 2025-07-01, cả trong danh mục lẫn trong tệp.']);
  assert.equal(await getUnit(database.db, '2025', '99002', '2025-08-01'), null);
});

test('close-missing refuses a file that leaves out the parent of a unit it lists', async () => {
  const districts = await listChildren(database.db, '2024', '12', '2025-04-01');
  const [left, ...kept] = districts;
  const commune = (await listChildren(database.db, '2024', left!.code, '2025-04-01'))[0]!;
  const lines = ['code,name,type,level,parent_code,province_code,valid_from'];
  for (const d of kept) lines.push(`${d.code},${d.name},${d.type},2,12,12,2025-04-01`);
  lines.push(`${commune.code},${commune.name},${commune.type},3,${left!.code},12,2025-04-01`);
  const r = await importUnitFile(database, ADMIN, writeFile(tmp.dir, 'leave-out.csv', `${lines.join('\n')}\n`), { closeMissing: true });
  assert.equal(r.ok, false);
  assert.deepEqual(r.errors.map((e) => [e.row, e.column]), [[lines.length, 'parent_code']]);
  assert.equal((await getUnit(database.db, '2024', left!.code, '2025-04-01'))?.code, left!.code, 'nothing was closed');
});

test('an unrecognised header or a non-UTF-8 file is refused with a Vietnamese message', async () => {
  const r = await importUnitFile(database, ADMIN, writeFile(tmp.dir, 'x.csv', 'ma,ten\n01,Hà Nội\n'));
  assert.equal(r.ok, false);
  assert.match(r.errors[0]!.message, /^Dòng 1: không nhận ra loại tệp/u);
  const latin1 = `${tmp.dir}/latin1.csv`;
  (await import('node:fs')).writeFileSync(latin1, Buffer.from([0x63, 0x6f, 0x64, 0x65, 0x2c, 0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x30, 0x31, 0x2c, 0xe0, 0x0a]));
  const l = await importUnitFile(database, ADMIN, latin1);
  assert.match(l.errors[0]!.message, /không phải mã UTF-8/u);
});

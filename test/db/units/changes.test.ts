import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import path from 'node:path';
import type { Database } from '../../../src/db/connect.ts';
import { areaTypeOf, getUnit, importUnitFile, provinceOf } from '../../../src/db/units/index.ts';
import { ADMIN, CHANGES_2025, openUnitsDatabase, tempDir, UNITS_2025, writeFile } from './fixtures.ts';

let database: Database;
const tmp = tempDir();

before(async () => {
  ({ database } = await openUnitsDatabase());
});
after(async () => {
  await database.close();
  tmp.cleanup();
});

const HEADER = 'effective_date,code,level,field,value_before,value_after,legal_basis,source\n';

async function versions(layout: string, code: string): Promise<Array<{ valid_from: string; valid_to: string | null; name: string; area_type: string | null }>> {
  const r = await sql<{ valid_from: string; valid_to: string | null; name: string; area_type: string | null }>`
    select valid_from, valid_to, name, area_type from admin_unit where layout = ${layout} and code = ${code} order by valid_from`.execute(database.db);
  return r.rows;
}

async function snapshot(): Promise<unknown> {
  const r = await sql`select
      (select count(*)::int from admin_unit) as units,
      (select count(*)::int from admin_unit_change) as journal,
      (select count(*)::int from audit_log) as audit,
      (select count(*)::int from admin_unit_change_stage) as staged`.execute(database.db);
  return r.rows[0];
}

test('the Đồng Nai change list imports; Trảng Bom is rural until 2026-04-29 and urban from 2026-04-30', async () => {
  const r = await importUnitFile(database, ADMIN, CHANGES_2025);
  assert.equal(r.ok, true, JSON.stringify(r.errors));
  assert.equal(r.kind, 'changes');
  assert.equal(r.rows, 32);
  assert.equal(r.applied, 32);
  assert.equal(r.counts.unitsChanged, 11);
  assert.equal(r.counts.versionsCreated, 11);

  assert.equal(await areaTypeOf(database.db, '2025', '26248', '2026-04-29'), 'rural');
  assert.equal(await areaTypeOf(database.db, '2025', '26248', '2026-04-30'), 'urban');
  const rural = await getUnit(database.db, '2025', '26248', '2026-04-29');
  const urban = await getUnit(database.db, '2025', '26248', '2026-04-30');
  assert.deepEqual([rural?.name, rural?.type, rural?.typeEn, rural?.validTo], ['Xã Trảng Bom', 'Xã', 'commune', '2026-04-30']);
  assert.deepEqual([urban?.name, urban?.nameAscii, urban?.type, urban?.typeEn, urban?.validFrom, urban?.validTo], ['Phường Trảng Bom', 'Phuong Trang Bom', 'Phường', 'ward', '2026-04-30', null]);
  assert.match(urban!.source!, /30\/2026\/QH16/u);
  // name, type and urban_rural changed together: one new version, not three.
  assert.equal((await versions('2025', '26248')).length, 2);
  for (const code of ['25270', '25357', '25363', '26116', '26170', '26248', '26326', '26368', '26425', '26485']) {
    assert.equal(await areaTypeOf(database.db, '2025', code, '2026-04-29'), 'rural', code);
    assert.equal(await areaTypeOf(database.db, '2025', code, '2026-04-30'), 'urban', code);
  }
});

test('Đồng Nai itself becomes a centrally-run city on 2026-04-30', async () => {
  const p0 = await getUnit(database.db, '2025', '75', '2026-04-29');
  const p1 = await getUnit(database.db, '2025', '75', '2026-04-30');
  assert.deepEqual([p0?.name, p0?.type, p0?.typeEn], ['Tỉnh Đồng Nai', 'Tỉnh', 'province']);
  assert.deepEqual([p1?.name, p1?.type, p1?.typeEn], ['Thành phố Đồng Nai', 'Thành phố', 'centrally_run_city']);
  assert.equal((await provinceOf(database.db, '2025', '26248', '2026-05-01'))?.name, 'Thành phố Đồng Nai');
  assert.equal((await provinceOf(database.db, '2025', '26248', '2025-08-01'))?.name, 'Tỉnh Đồng Nai');
  // Parent links are untouched by attribute changes.
  assert.equal((await getUnit(database.db, '2025', '26248', '2026-05-01'))?.parentCode, '75');
});

test('re-importing the change list applies 0 and writes no audit entry', async () => {
  const s0 = await snapshot();
  const r = await importUnitFile(database, ADMIN, CHANGES_2025);
  assert.equal(r.ok, true);
  assert.equal(r.applied, 0);
  assert.equal(r.counts.alreadyApplied, 32);
  assert.deepEqual(await snapshot(), s0);
});

test('the first import wrote one audit entry for the whole file', async () => {
  const r = await sql<{ action: string; entity_id: string; after: { applied: number; rows: number } }>`
    select action, entity_id, after from audit_log where action = 'units.import.changes'`.execute(database.db);
  assert.equal(r.rows.length, 1);
  assert.equal(r.rows[0]!.entity_id, 'changes-after-2025-07-01.csv');
  assert.equal(r.rows[0]!.after.applied, 32);
});

test('re-importing the shared 2025 unit list as of 2025-07-01 keeps the later Đồng Nai versions', async () => {
  const r = await importUnitFile(database, ADMIN, UNITS_2025);
  assert.equal(r.ok, true, JSON.stringify(r.errors.slice(0, 3)));
  assert.equal(r.applied, 0, JSON.stringify(r.counts));
  assert.equal(await areaTypeOf(database.db, '2025', '26248', '2026-04-30'), 'urban');
});

test('a change with a wrong value_before refuses the whole file, names row and column, and changes nothing', async () => {
  const s0 = await snapshot();
  const file = writeFile(
    tmp.dir,
    'wrong-before.csv',
    HEADER +
      '2026-09-01,22,1,name,Tỉnh Quảng Ninh,Thành phố Quảng Ninh,NQ 36/2026/QH16,test\n' +
      '2026-09-01,22,1,type,Tỉnh,Thành phố,NQ 36/2026/QH16,test\n' +
      '2026-09-01,03445,2,urban_rural,urban,rural,test,test\n',
  );
  const r = await importUnitFile(database, ADMIN, file);
  assert.equal(r.ok, false);
  assert.equal(r.applied, 0);
  assert.equal(r.errors.length, 1);
  assert.deepEqual([r.errors[0]!.row, r.errors[0]!.column], [4, 'value_before']);
  assert.match(r.errors[0]!.message, /^Dòng 4, cột value_before: giá trị trước "urban" không khớp .*"rural" của mã 03445/u);
  assert.deepEqual(await snapshot(), s0);
  assert.equal((await getUnit(database.db, '2025', '22', '2026-09-02'))?.name, 'Tỉnh Quảng Ninh');
});

test('row errors are found before anything is written: bad date, field, code and unknown unit', async () => {
  const s0 = await snapshot();
  const file = writeFile(
    tmp.dir,
    'bad-rows.csv',
    HEADER +
      '2026-02-30,03445,2,name,Xã Mường Tè,Phường Mường Tè,,\n' +
      '2026-09-01,03445,2,population,1,2,,\n' +
      '2026-09-01,3445x,2,name,Xã Mường Tè,Phường Mường Tè,,\n' +
      '2026-09-01,03445,2,type,Xã,Quận,,\n',
  );
  const r = await importUnitFile(database, ADMIN, file);
  assert.equal(r.ok, false);
  assert.deepEqual(
    r.errors.map((e) => [e.row, e.column]),
    [[2, 'effective_date'], [3, 'field'], [4, 'code'], [5, 'value_after']],
  );
  assert.match(r.errors[3]!.message, /loại "Quận" không hợp lệ; các loại hợp lệ: Phường, Xã, Đặc khu/u);
  const unknown = await importUnitFile(database, ADMIN, writeFile(tmp.dir, 'unknown.csv', HEADER + '2026-09-01,99999,2,name,Xã A,Phường A,,\n'));
  assert.deepEqual(unknown.errors.map((e) => e.message), ['Dòng 2, cột code: không có đơn vị mã 99999 (bố cục 2025) hiệu lực ngày 2026-09-01.']);
  assert.deepEqual(await snapshot(), s0);
});

test('an Excel change list works, and changes on two dates of one file apply in date order', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Thay đổi');
  ws.addRow(['effective_date', 'code', 'level', 'field', 'value_before', 'value_after', 'legal_basis', 'source']);
  // Dates as real Excel dates and as text; the province code as a number (Excel drops the leading zero of "04").
  ws.addRow([new Date(Date.UTC(2026, 8, 1)), '22', 1, 'name', 'Tỉnh Quảng Ninh', 'Thành phố Quảng Ninh', 'NQ 36/2026/QH16', 'test']);
  ws.addRow(['2026-09-01', '22', 1, 'type', 'Tỉnh', 'Thành phố', 'NQ 36/2026/QH16', 'test']);
  ws.addRow(['01/10/2026', 4, 1, 'name', 'Tỉnh Cao Bằng', 'Tỉnh Cao Bằng Mới', 'giả định', 'test']);
  ws.addRow(['01/12/2026', 4, 1, 'name', 'Tỉnh Cao Bằng Mới', 'Tỉnh Cao Bằng', 'giả định', 'test']);
  const file = path.join(tmp.dir, 'changes.xlsx');
  await wb.xlsx.writeFile(file);

  const r = await importUnitFile(database, ADMIN, file);
  assert.equal(r.ok, true, JSON.stringify(r.errors));
  assert.equal(r.format, 'xlsx');
  assert.equal(r.applied, 4);
  assert.equal(r.counts.versionsCreated, 3);
  const qn = await getUnit(database.db, '2025', '22', '2026-09-01');
  assert.deepEqual([qn?.name, qn?.typeEn], ['Thành phố Quảng Ninh', 'centrally_run_city']);
  assert.equal((await getUnit(database.db, '2025', '22', '2026-08-31'))?.name, 'Tỉnh Quảng Ninh');
  assert.deepEqual(
    (await versions('2025', '04')).map((v) => [v.valid_from, v.valid_to, v.name]),
    [
      ['2025-07-01', '2026-10-01', 'Tỉnh Cao Bằng'],
      ['2026-10-01', '2026-12-01', 'Tỉnh Cao Bằng Mới'],
      ['2026-12-01', null, 'Tỉnh Cao Bằng'],
    ],
  );
  const again = await importUnitFile(database, ADMIN, file);
  assert.equal(again.applied, 0);
});

test('a different value for an already-applied change is refused', async () => {
  const file = writeFile(tmp.dir, 'conflict.csv', `\uFEFF${HEADER}2026-04-30,26248,2,name,Xã Trảng Bom,Phường Trảng Bom Mới,,\n`);
  const r = await importUnitFile(database, ADMIN, file);
  assert.equal(r.ok, false);
  assert.deepEqual([r.errors[0]!.row, r.errors[0]!.column], [2, 'value_after']);
  assert.match(r.errors[0]!.message, /đã được áp dụng trước đây với giá trị "Phường Trảng Bom"/u);
});

/**
 * The import API end to end: the template downloaded, filled and uploaded; the findings as JSON and as
 * the highlighted report; the corrected report uploaded again and committed; re-upload unchanged. Also
 * runs the import routes' cross-scope cases on their own (they are part of scope.test.ts too).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { openTestApp, as, type Session, type TestApp } from '../helpers/server.ts';
import { household, members } from '../db/import/import-fixtures.ts';
import { SHEETS_BY_ID } from '../../src/domain/import/import-kinds.ts';
import { importScopeCases } from './imports-scope-cases.ts';
import { postUpload, waitForJob } from './import-http.ts';

let t: TestApp;
const s: Record<string, Session> = {};
before(async () => {
  t = await openTestApp();
  await sql`insert into village (province_code, commune_code, code, name, name_ascii) values ('12', '03445', '01', 'Bản Nậm Củm', 'ban nam cum')`.execute(t.database.db);
  s['mt.canbo'] = await t.login('mt.canbo');
});
after(() => t.close());

async function xlsx(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

test('template → filled workbook → findings and report → corrected report committed → the first job valid-only', async () => {
  const me = s['mt.canbo']!;
  const tpl = await t.app.inject({ method: 'GET', url: '/api/imports/template.xlsx?kind=registry&date=2026-01-15', ...as(me) });
  assert.equal(tpl.statusCode, 200);
  const wb = await xlsx(tpl.rawPayload);
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['Hướng dẫn', 'Hộ gia đình', 'Thành viên', 'Đơn vị', 'Danh mục']);
  const hs = wb.getWorksheet('Hộ gia đình')!;
  assert.equal(hs.getCell(1, 1).value, 'Mã hộ *');
  const dv = (hs as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
  assert.ok(Object.values(dv).some((v) => v.formulae[0]!.startsWith("'Đơn vị'!")), 'commune drop-down');
  assert.ok(Object.values(dv).some((v) => v.formulae[0] === '"Có,Không"'), 'yes/no drop-down');
  // Fill it: two households, the second with a member whose birth date is impossible.
  const fill = (ws: ExcelJS.Worksheet, sheet: 'households' | 'members', rows: Array<Record<string, unknown>>) => {
    const cols = SHEETS_BY_ID[sheet].columns;
    rows.forEach((r, i) => cols.forEach((c, j) => void (r[c.key] != null && (ws.getCell(i + 2, j + 1).value = r[c.key] as ExcelJS.CellValue))));
  };
  fill(hs, 'households', [household('MT-API-1'), household('MT-API-2')]);
  const bad = members('MT-API-2', 'Vàng A Sử');
  bad[1] = { ...bad[1]!, date_of_birth: '30/02/1985', birth_year: null };
  fill(wb.getWorksheet('Thành viên')!, 'members', [...members('MT-API-1', 'Lò Văn Pọm'), ...bad]);
  const filled = Buffer.from(await wb.xlsx.writeBuffer());

  const up = await postUpload(t, me, [{ name: 'kind', value: 'registry' }, { name: 'referenceDate', value: '2026-01-15' }, { name: 'file', file: { name: 'ho-gia-dinh.xlsx', content: filled } }]);
  assert.equal(up.statusCode, 202, up.body);
  const job = await waitForJob(t, me, up.json().id);
  assert.equal(job.state, 'validated', JSON.stringify(job));
  assert.deepEqual(job.rowCounts, { households: 2, members: 4 });
  assert.equal(job.errorCount, 1);
  const errors = await t.app.inject({ method: 'GET', url: `/api/imports/${job.id}/errors`, ...as(me) });
  const e = errors.json().items[0];
  assert.deepEqual([e.sheet, e.line, e.column, e.code], ['members', 5, 'date_of_birth', 'date']);
  assert.equal(e.message, '"Ngày sinh" = "30/02/1985" không phải ngày hợp lệ (ghi dd/mm/yyyy).');
  const refused = await t.app.inject({ method: 'POST', url: `/api/imports/${job.id}/commit`, ...as(me), payload: { mode: 'all' } });
  assert.equal(refused.statusCode, 409);

  // The report: only MT-API-2's rows, the bad cell red; corrected and uploaded again it commits.
  const rep = await t.app.inject({ method: 'GET', url: `/api/imports/${job.id}/errors.xlsx`, ...as(me) });
  assert.equal(rep.statusCode, 200);
  const report = await xlsx(rep.rawPayload);
  const rm = report.getWorksheet('Thành viên')!;
  assert.equal(rm.rowCount, 3);
  const dobCol = SHEETS_BY_ID.members.columns.findIndex((c) => c.key === 'date_of_birth') + 1;
  const badCell = rm.getCell(3, dobCol);
  assert.equal((badCell.fill as ExcelJS.FillPattern).fgColor?.argb, 'FFFFC7CE');
  assert.equal(report.getWorksheet('Hộ gia đình')!.getCell(2, 1).value, 'MT-API-2');
  badCell.value = '28/02/1985';
  const fixed = Buffer.from(await report.xlsx.writeBuffer());
  const up2 = await postUpload(t, me, [{ name: 'commit', value: 'all' }, { name: 'file', file: { name: 'sua-loi.xlsx', content: fixed } }]);
  const job2 = await waitForJob(t, me, up2.json().id);
  assert.equal(job2.state, 'committed', JSON.stringify(job2));
  assert.deepEqual((job2.result as { inserted: number }).inserted, 1);

  const c1 = await t.app.inject({ method: 'POST', url: `/api/imports/${job.id}/commit`, ...as(me), payload: { mode: 'valid_only' } });
  assert.equal(c1.statusCode, 202);
  const done = await waitForJob(t, me, up.json().id);
  assert.equal(done.state, 'committed');
  assert.deepEqual([(done.result as Record<string, number>).inserted, (done.result as Record<string, number>).unchanged, (done.result as Record<string, number>).rejected], [1, 0, 1]);
  const n = await sql<{ n: number }>`select count(*)::int as n from member m join household h on h.id = m.household_id where h.code like 'MT-API-%'`.execute(t.database.db);
  assert.equal(n.rows[0]!.n, 4);
});

const cases = importScopeCases(() => t, s);
for (const [route, c] of Object.entries(cases)) test(`scope: ${route}: ${c.why}`, c.run);

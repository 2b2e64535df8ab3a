/**
 * Export contents: the registry (households and members sheets with exactly the import columns first,
 * cells the importer reads back), review results, beneficiary lists as CSV (the same people as the
 * Excel list), filters, the audit entry, and the Vietnamese errors for bad requests.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { openTestApp, as, type Session, type TestApp } from '../helpers/server.ts';
import { HOUSEHOLD_COLUMNS } from '../../src/domain/import/household-columns.ts';
import { MEMBER_COLUMNS } from '../../src/domain/import/member-columns.ts';
import { codeOf } from '../../src/db/import/code-lists.ts';
import { insertExportFixture, type ExportFixture } from './exports-fixture.ts';
import { csvRecords as records, csvRows } from './exports-csv.ts';
import { postUpload, waitForJob } from './import-http.ts';

let t: TestApp;
let x: ExportFixture;
const s: Record<string, Session> = {};

before(async () => {
  t = await openTestApp();
  x = await insertExportFixture(t.database.db);
  for (const u of ['admin', 'lc.tinh', 'lc.bcd', 'mt.canbo', 'mt.chutich']) s[u] = await t.login(u);
});
after(() => t.close());

const get = (who: string, url: string) => t.app.inject({ method: 'GET', url, ...as(s[who]!) });

async function workbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

function rowValues(ws: ExcelJS.Worksheet, r: number): unknown[] {
  return Array.from({ length: ws.columnCount }, (_, i) => ws.getRow(r).getCell(i + 1).value);
}

test('registry CSV: the import columns first, then read-only columns; active households by default; BOM', async () => {
  const r = await get('mt.canbo', '/api/exports/registry.csv?asOf=2026-03-01');
  assert.equal(r.statusCode, 200);
  assert.match(r.headers['content-type'] as string, /^text\/csv; charset=utf-8/);
  assert.match(r.headers['content-disposition'] as string, /attachment; filename="so-ho-03445-2026-03-01\.csv"/);
  assert.ok(r.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])));
  const [head] = csvRows(r.body);
  assert.deepEqual(head!.slice(0, HOUSEHOLD_COLUMNS.length), HOUSEHOLD_COLUMNS.map((c) => c.header));
  const rows = records(r.body);
  assert.deepEqual(rows.map((h) => h['Mã hộ']), ['EX-MT-1', 'EX-MT-2']);
  const h = rows[0]!;
  assert.equal(h['Mã xã/phường'], '03445');
  assert.equal(h['Mã thôn/tổ dân phố'], 'EXV');
  assert.equal(h['Số điện thoại'], '0912 345 678');
  assert.equal(h['Cư trú từ ngày'], '01/05/2020');
  assert.equal(h['Diện tích nhà ở (m²)'], '24.5');
  assert.equal(h['Vật liệu cột (khung)'], 'vật liệu bền chắc');
  assert.equal(h['Vật liệu tường'], 'vật liệu không bền chắc');
  assert.equal(h['Sử dụng dịch vụ internet'], 'Không');
  assert.equal(h['Phương tiện tiếp cận thông tin'], 'ti vi; radio');
  assert.equal(h['Họ và tên chủ hộ'], 'Lò Văn Xuất');
  assert.equal(h['Tên thôn/tổ dân phố'], 'Bản Xuất Khẩu');
  assert.equal(h['Số nhân khẩu'], '3');
  assert.equal(h['Diện hộ theo danh sách công nhận tại ngày 01/03/2026'], 'Hộ nghèo');
  assert.equal(h['Số quyết định công nhận'], '501/QĐ-UBND');
  assert.equal(rows[1]!['Diện hộ theo danh sách công nhận tại ngày 01/03/2026'], 'Chưa có quyết định');
  // Coded cells name codes the importer resolves back to the stored ones.
  for (const c of HOUSEHOLD_COLUMNS) {
    if (c.type.kind !== 'code' && c.type.kind !== 'codes') continue;
    const list = c.type.list;
    for (const part of h[c.header]!.split('; ').filter(Boolean)) assert.ok(codeOf(list, part), `${c.header}: ${part}`);
  }
});

test('registry CSV: status and as-of filters', async () => {
  const all = records((await get('mt.canbo', '/api/exports/registry.csv?status=all&asOf=2026-01-01')).body);
  assert.deepEqual(all.map((h) => h['Mã hộ']), ['EX-MT-1', 'EX-MT-2', 'EX-MT-3']);
  assert.equal(all[2]!['Trạng thái hộ'], 'Đã chuyển đi');
  assert.equal(all[0]!['Diện hộ theo danh sách công nhận tại ngày 01/01/2026'], 'Chưa có quyết định', 'the decision takes effect on 20/01/2026');
  const moved = records((await get('mt.canbo', '/api/exports/registry.csv?status=moved_away')).body);
  assert.deepEqual(moved.map((h) => h['Mã hộ']), ['EX-MT-3']);
});

test('registry CSV members: import columns, quoting, formula guard, facts; no BOM on request', async () => {
  const r = await get('mt.canbo', '/api/exports/registry.csv?sheet=members&bom=false');
  assert.equal(r.statusCode, 200);
  assert.ok(!r.body.startsWith('\uFEFF'));
  assert.ok(r.body.includes('"Lò Thị ""Khuê"", Bản"'), 'quotes doubled, field quoted');
  const [head] = csvRows(r.body);
  assert.deepEqual(head, MEMBER_COLUMNS.map((c) => c.header));
  const rows = records(r.body).filter((m) => m['Mã hộ'] === 'EX-MT-1');
  assert.deepEqual(rows.map((m) => m['STT trong hộ']), ['1', '2', '3']);
  assert.equal(rows[0]!['Số định danh cá nhân'], '012079123451');
  assert.equal(rows[0]!['Năm sinh'], '1979');
  assert.equal(rows[0]!['Quan hệ với chủ hộ'], 'chủ hộ');
  assert.equal(rows[1]!['Họ và tên'], 'Lò Thị "Khuê", Bản');
  assert.equal(rows[1]!['Ngày sinh'], '05/04/1983');
  assert.equal(rows[1]!['Giới tính'], 'nữ');
  assert.equal(rows[1]!['Có thẻ bảo hiểm y tế'], 'Có');
  assert.equal(rows[1]!['Khuyết tật'], 'nặng');
  assert.equal(rows[2]!['Họ và tên'], "'=Pờ Văn Mới", 'a text starting with = is not run as a formula');
  assert.equal(rows[2]!['Đang đi học'], 'Có');
  for (const m of rows) for (const c of MEMBER_COLUMNS) if (c.type.kind === 'code' && m[c.header]) assert.ok(codeOf(c.type.list, m[c.header]!), `${c.header}: ${m[c.header]}`);
});

test('registry Excel: households, members and information sheets; codes stay text', async () => {
  const r = await get('lc.tinh', '/api/exports/registry.xlsx?unit=03445');
  assert.equal(r.statusCode, 200);
  assert.equal(r.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const wb = await workbook(r.rawPayload);
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['Hộ gia đình', 'Thành viên', 'Thông tin']);
  const hh = wb.getWorksheet('Hộ gia đình')!;
  assert.deepEqual(rowValues(hh, 1).slice(0, HOUSEHOLD_COLUMNS.length), HOUSEHOLD_COLUMNS.map((c) => c.header));
  assert.deepEqual(rowValues(hh, 2).slice(0, 3), ['EX-MT-1', '03445', 'EXV']);
  assert.equal(hh.getRow(2).getCell(7).value, 24.5);
  assert.equal(hh.rowCount, 3);
  const mm = wb.getWorksheet('Thành viên')!;
  assert.deepEqual(rowValues(mm, 1), MEMBER_COLUMNS.map((c) => c.header));
  assert.deepEqual(rowValues(mm, 2).slice(0, 3), ['EX-MT-1', 1, 'Lò Văn Xuất']);
  assert.equal(mm.getRow(2).getCell(8).value, '012079123451');
  assert.equal(mm.rowCount, 1 + 4);
  const info = wb.getWorksheet('Thông tin')!;
  const text = Array.from({ length: info.rowCount }, (_, i) => rowValues(info, i + 1).join(' ')).join('\n');
  assert.match(text, /Xã Mường Tè \(03445\)/);
  assert.match(text, /Người dùng lc\.tinh \(lc\.tinh\)/);
  assert.match(text, /Số dòng — Thành viên 4/);
});

/** Every row of the households sheet. */
function householdSheetRows(wb: ExcelJS.Workbook): unknown[][] {
  const ws = wb.getWorksheet('Hộ gia đình')!;
  return Array.from({ length: ws.rowCount }, (_, i) => rowValues(ws, i + 1));
}

/** The commune's registry as stored: household and member fields the import columns cover. */
async function registrySnapshot(): Promise<unknown[]> {
  const r = await sql`
    select h.code, h.commune_code, h.village_code, h.address, h.phone, h.facts::text as hf, m.line_no, m.full_name, m.date_of_birth, m.sex, m.ethnicity,
      m.citizen_id, m.relation, m.facts::text as mf
    from household h join member m on m.province_code = h.province_code and m.household_id = h.id and m.active
    where h.code like 'EX-MT-%' order by h.code, m.line_no`.execute(t.database.db);
  return r.rows;
}

test('an exported registry uploads again through the import: no errors, nothing new, the data unchanged', async () => {
  const stored = await registrySnapshot();
  const first = await get('mt.canbo', '/api/exports/registry.xlsx');
  const up = await postUpload(t, s['mt.canbo']!, [{ name: 'commit', value: 'all' }, { name: 'file', file: { name: 'so-ho.xlsx', content: first.rawPayload } }]);
  assert.equal(up.statusCode, 202, up.body);
  // Asked to commit on upload: the job passes through "validated" on its way to "committed".
  let job = await waitForJob(t, s['mt.canbo']!, up.json().id);
  for (let i = 0; i < 600 && job.state === 'validated'; i++) {
    await new Promise((r) => setTimeout(r, 50));
    job = await waitForJob(t, s['mt.canbo']!, up.json().id);
  }
  assert.deepEqual([job.errorCount, job.rowCounts], [0, { households: 2, members: 4 }], JSON.stringify(job));
  assert.equal(job.state, 'committed', JSON.stringify(job));
  const result = job.result as Record<string, number>;
  assert.deepEqual([result.inserted, result.rejected, result.updated + result.unchanged], [0, 0, 2]);
  assert.deepEqual(await registrySnapshot(), stored);
  // The households sheet exported again is the same file content.
  const again = await workbook((await get('mt.canbo', '/api/exports/registry.xlsx')).rawPayload);
  const was = await workbook(first.rawPayload);
  assert.deepEqual(householdSheetRows(again), householdSheetRows(was));
});

test('every export is audited with who and what', async () => {
  await get('mt.chutich', '/api/exports/registry.csv?sheet=members&status=all');
  const r = await sql<{ actor_username: string; action: string; unit_code: string; after: Record<string, unknown> }>`
    select actor_username, action, unit_code, after from audit_log where action like 'export.%' and actor_username = 'mt.chutich' order by id desc limit 1`.execute(t.database.db);
  const e = r.rows[0]!;
  assert.equal(e.action, 'export.registry');
  assert.equal(e.unit_code, '03445');
  const a = typeof e.after === 'string' ? JSON.parse(e.after) : e.after;
  assert.equal(a.format, 'csv');
  assert.equal(a.sheet, 'members');
  assert.equal(a.status, 'all');
});

test('review results: stage, classes, deprivations by name, explanation and the meeting vote', async () => {
  const r = await get('mt.canbo', `/api/exports/review-results.csv?review=${x.reviews.mt}`);
  assert.equal(r.statusCode, 200);
  const rows = records(r.body);
  assert.deepEqual(rows.map((h) => h['Mã hộ']), ['EX-MT-1', 'EX-MT-2']);
  const h = rows[0]!;
  assert.equal(h['Bước rà soát'], 'Họp dân đồng ý');
  assert.equal(h['Kết quả phân loại theo chuẩn'], 'Hộ nghèo');
  assert.equal(h['Loại hộ nghèo'], 'Nghèo về thu nhập');
  assert.equal(h['Phân loại đề xuất'], 'Hộ nghèo');
  assert.equal(h['Phân loại cuối cùng'], '');
  assert.equal(h['Số chỉ số thiếu hụt'], '2');
  assert.equal(h['Các chỉ số thiếu hụt'], 'Việc làm; Diện tích nhà ở bình quân đầu người');
  assert.match(h['Giải thích kết quả phân loại']!, /^Thu nhập 1\.200\.000/);
  assert.equal(h['Thu nhập bình quân đầu người/tháng (đồng)'], '1200000');
  assert.equal(h['Ngày khảo sát'], '10/02/2026');
  assert.deepEqual([h['Họp dân: số người dự'], h['Họp dân: số đồng ý'], h['Họp dân: số không đồng ý'], h['Họp dân: tỷ lệ đồng ý (%)']], ['40', '30', '6', '75']);
  assert.equal(rows[1]!['Kết quả phân loại theo chuẩn'], 'Chưa phân loại');
  const listed = records((await get('mt.canbo', `/api/exports/review-results.csv?review=${x.reviews.mt}&stage=listed`)).body);
  assert.deepEqual(listed.map((l) => l['Mã hộ']), ['EX-MT-2']);
});

test('review results of a campaign: every commune of the province, or one commune', async () => {
  const all = records((await get('lc.tinh', `/api/exports/review-results.csv?campaign=${x.campaigns.lc}`)).body);
  assert.deepEqual(all.map((h) => `${h['Mã xã/phường']} ${h['Mã hộ']}`), ['03388 EX-DK-1', '03445 EX-MT-1', '03445 EX-MT-2']);
  const dk = records((await get('lc.tinh', `/api/exports/review-results.csv?campaign=${x.campaigns.lc}&unit=03388`)).body);
  assert.deepEqual(dk.map((h) => h['Mã hộ']), ['EX-DK-1']);
  const wb = await workbook((await get('lc.tinh', `/api/exports/review-results.xlsx?campaign=${x.campaigns.lc}`)).rawPayload);
  assert.equal(wb.getWorksheet('Kết quả rà soát')!.rowCount, 4);
});

test('beneficiary list as CSV: the same people as the Excel list', async () => {
  const csv = await get('mt.canbo', '/api/beneficiaries.csv?policy=health_insurance&date=2026-03-01');
  assert.equal(csv.statusCode, 200);
  assert.match(csv.headers['content-disposition'] as string, /danh-sach-bhyt-03445-2026-03-01\.csv/);
  const rows = records(csv.body);
  const names = rows.filter((p) => p['Mã hộ'] === 'EX-MT-1').map((p) => p['Họ và tên']);
  assert.deepEqual(names, ['Lò Văn Xuất', 'Lò Thị "Khuê", Bản', "'=Pờ Văn Mới"]);
  assert.equal(rows[0]!['Nhóm đối tượng'], 'Hộ nghèo');
  assert.equal(rows[0]!['Quyết định công nhận: Số'], '501/QĐ-UBND');
  const xlsx = await workbook((await get('mt.canbo', '/api/beneficiaries.xlsx?policy=health_insurance&date=2026-03-01')).rawPayload);
  const cells: string[] = [];
  xlsx.worksheets[0]!.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value))));
  for (const n of ['Lò Văn Xuất', 'Lò Thị "Khuê", Bản']) assert.ok(cells.includes(n), n);
  assert.ok(cells.includes(`Tổng cộng: ${rows.length} người thuộc 1 hộ`));
});

test('bad requests get a Vietnamese message; a role without export.read is refused', async () => {
  const cases: Array<[string, string, number, string]> = [
    ['admin', '/api/exports/registry.csv', 400, 'output_unit_required'],
    ['admin', '/api/exports/registry.csv?unit=99999', 400, 'output_unit_invalid'],
    ['mt.canbo', '/api/exports/registry.csv?asOf=2026-02-30', 400, 'export_as_of_invalid'],
    ['mt.canbo', '/api/exports/registry.pdf', 400, 'validation'],
    ['mt.canbo', '/api/exports/review-results.csv', 400, 'export_review_required'],
    ['mt.canbo', `/api/exports/review-results.csv?review=${x.reviews.mt}&campaign=${x.campaigns.lc}`, 400, 'export_review_required'],
    ['mt.canbo', '/api/exports/review-results.csv?review=999999', 404, 'out_of_scope'],
    ['lc.bcd', '/api/exports/registry.csv', 403, 'forbidden'],
  ];
  for (const [who, url, status, code] of cases) {
    const r = await get(who, url);
    assert.equal(r.statusCode, status, `${who} ${url}`);
    assert.equal(r.json().error.code, code, url);
    assert.ok(r.json().error.message.length > 10);
  }
  const r = await get('admin', '/api/exports/registry.csv');
  assert.match(r.json().error.message, /Hãy chọn đơn vị/);
});

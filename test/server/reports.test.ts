/**
 * Report forms F1–F15 over HTTP on constructed data (the output fixture plus classifications): every
 * form's count columns total to the sum of its rows at every level; F1, F4 and F15 equal counts taken
 * directly from the registry; the Excel workbook has the merged multi-level header and the total row;
 * the PDF (Chromium, read back with pdftotext) carries the Vietnamese title with its diacritics.
 */
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { openTestApp, as, type Session, type TestApp } from '../helpers/server.ts';
import { insertOutputFixture, MT, type OutputFixture } from './outputs-fixture.ts';
import { FORM_IDS, SUMMARY_FORM_IDS } from '../../src/domain/reports/forms.ts';
import { headerGrid, leafColumns, type ReportTable } from '../../src/domain/reports/report-table.ts';

async function addClassifications(t: TestApp, fx: OutputFixture): Promise<void> {
  const rows: Array<[string, string, string[]]> = [
    ['H5', 'poor', ['latrine', 'water_source', 'telecom']],
    ['H6', 'poor', ['employment', 'latrine', 'housing_quality']],
    ['H2', 'near_poor', ['latrine']],
  ];
  for (const [k, cls, deps] of rows) {
    const s = await sql<{ id: number }>`insert into survey (province_code, review_id, household_id, facts, causes, surveyed_on)
      values (${MT.province}, ${fx.reviews.mt2025}, ${fx.households[k]!}, '{}'::jsonb, '{no_capital}', '2025-10-01') returning id`.execute(t.database.db);
    await sql`insert into classification (province_code, review_id, household_id, standard_id, survey_id, area_type, class, deprivation_count, deprivations, explanation)
      values (${MT.province}, ${fx.reviews.mt2025}, ${fx.households[k]!}, 'nd07-2021', ${s.rows[0]!.id}, 'rural', ${cls}, ${deps.length}, ${`{${deps.join(',')}}`}::text[], 'test')`.execute(t.database.db);
  }
}

function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giamngheo-reports-'));
  const file = path.join(dir, 'r.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Count columns: the total row equals the sum of the unit rows (per Hộ / Nhân khẩu breakdown). */
function assertTotals(t: ReportTable): void {
  const keys = leafColumns(t.columns).filter((c) => c.kind === 'count').map((c) => c.key!);
  const totals = t.rows.filter((r) => r.total);
  assert.ok(totals.length >= 1, `${t.formId}: total row`);
  for (const tr of totals) {
    const rows = t.rows.filter((r) => !r.total && (r.breakdown ?? '') === (tr.breakdown ?? ''));
    for (const k of keys) {
      const sum = rows.reduce((s, r) => s + Number(r.values[k] ?? 0), 0);
      assert.equal(tr.values[k], sum, `${t.formId} ${t.unit.code || 'VN'} ${tr.breakdown ?? ''} column ${k}`);
    }
  }
}

describe('report forms', () => {
  let t: TestApp;
  let fx: OutputFixture;
  const s: Record<string, Session> = {};
  const get = async (who: string, url: string) => {
    s[who] ??= await t.login(who);
    return t.app.inject({ method: 'GET', url, ...as(s[who]!) });
  };
  const table = async (who: string, url: string): Promise<ReportTable> => {
    const r = await get(who, url);
    assert.equal(r.statusCode, 200, `${url}: ${r.body}`);
    return r.json().table as ReportTable;
  };

  before(async () => {
    t = await openTestApp();
    fx = await insertOutputFixture(t.database.db);
    await addClassifications(t, fx);
  });
  after(async () => t?.close());

  test('every summary form totals to the sum of its rows for the nation, a province, a commune and a village', async () => {
    for (const form of SUMMARY_FORM_IDS) {
      for (const unit of ['', '12', MT.commune, `${MT.commune}:PM`]) {
        for (const year of [2025, 2026]) assertTotals(await table('admin', `/api/reports/${form}?year=${year}&unit=${encodeURIComponent(unit)}`));
      }
    }
  });

  test('F1, F4 and F2 agree with counts taken directly from the registry', async () => {
    const db = t.database.db;
    const direct = await sql<{ commune_code: string; poor: number; near: number }>`
      with l as (select distinct on (household_id) household_id, status from list_status where province_code = '12' and list_year = 2026 order by household_id, effective_from desc)
      select h.commune_code, count(*) filter (where l.status = 'poor')::int as poor, count(*) filter (where l.status = 'near_poor')::int as near
      from l join household h on h.province_code = '12' and h.id = l.household_id group by 1`.execute(db);
    const f1 = await table('lc.tinh', '/api/reports/F1?year=2026&unit=12');
    assert.match(f1.layoutNote, /2025/);
    for (const d of direct.rows) {
      const row = f1.rows.find((r) => r.code === d.commune_code)!;
      assert.equal(row.values.poor_h, d.poor, `poor ${d.commune_code}`);
      assert.equal(row.values.near_h, d.near, `near-poor ${d.commune_code}`);
    }
    const mt = f1.rows.find((r) => r.code === MT.commune)!;
    assert.equal(mt.label, 'Xã Mường Tè');
    // 10 households of the fixture in Mường Tè (H10 dissolved after the 2026 reference date, still poor on the list).
    assert.equal(mt.values.households, 10);
    const f4 = await table('lc.tinh', `/api/reports/F4?year=2026&unit=${MT.commune}`);
    const total = f4.rows.find((r) => r.total)!;
    assert.equal(total.values.latrine, 2);
    assert.equal(total.values.employment, 1);
    assert.equal(total.values.deprivations, 6);
    const f5 = await table('lc.tinh', `/api/reports/F5?year=2026&unit=${MT.commune}`);
    assert.equal(f5.rows.find((r) => r.total)!.values.latrine, 50, 'rate = 2 of 4 poor households');
    const f2 = await table('lc.tinh', `/api/reports/F2?year=2026&unit=${MT.commune}`);
    const hh = f2.rows.find((r) => r.total && r.breakdown === 'Hộ')!;
    assert.equal(Number(hh.values.start) - Number(hh.values.decrease) + Number(hh.values.increase), hh.values.end);
  });

  test('F15 lists the poor households with one row per member; F14 the near-poor', async () => {
    const f15 = await table('mt.canbo', '/api/reports/F15?year=2026');
    const codes = f15.rows.filter((r) => r.no !== null).map((r) => r.label);
    assert.deepEqual(codes.toSorted(), ['MT-001', 'MT-005', 'MT-006', 'MT-010']);
    assert.ok(f15.rows.some((r) => r.values.name === 'Pờ Thị Ngọc'));
    const h6 = f15.rows.find((r) => r.label === 'MT-006')!;
    assert.equal(h6.values.no_labour, 'x');
    const later = await table('mt.canbo', '/api/reports/F15?year=2026&offset=200');
    assert.equal(later.rows[0]!.no, 201, 'household numbers continue across pages');
    const f14 = await table('mt.canbo', '/api/reports/F14?year=2026');
    assert.deepEqual(f14.rows.filter((r) => r.no !== null).map((r) => r.label).toSorted(), ['MT-002', 'MT-007']);
  });

  test('Excel: title block, merged multi-level header, numbered rows, total row, signature', async () => {
    const r = await get('lc.tinh', '/api/reports/F9/excel?year=2026&unit=12');
    assert.equal(r.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('F9')!;
    const f9 = await table('lc.tinh', '/api/reports/F9?year=2026&unit=12');
    const grid = headerGrid(f9);
    assert.ok(grid.rows >= 3, 'F9 has three header levels (block, minority, groups)');
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    for (const c of grid.cells.filter((x) => x.colSpan > 1 || x.rowSpan > 1)) {
      const from = ws.getRow(9 + c.row).getCell(c.col + 1).address;
      assert.ok(merges.some((m) => m.startsWith(`${from}:`)), `merged header ${c.title} at ${from}`);
    }
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => void texts.push(String(c.value))));
    assert.ok(texts.some((x) => x.includes('PHÂN TÍCH HỘ NGHÈO, HỘ CẬN NGHÈO THEO DÂN TỘC')));
    assert.ok(texts.includes('Tổng cộng'));
    assert.ok(texts.includes('NGƯỜI LẬP BIỂU'));
    assert.ok(texts.includes(`(${grid.cols})`), 'column-number row');
    // The total row's poor total equals the sum of the commune rows.
    let totalRow: ExcelJS.Row | undefined;
    ws.eachRow((row) => {
      if (row.getCell(2).value === 'Tổng cộng') totalRow = row;
    });
    assert.equal(totalRow!.getCell(3).value, f9.rows.find((x) => x.total)!.values.poor_total);
  });

  test('PDF: rendered by Chromium with the Vietnamese title and unit names', async () => {
    const r = await get('lc.tinh', '/api/reports/F1?year=2026&unit=12');
    const pdf = await get('lc.tinh', '/api/reports/F1/pdf?year=2026&unit=12');
    assert.equal(r.statusCode, 200);
    assert.equal(pdf.statusCode, 200, pdf.body);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    const text = pdfText(pdf.rawPayload);
    assert.match(text, /TỔNG HỢP KẾT QUẢ CHÍNH THỨC RÀ SOÁT HỘ NGHÈO/);
    assert.match(text, /Mường Tè/);
    assert.match(text, /Tổng cộng/);
    const list = await get('mt.canbo', '/api/reports/F15/pdf?year=2026');
    assert.equal(list.statusCode, 200, list.body);
    const listText = pdfText(list.rawPayload);
    assert.match(listText, /Ngọc/);
    assert.match(listText, /1980/, 'years print without a thousands separator');
  });

  test('the forms list and unknown units', async () => {
    const forms = await get('lc.bcd', '/api/reports/forms');
    assert.equal(forms.statusCode, 200);
    assert.deepEqual(forms.json().forms.map((f: { id: string }) => f.id), [...FORM_IDS]);
    const bad = await get('admin', '/api/reports/F1?year=2026&unit=99999');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error.message, /không phải là tỉnh, xã hoặc thôn/);
  });
  test('the 2024 layout: the province by district with subtotals, the same totals; refusals for lists and the nation', async () => {
    const db = t.database.db;
    await sql`insert into admin_unit (layout, code, valid_from, valid_to, name, name_ascii, type, type_en, tier, area_type, province_code) values
      ('2024', '12', '2023-04-08', '2025-07-01', 'Tỉnh Lai Châu', 'tinh lai chau', 'Tỉnh', 'province', 'province', null, '12'),
      ('2024', '105', '2023-04-08', '2025-07-01', 'Thành phố Lai Châu', 'thanh pho lai chau', 'Thành phố', 'city', 'district', null, '12'),
      ('2024', '107', '2023-04-08', '2025-07-01', 'Huyện Mường Tè', 'huyen muong te', 'Huyện', 'district', 'district', null, '12'),
      ('2024', '03390', '2023-04-08', '2025-07-01', 'Phường Đoàn Kết', 'phuong doan ket', 'Phường', 'ward', 'commune', 'urban', '12'),
      ('2024', '03445', '2023-04-08', '2025-07-01', 'Thị trấn Mường Tè', 'thi tran muong te', 'Thị trấn', 'town', 'commune', 'urban', '12'),
      ('2024', '03457', '2023-04-08', '2025-07-01', 'Xã Nậm Khao', 'xa nam khao', 'Xã', 'commune', 'commune', 'rural', '12'),
      ('2024', '11', '2023-04-08', '2025-07-01', 'Tỉnh Điện Biên', 'tinh dien bien', 'Tỉnh', 'province', 'province', null, '11'),
      ('2024', '095', '2023-04-08', '2025-07-01', 'Huyện Điện Biên', 'huyen dien bien', 'Huyện', 'district', 'district', null, '11'),
      ('2024', '03325', '2023-04-08', '2025-07-01', 'Xã Mường Phăng', 'xa muong phang', 'Xã', 'commune', 'commune', 'rural', '11')
      on conflict do nothing`.execute(db);
    await sql`insert into admin_unit_parent (layout, code, parent_code, valid_from, valid_to) values
      ('2024', '105', '12', '2023-04-08', '2025-07-01'), ('2024', '107', '12', '2023-04-08', '2025-07-01'),
      ('2024', '03390', '105', '2023-04-08', '2025-07-01'), ('2024', '03445', '107', '2023-04-08', '2025-07-01'), ('2024', '03457', '107', '2023-04-08', '2025-07-01'),
      ('2024', '095', '11', '2023-04-08', '2025-07-01'), ('2024', '03325', '095', '2023-04-08', '2025-07-01')
      on conflict do nothing`.execute(db);
    await sql`insert into admin_unit_succession (old_layout, old_code, new_layout, new_code, relation, effective_date) values
      ('2024', '03390', '2025', '03388', 'full', '2025-07-01'), ('2024', '03445', '2025', '03445', 'full', '2025-07-01'), ('2024', '03457', '2025', '03445', 'full', '2025-07-01'),
      ('2024', '03325', '2025', '03325', 'full', '2025-07-01')
      on conflict do nothing`.execute(db);
    for (const form of SUMMARY_FORM_IDS) {
      const t25 = await table('lc.tinh', `/api/reports/${form}?year=2026&unit=12`);
      const t24 = await table('lc.tinh', `/api/reports/${form}?year=2026&unit=12&layout=2024`);
      assert.equal(t24.layout, '2024');
      assertTotals({ ...t24, rows: t24.rows.filter((r) => !r.subtotal) });
      assert.deepEqual(t24.rows.filter((r) => r.total), t25.rows.filter((r) => r.total), `${form}: the same total row in both layouts`);
      assert.deepEqual(t24.rows.filter((r) => r.subtotal && (r.breakdown ?? 'Hộ') === 'Hộ').map((r) => r.label), ['Thành phố Lai Châu', 'Huyện Mường Tè']);
    }
    // Mường Tè came from two old communes and its villages have no origin rows: its households are "undetermined" under district 107.
    const f1 = await table('lc.tinh', '/api/reports/F1?year=2026&unit=107&layout=2024');
    assert.deepEqual(f1.rows.map((r) => r.code), ['03445', '03457', '?03445', '']);
    assert.equal(f1.rows.find((r) => r.code === '?03445')!.values.households, 10);
    assert.match(f1.notes.join(' '), /Chưa xác định xã cũ/);
    const excel = await get('lc.tinh', '/api/reports/F1/excel?year=2026&unit=12&layout=2024');
    assert.equal(excel.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(excel.rawPayload as unknown as ArrayBuffer);
    const texts: string[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => void texts.push(String(c.value))));
    assert.ok(texts.some((x) => x.includes('ba cấp: tỉnh – huyện – xã')), 'the sheet states the layout');
    assert.ok(texts.includes('Huyện Mường Tè'), 'district subtotal row');
    const pdf = await get('lc.tinh', '/api/reports/F1/pdf?year=2026&unit=12&layout=2024');
    assert.equal(pdf.statusCode, 200, pdf.body);
    const pdfLines = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    assert.match(pdfLines, /ba cấp: tỉnh – huyện – xã/, 'the PDF states the layout');
    assert.match(pdfLines, /Huyện Mường Tè/);
    const list = await get('lc.tinh', '/api/reports/F15?year=2026&unit=12&layout=2024');
    assert.equal(list.statusCode, 400);
    assert.match(list.json().error.message, /bố cục năm 2025/);
    // The nation in the 2024 layout: rows are the old provinces, the same total as the 2025 layout's.
    for (const form of ['F1', 'F2', 'F9']) {
      const n24 = await table('admin', `/api/reports/${form}?year=2026&unit=&layout=2024`);
      const n25 = await table('admin', `/api/reports/${form}?year=2026&unit=`);
      assert.deepEqual(n24.rows.filter((r) => !r.total).map((r) => r.code).filter((c, i, a) => a.indexOf(c) === i), ['11', '12']);
      assert.deepEqual(n24.rows.filter((r) => r.total), n25.rows.filter((r) => r.total), `${form}: the nation's total in both layouts`);
      assertTotals(n24);
    }
    assert.equal((await get('lc.tinh', '/api/reports/F1?year=2026&unit=&layout=2024')).statusCode, 403);
    assert.equal((await get('db.tinh', '/api/reports/F1?year=2026&unit=107&layout=2024')).statusCode, 403);
  });
  test('the commune records its villages’ former communes; the 2024-layout report then places their households there', async () => {
    s['mt.canbo'] ??= await t.login('mt.canbo');
    const put = (origins: Array<{ villageCode: string; oldCommuneCode: string | null }>, who = 'mt.canbo') =>
      t.app.inject({ method: 'PUT', url: '/api/reports/village-origins/03445', payload: { origins }, ...as(s[who]!) });
    const view = await get('mt.canbo', '/api/reports/village-origins/03445');
    assert.deepEqual(view.json().predecessors.map((p: { code: string }) => p.code), ['03445', '03457']);
    assert.ok(view.json().villages.every((v: { oldCommuneCode: string | null }) => v.oldCommuneCode === null), 'two predecessors: nothing implied');
    const bad = await put([{ villageCode: 'PM', oldCommuneCode: '03390' }]);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error.message, /Thôn, bản "PM": xã cũ "03390" không phải là xã đã hợp thành xã này \(chọn một trong: 03445, 03457\)/);
    s['lc.tinh'] ??= await t.login('lc.tinh');
    assert.equal((await put([{ villageCode: 'PM', oldCommuneCode: '03445' }], 'lc.tinh')).statusCode, 403, 'the province officer does not maintain villages');
    const ok = await put([{ villageCode: 'PM', oldCommuneCode: '03445' }, { villageCode: 'NC', oldCommuneCode: '03457' }]);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(ok.json().villages.map((v: { code: string; oldCommuneCode: string }) => `${v.code}:${v.oldCommuneCode}`).toSorted(), ['NC:03457', 'PM:03445']);
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log where entity = 'village_origin' and entity_id = '03445'`.execute(t.database.db);
    assert.equal(audit.rows[0]!.n, 1);

    const direct = await sql<{ village_code: string | null; n: number }>`
      with l as (select distinct on (household_id) household_id, status from list_status where province_code = '12' and list_year = 2026 order by household_id, effective_from desc)
      select h.village_code, count(*)::int as n from l join household h on h.province_code = '12' and h.id = l.household_id
      where h.commune_code = '03445' and l.status = 'poor' group by 1`.execute(t.database.db);
    const poorIn = (v: string | null) => direct.rows.find((r) => r.village_code === v)?.n ?? 0;
    const f1 = await table('lc.tinh', '/api/reports/F1?year=2026&unit=107&layout=2024');
    const poor = (code: string) => Number(f1.rows.find((r) => r.code === code)?.values.poor_h ?? 0);
    assert.equal(poor('03445'), poorIn('PM'));
    assert.equal(poor('03457'), poorIn('NC'));
    assert.equal(poor('?03445'), poorIn(null), 'households without a village stay undetermined');
    const old = await table('lc.tinh', '/api/reports/F1?year=2026&unit=03457&layout=2024');
    assert.deepEqual(old.rows.filter((r) => !r.total).map((r) => r.label), ['Bản Nậm Củm']);
    // Removing a link makes the village undetermined again.
    assert.equal((await put([{ villageCode: 'NC', oldCommuneCode: null }])).statusCode, 200);
    const again = await table('lc.tinh', '/api/reports/F1?year=2026&unit=107&layout=2024');
    assert.equal(Number(again.rows.find((r) => r.code === '03457')!.values.poor_h), 0);
  });
});

/**
 * Outputs: decision lists (Excel, PDF), the certificate of poor / near-poor household (PDF through
 * Chromium, text read back with poppler's pdftotext) and beneficiary lists per policy (streamed Excel),
 * on fixture rows written with SQL. Membership comes only from recognised lists; windows and the
 * annual-list start are settings; everything stays inside the caller's scope.
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
import { insertOutputFixture, DECISION_2026, MONTHLY_DECISION, type OutputFixture } from './outputs-fixture.ts';
import { SYSTEM_ACTOR } from '../../src/db/audit.ts';
import { setBeneficiaryRules, getBeneficiaryRules, BeneficiaryRulesError } from '../../src/db/outputs/beneficiary-rules.ts';
import { beneficiaryPages } from '../../src/db/outputs/beneficiaries.ts';
import { BENEFICIARY_POLICIES } from '../../src/db/outputs/beneficiary-policies.ts';
import { PdfRenderer, PdfUnavailableError } from '../../src/server/pdf/pdf-renderer.ts';
import { documentFontCss } from '../../src/server/pdf/font-css.ts';
import { vietnameseDate } from '../../src/server/documents/date-line.ts';
import { escapeHtml } from '../../src/server/documents/html.ts';

/** Where the rendered certificate's first page is left as PNG for a human look. */
export const CERTIFICATE_PNG_DIR = path.join(os.tmpdir(), 'giamngheo-outputs-test');

function requirePoppler(): void {
  for (const tool of ['pdftotext', 'pdftoppm']) {
    try {
      execFileSync(tool, ['-v'], { stdio: 'ignore' });
    } catch {
      throw new Error(`${tool} (poppler-utils) is not installed: run "apt-get install -y poppler-utils" before these tests.`);
    }
  }
}

function pdfText(pdf: Buffer): string {
  const file = path.join(CERTIFICATE_PNG_DIR, `t-${process.pid}-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC');
  } finally {
    fs.rmSync(file, { force: true });
  }
}

async function workbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

function text(v: ExcelJS.CellValue): string {
  return v === null || v === undefined ? '' : String(v);
}

/** Every non-empty cell text of a sheet, row by row. */
function rowsOf(ws: ExcelJS.Worksheet): string[][] {
  const out: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (c, col) => {
      // A merged range's value sits in its top-left cell only.
      cells[col - 1] = c.isMerged && c.master.address !== c.address ? '' : text(c.value);
    });
    out[n - 1] = cells;
  });
  return out.map((r) => r ?? []);
}

function sheetIncludes(ws: ExcelJS.Worksheet, s: string): boolean {
  return rowsOf(ws).some((r) => r.some((c) => c.includes(s)));
}

/** Data rows of a table whose column-number row is "(1) (2) …": rows after it until the totals row. */
function tableRows(ws: ExcelJS.Worksheet): string[][] {
  const rows = rowsOf(ws);
  const start = rows.findIndex((r) => r[0] === '(1)');
  const end = rows.findIndex((r, i) => i > start && (r[0] ?? '').startsWith('Tổng cộng'));
  assert.ok(start > 0 && end > start, 'table with numbers row and totals row');
  return rows.slice(start + 1, end);
}

function totalsRow(ws: ExcelJS.Worksheet): string[] {
  return rowsOf(ws).find((r) => (r[0] ?? '').startsWith('Tổng cộng'))!;
}

let t: TestApp;
let f: OutputFixture;
const s: Record<string, Session> = {};

before(async () => {
  requirePoppler();
  fs.mkdirSync(CERTIFICATE_PNG_DIR, { recursive: true });
  t = await openTestApp();
  f = await insertOutputFixture(t.database.db);
  for (const u of ['admin', 'lc.tinh', 'lc.bcd', 'mt.canbo', 'mt.rsv', 'mt.chutich', 'dk.canbo', 'db.tinh']) s[u] = await t.login(u);
});
after(() => t.close());

function get(who: string, url: string) {
  return t.app.inject({ method: 'GET', url, ...as(s[who]!) });
}

describe('decision lists (Excel)', () => {
  let wb: ExcelJS.Workbook;
  before(async () => {
    const r = await get('mt.canbo', `/api/reviews/${f.reviews.mt2025}/decision-lists.xlsx?list=all`);
    assert.equal(r.statusCode, 200, r.body);
    assert.match(String(r.headers['content-type']), /spreadsheetml/);
    assert.match(String(r.headers['content-disposition']), /danh-sach-kem-quyet-dinh-03445-2026\.xlsx/);
    wb = await workbook(r.rawPayload);
  });

  test('one sheet per list, in order', () => {
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['Hộ nghèo', 'Hộ cận nghèo', 'Hộ thoát nghèo', 'Hộ thoát cận nghèo']);
  });

  test('title block: issuing committee, national name and motto, title, decision reference, date line, signature', () => {
    const ws = wb.getWorksheet('Hộ nghèo')!;
    const rows = rowsOf(ws);
    assert.equal(rows[0]![0], 'UỶ BAN NHÂN DÂN');
    assert.ok(rows[0]!.includes('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
    assert.equal(rows[1]![0], 'XÃ MƯỜNG TÈ');
    assert.ok(rows[1]!.includes('Độc lập – Tự do – Hạnh phúc'));
    assert.ok(rows[2]!.includes('Mường Tè, ngày 12 tháng 12 năm 2025'));
    assert.equal(rows[4]![0], 'DANH SÁCH HỘ NGHÈO NĂM 2026');
    assert.equal(rows[5]![0], '(Kèm theo Quyết định số 128/QĐ-UBND ngày 12/12/2025 của Chủ tịch Uỷ ban nhân dân xã Mường Tè)');
    assert.equal(rows[6]![0], 'Kết quả rà soát định kỳ năm 2025');
    assert.ok(sheetIncludes(ws, 'CHỦ TỊCH'));
    assert.ok(sheetIncludes(ws, DECISION_2026.signer));
    const merges = ws.model.merges;
    for (const m of ['A1:G1', 'H1:S1', 'A5:S5', 'D9:E9', 'H9:J9', 'N9:S9', 'A9:A10', 'C9:C10']) assert.ok(merges.includes(m), `merge ${m} in ${merges.join(' ')}`);
    assert.equal(ws.getCell('D9').value, 'Năm sinh');
    assert.equal(ws.getCell('D10').value, 'Nam');
    assert.equal(ws.getCell('E10').value, 'Nữ');
    assert.deepEqual(rowsOf(ws)[10], Array.from({ length: 19 }, (_, i) => `(${i + 1})`));
    assert.equal(ws.getCell('A12').font.name, 'Times New Roman');
    assert.equal(ws.pageSetup.orientation, 'landscape');
  });

  test('poor list (F15): recognised poor households only, one row per member, flags from the list history', () => {
    const ws = wb.getWorksheet('Hộ nghèo')!;
    const rows = tableRows(ws);
    const data = rows.filter((r) => r[1]);
    const households = data.filter((r) => r[0]);
    assert.equal(households.length, 5);
    assert.equal(data.length, 9, 'members present on the decision date');
    assert.deepEqual(totalsRow(ws).slice(0, 1), ['Tổng cộng: 5 hộ, 9 nhân khẩu']);
    const byName = new Map(data.map((r) => [r[2], r]));
    assert.equal(byName.get('Lý Thị Hoa')![7], 'x', 'new poor');
    assert.equal(byName.get('Hờ A Sử')![8], 'x', 'relapsed: poor in 2024, out in 2025');
    assert.equal(byName.get('Lò Thị Ánh')![9], 'x', 'continuing');
    assert.equal(byName.get('Hờ A Sử')![12], 'x', 'no member able to work');
    assert.equal(byName.get('Lò Thị Ánh')![13], 'x', 'needs of the current survey: health');
    assert.equal(byName.get('Lò Thị Ánh')![16], 'x', 'credit');
    assert.equal(byName.get('Lò Thị Ánh')![17] ?? '', '', 'the superseded survey’s housing need is ignored');
    assert.equal(byName.get('Lò Thị Ánh')![4], '1980', 'a woman’s year of birth in the female column');
    assert.equal(byName.get('Pờ Văn Dũng')![3], '1978');
    assert.equal(byName.get('Pờ Văn Dũng')![6], 'Vợ/chồng');
    assert.ok(!byName.has('Lò Văn Xuân'), 'a member who left before the decision is not listed');
    assert.ok(!sheetIncludes(ws, 'Đèo Văn Ước'), 'classified poor but never recognised: not on the list');
    assert.ok(!sheetIncludes(ws, 'Chu Thị Mai'));
    assert.ok(!sheetIncludes(ws, 'Bí Mật'));
    // Village group rows.
    assert.ok(rows.some((r) => r[0] === 'Bản Pắc Ma') && rows.some((r) => r[0] === 'Bản Nậm Củm'));
    assert.deepEqual(totalsRow(ws).slice(7, 10), ['1', '1', '3']);
  });

  test('near-poor list (F14): a household coming from the poor list is flagged new', () => {
    const ws = wb.getWorksheet('Hộ cận nghèo')!;
    const data = tableRows(ws).filter((r) => r[1]);
    assert.equal(data.filter((r) => r[0]).length, 2);
    assert.equal(totalsRow(ws)[0], 'Tổng cộng: 2 hộ, 3 nhân khẩu');
    assert.equal(ws.getCell('H10').value, 'Cận nghèo mới');
    const hung = data.find((r) => r[2] === 'Pờ Xuân Hùng')!;
    assert.equal(hung[7], 'x');
    assert.equal(data.find((r) => r[2] === 'Vàng Thị Ơn')![9], 'x');
  });

  test('escaped lists compare each decision row with the status just before it', () => {
    const poor = tableRows(wb.getWorksheet('Hộ thoát nghèo')!).filter((r) => r[1]);
    assert.deepEqual(poor.map((r) => [r[1], r[2], r[6], r[7]]), [
      ['MT-002', 'Pờ Xuân Hùng', 'Hộ nghèo', 'Hộ cận nghèo'],
      ['MT-003', 'Chu Thị Mai', 'Hộ nghèo', 'Vượt chuẩn cận nghèo'],
    ]);
    assert.equal(totalsRow(wb.getWorksheet('Hộ thoát nghèo')!)[0], 'Tổng cộng: 2 hộ');
    const near = tableRows(wb.getWorksheet('Hộ thoát cận nghèo')!).filter((r) => r[1]);
    assert.deepEqual(near.map((r) => [r[1], r[5], r[6], r[7]]), [['MT-004', '2', 'Hộ cận nghèo', 'Vượt chuẩn cận nghèo']]);
  });

  test('the earlier review gives the list-2025 lists (relapse source: H6 escaped in that decision)', async () => {
    const r = await get('mt.chutich', `/api/reviews/${f.reviews.mt2024}/decision-lists.xlsx`);
    const w = await workbook(r.rawPayload);
    assert.equal(rowsOf(w.getWorksheet('Hộ nghèo')!)[4]![0], 'DANH SÁCH HỘ NGHÈO NĂM 2025');
    assert.equal(totalsRow(w.getWorksheet('Hộ nghèo')!)[0], 'Tổng cộng: 5 hộ, 10 nhân khẩu');
    const escaped = tableRows(w.getWorksheet('Hộ thoát nghèo')!).filter((x) => x[1]);
    assert.deepEqual(escaped.map((x) => x[1]), ['MT-006']);
  });

  test('one list on request', async () => {
    const r = await get('lc.tinh', `/api/reviews/${f.reviews.mt2025}/decision-lists.xlsx?list=escaped_near_poor`);
    assert.equal(r.statusCode, 200);
    assert.deepEqual((await workbook(r.rawPayload)).worksheets.map((w) => w.name), ['Hộ thoát cận nghèo']);
    assert.equal((await get('lc.tinh', `/api/reviews/${f.reviews.mt2025}/decision-lists.xlsx?list=rich`)).statusCode, 400);
  });

  test('no lists before the chair’s decision; steering viewers and village reviewers may not read them', async () => {
    const r = await get('mt.canbo', `/api/reviews/${f.reviews.mtOpen}/decision-lists.xlsx`);
    assert.equal(r.statusCode, 409);
    assert.equal(r.json().error.code, 'review_not_decided');
    assert.match(r.json().error.message, /chưa có quyết định công nhận/);
    assert.equal((await get('lc.bcd', `/api/reviews/${f.reviews.mt2025}/decision-lists.xlsx`)).statusCode, 403);
    assert.equal((await get('mt.rsv', `/api/reviews/${f.reviews.mt2025}/decision-lists.xlsx`)).statusCode, 403);
    assert.equal((await get('mt.canbo', '/api/reviews/999999/decision-lists.xlsx')).statusCode, 404);
  });
});

describe('decision lists (PDF)', () => {
  test('landscape A4 with correct Vietnamese text', async () => {
    const r = await get('mt.canbo', `/api/reviews/${f.reviews.mt2025}/decision-lists.pdf?list=poor`);
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    const txt = pdfText(r.rawPayload);
    for (const needle of ['DANH SÁCH HỘ NGHÈO NĂM 2026', 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Lò Thị Ánh', 'Hờ A Sử', 'Tổng cộng: 5 hộ, 9 nhân khẩu', 'Kèm theo Quyết định số 128/QĐ-UBND']) {
      assert.ok(txt.includes(needle), `${needle} in PDF text`);
    }
    assert.ok(!txt.includes('Đèo Văn Ước'));
  });
});

describe('certificate (PDF)', () => {
  let first: Awaited<ReturnType<typeof get>>;
  before(async () => {
    first = await get('mt.chutich', `/api/households/${f.households.H1}/certificate.pdf?year=2026`);
  });

  test('a PDF rendered by Chromium, with the head’s name and the title in correct Vietnamese', () => {
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.headers['content-type'], 'application/pdf');
    assert.equal(first.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    const txt = pdfText(first.rawPayload);
    for (const needle of [
      'GIẤY CHỨNG NHẬN HỘ NGHÈO',
      'Lò Thị Ánh',
      'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập – Tự do – Hạnh phúc',
      'UỶ BAN NHÂN DÂN',
      'XÃ MƯỜNG TÈ',
      'Số: 1/03445-2026/GCN-HN.HCN',
      'Dân tộc: Thái',
      '012180000111',
      'Bản Pắc Ma, xã Mường Tè, tỉnh Lai Châu',
      'Quyết định số 128/QĐ-UBND ngày 12/12/2025',
      'Pờ Văn Đức',
      'Pờ Thị Ngọc',
      'Vợ/chồng',
      'CHỦ TỊCH',
      'Lò Văn Hùng',
    ]) {
      assert.ok(txt.includes(needle), `"${needle}" in:\n${txt}`);
    }
    assert.ok(!txt.includes('Lò Văn Xuân'), 'a member gone before the decision');
    assert.ok(!txt.includes('GIẤY CHỨNG NHẬN HỘ CẬN NGHÈO'));
    // Page 1 as PNG for a look at the layout (kept in the temp directory).
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', '-', path.join(CERTIFICATE_PNG_DIR, 'certificate-page1')], { input: first.rawPayload });
    assert.ok(fs.statSync(path.join(CERTIFICATE_PNG_DIR, 'certificate-page1.png')).size > 10_000);
    const fonts = execFileSync('pdffonts', ['-'], { input: first.rawPayload, encoding: 'utf8' });
    assert.match(fonts, /Tinos/, 'the embedded font is Tinos');
  });

  test('issuance is recorded once; printing again keeps the number and date', async () => {
    assert.equal(first.headers['x-certificate-number'], '1/03445-2026/GCN-HN.HCN');
    const again = await get('mt.canbo', `/api/households/${f.households.H1}/certificate.pdf`);
    assert.equal(again.statusCode, 200);
    assert.equal(again.headers['x-certificate-number'], '1/03445-2026/GCN-HN.HCN');
    const rows = await sql<{ number: string; status: string; list_year: number; decision_number: string }>`
      select number, status, list_year, decision_number from certificate where household_id = ${f.households.H1!}`.execute(t.database.db);
    assert.deepEqual(rows.rows, [{ number: '1/03445-2026/GCN-HN.HCN', status: 'poor', list_year: 2026, decision_number: '128/QĐ-UBND' }]);
    const audit = await sql<{ actor_username: string; unit_code: string; after: { number: string } }>`
      select actor_username, unit_code, after from audit_log where action = 'certificate.issue' and entity_id in (select id::text from certificate where household_id = ${f.households.H1!})`.execute(t.database.db);
    assert.equal(audit.rows.length, 1);
    assert.equal(audit.rows[0]!.actor_username, 'mt.chutich');
    assert.equal(audit.rows[0]!.unit_code, '03445');
    assert.equal(audit.rows[0]!.after.number, '1/03445-2026/GCN-HN.HCN');
  });

  test('near-poor certificate; numbering per commune and list year', async () => {
    const r = await get('mt.canbo', `/api/households/${f.households.H2}/certificate.pdf?year=2026`);
    assert.equal(r.statusCode, 200);
    assert.equal(r.headers['x-certificate-number'], '2/03445-2026/GCN-HN.HCN');
    const txt = pdfText(r.rawPayload);
    assert.ok(txt.includes('GIẤY CHỨNG NHẬN HỘ CẬN NGHÈO'));
    assert.ok(txt.includes('Là hộ cận nghèo năm 2026'));
    const old = await get('mt.canbo', `/api/households/${f.households.H3}/certificate.pdf?year=2025`);
    assert.equal(old.statusCode, 200);
    assert.equal(old.headers['x-certificate-number'], '1/03445-2025/GCN-HN.HCN');
    assert.ok(pdfText(old.rawPayload).includes('Quyết định số 45/QĐ-UBND ngày 10/12/2024'));
  });

  test('no certificate without a recognised poor or near-poor status that year', async () => {
    for (const [id, year] of [[f.households.H3, 2026], [f.households.H9, 2026], [f.households.H9, undefined], [f.households.H1, 2020]] as const) {
      const r = await get('mt.canbo', `/api/households/${id}/certificate.pdf${year ? `?year=${year}` : ''}`);
      assert.equal(r.statusCode, 409, `${id} ${year}`);
      assert.equal(r.json().error.code, 'certificate_not_on_list');
    }
    const escapedByMonthly = await get('mt.canbo', `/api/households/${f.households.H8}/certificate.pdf?year=2026`);
    assert.equal(escapedByMonthly.statusCode, 409, 'the latest 2026 row (monthly decision) removed it');
    const count = await sql<{ n: number }>`select count(*)::int as n from certificate where household_id in (${f.households.H3!}, ${f.households.H9!}, ${f.households.H8!}) and list_year = 2026`.execute(t.database.db);
    assert.equal(count.rows[0]!.n, 0);
  });

  test('only commune staff issue certificates', async () => {
    assert.equal((await get('mt.rsv', `/api/households/${f.households.H1}/certificate.pdf`)).statusCode, 403);
    assert.equal((await get('lc.tinh', `/api/households/${f.households.H1}/certificate.pdf`)).statusCode, 403);
    assert.equal((await get('mt.canbo', `/api/households/${f.households.H1}/certificate.pdf?year=1`)).statusCode, 400);
  });
});

describe('PDF renderer', () => {
  test('a clear Vietnamese error when Chromium is missing', async () => {
    const r = new PdfRenderer({ executable: '/khong/co/chromium' });
    await assert.rejects(r.render('<p>x</p>'), (err: unknown) => {
      assert.ok(err instanceof PdfUnavailableError);
      assert.match(err.message, /Không tìm thấy trình duyệt Chromium tại \/khong\/co\/chromium/);
      assert.match(err.message, /apt-get install -y chromium/);
      return true;
    });
    await r.close();
  });

  test('the font is inlined (no network), Vietnamese range included', () => {
    const css = documentFontCss();
    assert.ok(!/url\((?!data:)/.test(css), 'every font src is a data: URL');
    assert.match(css, /U\+1EA0-1EF9/);
    assert.match(css, /font-weight: 700/);
  });

  test('document text helpers: NFC, escaping, date line', () => {
    const decomposed = 'Nguyễn'.normalize('NFD');
    assert.equal(escapeHtml(`${decomposed} <b>&`), 'Nguyễn &#60;b&#62;&#38;');
    assert.equal(vietnameseDate('2026-02-05'), 'ngày 05 tháng 02 năm 2026');
    assert.equal(vietnameseDate('2025-12-12'), 'ngày 12 tháng 12 năm 2025');
    assert.equal(vietnameseDate('2026-03-09'), 'ngày 09 tháng 3 năm 2026');
    assert.equal(vietnameseDate(null), 'ngày … tháng … năm …');
  });
});

/** The list as [household code, group label, ...] pairs. */
async function beneficiaries(who: string, query: string): Promise<{ rows: string[][]; totals: string[]; ws: ExcelJS.Worksheet }> {
  const r = await get(who, `/api/beneficiaries.xlsx?${query}`);
  assert.equal(r.statusCode, 200, r.body);
  const ws = (await workbook(r.rawPayload)).worksheets[0]!;
  return { rows: tableRows(ws), totals: totalsRow(ws), ws };
}

/** Credit list of Mường Tè at a date: household code → row. */
async function at(date: string): Promise<Map<string | undefined, string[]>> {
  const { rows } = await beneficiaries('mt.canbo', `policy=credit&unit=03445&date=${date}`);
  return new Map(rows.map((r) => [r[1], r]));
}

/** Credit list at a date: household code → group label. */
async function groupsAt(date: string): Promise<Map<string | undefined, string | undefined>> {
  return new Map([...(await at(date))].map(([k, r]) => [k, r[7]]));
}

describe('beneficiary lists', () => {
  test('health insurance: persons of recognised poor and near-poor households at the date', async () => {
    const { rows, totals, ws } = await beneficiaries('mt.canbo', 'policy=health_insurance&unit=03445&date=2026-03-01');
    assert.equal(rows.length, 11);
    assert.equal(totals[0], 'Tổng cộng: 11 người thuộc 6 hộ');
    assert.deepEqual([...new Set(rows.map((r) => r[1]))], ['MT-001', 'MT-002', 'MT-005', 'MT-006', 'MT-007', 'MT-008']);
    assert.deepEqual(rows.map((r) => r[0]), rows.map((_, i) => String(i + 1)), 'running numbers');
    const anh = rows.find((r) => r[2] === 'Lò Thị Ánh')!;
    assert.deepEqual([anh[6], anh[9], anh[10], anh[13], anh[14], anh[15], anh[16]], ['012180000111', '100', 'Hộ nghèo', '01/01/2026', '31/12/2026', '128/QĐ-UBND', '12/12/2025']);
    assert.match(anh[12]!, /Nghị định 188\/2025\/NĐ-CP/);
    const hung = rows.find((r) => r[2] === 'Pờ Xuân Hùng')!;
    assert.deepEqual([hung[9], hung[10]], ['70', 'Hộ cận nghèo']);
    const tua = rows.find((r) => r[2] === 'Giàng A Tủa')!;
    assert.equal(tua[14], '19/05/2026', 'valid until the day before the monthly decision that removed it');
    assert.equal(rows.find((r) => r[2] === 'Pờ Văn Đức')![3], '04/03/2010');
    for (const absent of ['Lò Văn Xuân', 'Đèo Văn Ước', 'Chu Thị Mai', 'Sần Văn Lâm', 'Tẩn Láo Tả', 'Bí Mật', 'Ngoại']) assert.ok(!sheetIncludes(ws, absent), absent);
    assert.equal(rowsOf(ws)[4]![0], BENEFICIARY_POLICIES.health_insurance.titleVi);
    assert.ok(sheetIncludes(ws, 'Đơn vị: Xã Mường Tè, Tỉnh Lai Châu'));
    assert.ok(sheetIncludes(ws, 'Ngày áp dụng: 01/03/2026'));
    assert.ok(sheetIncludes(ws, 'NGƯỜI LẬP DANH SÁCH'));
    assert.ok(ws.model.merges.includes('N10:O10'), `validity heading merged: ${ws.model.merges.join(' ')}`);
  });

  test('before the dissolution date the household is still listed; health-insurance rates follow the settings', async () => {
    const earlier = await beneficiaries('mt.canbo', 'policy=health_insurance&unit=03445&date=2026-02-28');
    assert.ok(earlier.rows.some((r) => r[2] === 'Tẩn Láo Tả'));
    await setBeneficiaryRules(t.database.db, SYSTEM_ACTOR, { healthInsurance: { poorCommuneCodes: ['03445'] }, newlyEscapedWindowMonths: { health_insurance: 36 } }, 'kiểm thử');
    try {
      const { rows } = await beneficiaries('mt.canbo', 'policy=health_insurance&unit=03445&date=2026-03-01');
      assert.equal(rows.find((r) => r[2] === 'Pờ Xuân Hùng')![9], '100', 'near-poor in a poor commune');
      const mai = rows.find((r) => r[2] === 'Chu Thị Mai')!;
      assert.deepEqual([mai[10], mai[13], mai[14]], ['Hộ mới thoát nghèo', '12/12/2025', '12/12/2028']);
    } finally {
      await setBeneficiaryRules(t.database.db, SYSTEM_ACTOR, { healthInsurance: { poorCommuneCodes: [] }, newlyEscapedWindowMonths: { health_insurance: null } }, 'kiểm thử');
    }
  });

  test('credit: newly escaped window boundaries (decision date + 36 months, last day included)', async () => {
    const spring = await at('2026-03-01');
    assert.equal(spring.get('MT-003')![7], 'Hộ mới thoát nghèo');
    assert.equal(spring.get('MT-004')![7], 'Hộ mới thoát cận nghèo');
    assert.equal(spring.get('MT-004')![12], DECISION_2026.number, 'the exit decision is the audit link');
    assert.equal(spring.get('MT-002')![7], 'Hộ cận nghèo', 'poor → near-poor is on the near-poor loan, not the newly-escaped one');
    assert.match(spring.get('MT-003')![8]!, /8,25%\/năm/);
    const last = await at('2028-12-12');
    assert.ok(last.has('MT-003') && last.has('MT-004'));
    assert.equal(last.get('MT-003')![11], '12/12/2028');
    assert.equal(last.get('MT-008')![7], 'Hộ mới thoát nghèo', `monthly exit of ${MONTHLY_DECISION.date}`);
    const dayAfter = await at('2028-12-13');
    assert.ok(!dayAfter.has('MT-003') && !dayAfter.has('MT-004'));
    assert.ok(dayAfter.has('MT-008'));
    assert.ok(!(await at('2029-05-21')).has('MT-008'));
    assert.ok((await at('2029-05-20')).has('MT-008'));
  });

  test('credit: the window length and the annual-list start are settings', async () => {
    // Decided on 12/12/2025, but the 2026 list counts from 1 January: on 20/12/2025 H3 is still poor.
    assert.equal((await groupsAt('2025-12-20')).get('MT-003'), 'Hộ nghèo');
    await setBeneficiaryRules(t.database.db, SYSTEM_ACTOR, { annualListStart: 'decision_date', newlyEscapedWindowMonths: { credit: 24 } }, 'kiểm thử');
    try {
      assert.equal((await groupsAt('2025-12-20')).get('MT-003'), 'Hộ mới thoát nghèo');
      assert.ok((await groupsAt('2027-12-12')).has('MT-003'));
      assert.ok(!(await groupsAt('2027-12-13')).has('MT-003'));
    } finally {
      await setBeneficiaryRules(t.database.db, SYSTEM_ACTOR, { annualListStart: 'january_1', newlyEscapedWindowMonths: { credit: 36 } }, 'kiểm thử');
    }
    await assert.rejects(
      setBeneficiaryRules(t.database.db, SYSTEM_ACTOR, { newlyEscapedWindowMonths: { credit: -1 } }, 'sai'),
      BeneficiaryRulesError,
    );
    assert.equal((await getBeneficiaryRules(t.database.db)).newlyEscapedWindowMonths.credit, 36);
  });

  test('electricity: poor households only, with the monthly amount and its total', async () => {
    const { rows, totals } = await beneficiaries('mt.chutich', 'policy=electricity&unit=03445&date=2026-05-20');
    assert.deepEqual(rows.map((r) => r[1]), ['MT-001', 'MT-005', 'MT-006']);
    assert.deepEqual(rows.map((r) => r[7]), ['49000', '49000', '49000']);
    assert.equal(totals[0], 'Tổng cộng: 3 hộ, 7 nhân khẩu');
    assert.equal(totals[7], '147000');
    assert.match(rows[0]![10]!, /Quyết định 28\/2014\/QĐ-TTg/);
  });

  test('tuition: school-age members of poor and near-poor households; legal basis by date', async () => {
    const { rows } = await beneficiaries('mt.canbo', 'policy=tuition&unit=03445&date=2026-03-01');
    assert.deepEqual(rows.map((r) => [r[2], r[9]]), [['Pờ Văn Đức', '15'], ['Pờ Thị Ngọc', '6']]);
    assert.match(rows[0]![12]!, /Nghị định 238\/2025\/NĐ-CP/);
    const old = await beneficiaries('mt.canbo', 'policy=tuition&unit=03445&date=2025-03-01');
    assert.match(old.rows[0]![12]!, /Nghị định 81\/2021\/NĐ-CP/);
    assert.ok(old.rows.some((r) => r[2] === 'Sần Thị Hằng'), 'near-poor in 2025');
  });

  test('scope: the unit defaults to the caller’s; a province sees its communes; other units are refused', async () => {
    const own = await beneficiaries('mt.canbo', 'policy=electricity&date=2026-03-01');
    assert.deepEqual(own.rows.map((r) => r[1]), ['MT-001', 'MT-005', 'MT-006', 'MT-008']);
    const province = await beneficiaries('lc.tinh', 'policy=electricity&unit=12&date=2026-03-01');
    assert.deepEqual(province.rows.map((r) => r[1]), ['MT-001', 'MT-005', 'MT-006', 'MT-008', 'DK-001']);
    assert.ok(sheetIncludes(province.ws, 'THỦ TRƯỞNG ĐƠN VỊ'));
    for (const [who, unit] of [['dk.canbo', '03445'], ['dk.canbo', '12'], ['db.tinh', '12'], ['db.tinh', '03445'], ['mt.canbo', '03388']] as const) {
      const r = await get(who, `/api/beneficiaries.xlsx?policy=credit&unit=${unit}&date=2026-03-01`);
      assert.equal(r.statusCode, 403, `${who} ${unit}`);
      assert.equal(r.json().error.code, 'unit_out_of_scope');
    }
    const admin = await get('admin', '/api/beneficiaries.xlsx?policy=credit');
    assert.equal(admin.statusCode, 400);
    assert.equal(admin.json().error.code, 'output_unit_required');
    assert.equal((await get('admin', '/api/beneficiaries.xlsx?policy=credit&unit=99999')).json().error.code, 'output_unit_invalid');
    assert.equal((await get('admin', '/api/beneficiaries.xlsx?policy=credit&unit=12&date=2026-02-30')).json().error.code, 'output_date_invalid');
    assert.equal((await get('lc.bcd', '/api/beneficiaries.xlsx?policy=credit&unit=12')).statusCode, 403, 'steering viewers see aggregates only');
  });

  test('every export is audited', async () => {
    const r = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'beneficiary_list.export' and actor_username = 'lc.tinh' and unit_code = '12'`.execute(t.database.db);
    assert.ok(r.rows[0]!.n >= 1);
  });

  test('keyset pages: any page size yields the same list', async () => {
    const rules = await getBeneficiaryRules(t.database.db);
    const list = async (pageSize: number) => {
      const out: string[] = [];
      const q = { policy: BENEFICIARY_POLICIES.health_insurance, rules, scope: { level: 'province', provinceCode: '12' } as const, unit: { provinceCode: '12' }, date: '2026-03-01', pageSize };
      for await (const page of beneficiaryPages(t.database.db, q)) for (const h of page) out.push(`${h.code}:${h.persons.length}`);
      return out;
    };
    const whole = await list(500);
    assert.equal(whole.length, 7);
    assert.deepEqual(await list(1), whole);
    assert.deepEqual(await list(2), whole);
    assert.deepEqual(await list(3), whole);
  });
});

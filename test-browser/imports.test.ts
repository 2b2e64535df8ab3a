/**
 * Browser test of the bulk import page on the real server (issue 5, "Done when", in the browser): the
 * province officer of Lai Châu downloads the form B template of the open review campaign (households,
 * members and form B sheets with Vietnamese headers and drop-down validation), fills it with a few
 * hundred households of Xã Mường Tè including bad cells, uploads it, reads the dry-run findings (sheet,
 * row, column, Vietnamese message), downloads the highlighted report, fixes the rows it points at,
 * uploads again, commits, sees the progress reach the end with the counts and the classes, finds the
 * households classified in the household list, and uploading the same file once more changes nothing.
 *
 * The officer's workbook is written with exceljs from the downloaded template's sheets and header rows
 * (read with exceljs's streaming reader): exceljs's full reader expands the template's drop-down ranges
 * (200,000 rows per column) cell by cell, which takes minutes, while Excel or LibreOffice open it at once.
 * The drop-downs themselves are checked in the template's sheet XML.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './harness.ts';
import { browserSuite } from './suite.ts';
import { openPage, signIn } from './session.ts';

const COMMUNE = '03445';
/** Households in the file: every third poor, every third near poor, every third neither. */
const HOUSEHOLDS = 600;
const PREFIX = 'NHAPLIEU-';

const suite = browserSuite(900_000);

// ---- the officer's file ----

type Cells = Record<string, string | number>;
type SheetRows = Record<'households' | 'members' | 'surveys', Cells[]>;

const code = (i: number) => `${PREFIX}${String(i + 1).padStart(4, '0')}`;
/** Head names are unique: the list finds a household by name (its code search takes digits only). */
const head = (i: number) => `Pờ Ma Hộ Số ${String(i + 1).padStart(4, '0')}`;
const classOf = (i: number) => (['none', 'near_poor', 'poor'] as const)[i % 3]!;
const INCOME = { none: 6_000_000, near_poor: 1_500_000, poor: 1_000_000 } as const;

/** The rows as an officer types them, by Vietnamese header (labels from the drop-downs). */
function fileRows(surveyedOn: string): SheetRows {
  const rows: SheetRows = { households: [], members: [], surveys: [] };
  const adult = { 'Có thẻ bảo hiểm y tế': 'Có', 'Trình độ giáo dục cao nhất': 'Trung học phổ thông', 'Tình trạng việc làm': 'Tự làm, sản xuất kinh doanh', 'Dân tộc': 'Hà Nhì' };
  for (let i = 0; i < HOUSEHOLDS; i++) {
    const poor = classOf(i) === 'poor';
    rows.households.push({
      'Mã hộ': code(i),
      'Mã xã/phường': COMMUNE,
      'Địa chỉ': `Bản Nậm Củm, xã Mường Tè (${i + 1})`,
      'Diện tích nhà ở (m²)': 40,
      'Vật liệu cột (khung)': 'Gỗ bền chắc',
      'Vật liệu tường': 'Gạch, đá',
      'Vật liệu mái': 'Tôn',
      'Nguồn nước sinh hoạt chính': poor ? 'Nước sông, suối, ao, hồ' : 'Giếng khoan',
      'Loại nhà tiêu': poor ? 'Không có nhà tiêu' : 'Tự hoại',
      'Sử dụng dịch vụ internet': poor ? 'Không' : 'Có',
      'Có thuê bao điện thoại': poor ? 'Không' : 'Có',
      'Phương tiện tiếp cận thông tin': poor ? 'Không có' : 'Điện thoại thông minh',
      'Nghe được loa truyền thanh': 'Có',
      'Xử lý rác thải sinh hoạt': 'Được thu gom',
    });
    rows.members.push(
      { 'Mã hộ': code(i), 'STT trong hộ': 1, 'Họ và tên': head(i), 'Ngày sinh': '04/03/1980', 'Giới tính': 'Nam', 'Quan hệ với chủ hộ': 'Chủ hộ', ...adult },
      { 'Mã hộ': code(i), 'STT trong hộ': 2, 'Họ và tên': `Lỳ Mé Hộ ${i + 1}`, 'Năm sinh': 1984, 'Giới tính': 'Nữ', 'Quan hệ với chủ hộ': 'Vợ/chồng', ...adult },
    );
    rows.surveys.push({ 'Mã hộ': code(i), 'Ngày khảo sát': surveyedOn, 'Thu nhập bình quân đầu người/tháng (đồng)': INCOME[classOf(i)] });
  }
  return rows;
}

/** Three bad cells, each in another household: [sheet, row index, header, bad value]. */
const BAD_CELLS = [
  ['households', 2, 'Nguồn nước sinh hoạt chính', 'Nước giếng làng'],
  ['members', 9, 'Năm sinh', 1850],
  ['surveys', 7, 'Thu nhập bình quân đầu người/tháng (đồng)', '1tr2'],
] as const;

const SHEET_NAMES = { households: 'Hộ gia đình', members: 'Thành viên', surveys: 'Phiếu B' } as const;

/** Header row of each sheet (cell texts, required ones end in " *"), read with exceljs's streaming reader. */
async function headerRows(file: string): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', entries: 'ignore' });
  for await (const sheet of reader) {
    const ws = sheet as unknown as AsyncIterable<ExcelJS.Row> & { name: string };
    const rows: string[][] = [];
    for await (const row of ws) rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v))));
    out.set(ws.name, rows[0] ?? []);
    if (ws.name === 'Đơn vị') out.set('units', rows.slice(1).map((r) => r[0]!));
  }
  return out;
}

/** The sheet XML of each worksheet by name (drop-downs are checked there). */
async function sheetXml(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(await fs.promises.readFile(file));
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/gu)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${m[2]}"`, 'u').exec(rels)!;
    const text = await zip.file(`xl/${(target[1] ?? target[2])!.replace(/^\/?xl\//u, '')}`)!.async('string');
    out.set(m[1]!, text.replaceAll('&apos;', "'").replaceAll('&quot;', '"'));
  }
  return out;
}

/** The officer's workbook: the template's instructions and data sheets with its header rows, and the rows. */
async function writeWorkbook(file: string, headers: Map<string, string[]>, rows: SheetRows): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Hướng dẫn').addRow(['Mẫu nhập phiếu B, điền ở xã Mường Tè']);
  for (const [id, name] of Object.entries(SHEET_NAMES) as Array<[keyof SheetRows, string]>) {
    const header = headers.get(name)!;
    const ws = wb.addWorksheet(name);
    ws.addRow(header);
    const keys = header.map((h) => h.replace(/ \*$/u, ''));
    for (const r of rows[id]) ws.addRow(keys.map((k) => r[k] ?? null));
  }
  await wb.xlsx.writeFile(file);
}

// ---- the page ----

async function check(res: Awaited<ReturnType<Page['request']['get']>>, what: string) {
  const body = await res.text();
  assert.ok(res.ok(), `${what}: HTTP ${res.status()} ${body}`);
  return JSON.parse(body);
}

/** Picks an option of an Ant Design select (found by test id). */
async function choose(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last().getByTitle(option, { exact: true }).click();
  await page.getByTestId(testId).getByText(option).waitFor();
}

async function shot(page: Page, name: string) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1440, height: Math.min(Math.max(height, 900), 4000) });
  await page.screenshot({ path: path.join(suite.shots, name) });
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function download(page: Page, testId: string): Promise<string> {
  const event = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const d = await event;
  const file = path.join(suite.shots, d.suggestedFilename());
  await d.saveAs(file);
  return file;
}

/** Uploads the file and waits for the job's check to end (state `validated`); returns the job card. */
async function uploadAndCheck(page: Page, file: string) {
  const previous = await page.getByTestId('import-job').getAttribute('data-job').catch(() => null);
  await page.getByTestId('imports-page').locator('input[type="file"]').setInputFiles(file);
  await page.getByTestId('imports-upload').click();
  const job = page.locator(`[data-testid="import-job"]${previous ? `:not([data-job="${previous}"])` : ''}`);
  await job.waitFor();
  await page.locator('[data-testid="import-job"][data-state="validated"]').waitFor({ timeout: 300_000 });
  return job;
}

async function commitAndWait(page: Page) {
  await page.getByTestId('import-commit').click();
  await page.locator('[data-testid="import-job"][data-state="committed"]').waitFor({ timeout: 300_000 });
}

async function resultCounts(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of ['inserted', 'updated', 'unchanged', 'rejected', 'surveys', 'surveys-unchanged', 'classified', 'poor', 'near-poor', 'none', 'failed']) {
    out[name] = (await page.getByTestId(`import-result-${name}`).innerText()).trim();
  }
  return out;
}

// ---- the path ----

test('province officer: template, upload with bad cells, findings and report, fix, commit with progress and classes, re-upload unchanged', { timeout: 1_200_000 }, async () => {
  const { page, errors, close } = await openPage(suite.chrome.browser, suite.server.url);
  try {
    await signIn(page, 'lc.tinh', DEMO_PASSWORD);
    const me = await check(await page.request.get('/api/auth/me'), 'me');
    const headers = { 'x-csrf-token': me.csrfToken as string };
    // The campaign the household list shows classes of: the newest open periodic one with a review of the commune.
    const campaigns = (await check(await page.request.get('/api/campaigns?status=open', { headers }), 'campaigns')).items as Array<{ id: number; title: string; kind: string; year: number }>;
    let campaign: { id: number; title: string } | undefined;
    for (const c of campaigns.filter((x) => x.kind === 'periodic').toSorted((a, b) => b.year - a.year || b.id - a.id)) {
      const reviews = (await check(await page.request.get(`/api/reviews?campaignId=${c.id}`, { headers }), 'reviews')).items as Array<{ communeCode: string; state: string }>;
      const review = reviews.find((r) => r.communeCode === COMMUNE);
      if (review) {
        assert.ok(!['decided', 'submitted', 'accepted'].includes(review.state), `the demo's review of ${COMMUNE} is open for surveys (${review.state})`);
        campaign = c;
        break;
      }
    }
    assert.ok(campaign, `an open campaign with a review of ${COMMUNE}`);

    // 1. The page, form B of the campaign, the template.
    await page.getByRole('menuitem', { name: 'Nhập liệu' }).click();
    await page.getByTestId('imports-page').waitFor();
    await page.getByTestId('imports-kind').getByText('Phiếu B (khảo sát hộ) của đợt rà soát').click();
    await choose(page, 'imports-campaign', campaign.title);
    const template = await download(page, 'imports-template');
    assert.match(path.basename(template), /\.xlsx$/u);
    const templateHeaders = await headerRows(template);
    for (const name of ['Hướng dẫn', 'Hộ gia đình', 'Thành viên', 'Phiếu B', 'Đơn vị']) assert.ok(templateHeaders.has(name), `template sheet ${name}`);
    assert.deepEqual(templateHeaders.get('Hộ gia đình')!.slice(0, 3), ['Mã hộ *', 'Mã xã/phường *', 'Mã thôn/tổ dân phố']);
    assert.deepEqual(templateHeaders.get('Thành viên')!.slice(0, 4), ['Mã hộ *', 'STT trong hộ', 'Họ và tên *', 'Ngày sinh']);
    assert.deepEqual(templateHeaders.get('Phiếu B')!.slice(0, 2), ['Mã hộ *', 'Ngày khảo sát *']);
    assert.ok(templateHeaders.get('units')!.includes(COMMUNE), 'the units sheet lists Mường Tè');
    const xml = await sheetXml(template);
    const households = xml.get('Hộ gia đình')!;
    // Drop-downs: the commune column reads the units sheet, coded columns the hidden lists, yes/no columns Có/Không.
    assert.match(households, /<dataValidation [^>]*type="list"[^>]*sqref="B2:B200000"[^>]*>\s*<formula1>'Đơn vị'!\$A\$2:\$A\$\d+<\/formula1>/u);
    assert.match(households, /<dataValidation [^>]*type="list"[^>]*>\s*<formula1>'Danh mục'!\$[A-Z]+\$2:\$[A-Z]+\$\d+<\/formula1>/u);
    assert.match(households, /<formula1>"Có,Không"<\/formula1>/u);
    assert.match(xml.get('Thành viên')!, /<dataValidation [^>]*type="list"/u);

    // 2. The filled file with three bad cells: the findings name sheet, row and column in Vietnamese.
    const now = new Date(Date.now() + 7 * 3600_000 - 2 * 86400_000).toISOString(); // two days ago in Vietnam
    const rows = fileRows(`${now.slice(8, 10)}/${now.slice(5, 7)}/${now.slice(0, 4)}`);
    const good = structuredClone(rows);
    for (const [sheet, i, header, value] of BAD_CELLS) rows[sheet][i]![header] = value;
    const file = path.join(suite.shots, 'phieu-b-muong-te.xlsx');
    await writeWorkbook(file, templateHeaders, rows);
    await uploadAndCheck(page, file);
    assert.match(await page.getByTestId('import-findings-summary').innerText(), /Có 3 lỗi ở 3 hộ/u);
    const findings = page.getByTestId('import-findings');
    const finding = async (sheet: string, line: number) => (await findings.locator(`tr[data-sheet="${sheet}"][data-line="${line}"]`).innerText()).replace(/\s+/gu, ' ');
    assert.match(await finding('households', 4), /Hộ gia đình 4 NHAPLIEU-0003 Nguồn nước sinh hoạt chính "Nguồn nước sinh hoạt chính" = "Nước giếng làng" không có trong danh mục/u);
    assert.match(await finding('members', 11), /Thành viên 11 NHAPLIEU-0005 Năm sinh "Năm sinh" = 1850 phải trong khoảng 1880 – 2100/u);
    assert.match(await finding('surveys', 9), /Phiếu B 9 NHAPLIEU-0008 Thu nhập bình quân đầu người\/tháng \(đồng\) .* = "1tr2" phải là số nguyên/u);
    assert.equal(await findings.locator('tbody tr[data-line]').count(), 3);
    await shot(page, 'imports-1-findings.png');

    // 3. The report: the rows of the three households, the bad cells in red; the officer fixes those cells.
    const report = await download(page, 'import-report');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(report);
    const fixes: string[] = [];
    for (const [id, name] of Object.entries(SHEET_NAMES) as Array<[keyof SheetRows, string]>) {
      const ws = wb.getWorksheet(name)!;
      const header = (ws.getRow(1).values as unknown[]).slice(1).map((h) => String(h).replace(/ \*$/u, ''));
      assert.equal(header.at(-1), 'Lỗi');
      ws.eachRow((row, n) => {
        if (n === 1) return;
        row.eachCell((cell, col) => {
          if ((cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb !== 'FFFFC7CE' || col === header.length) return;
          const householdCode = row.getCell(1).text;
          const i = rows[id].findIndex((r) => r['Mã hộ'] === householdCode && (id !== 'members' || String(r['STT trong hộ']) === row.getCell(2).text));
          assert.ok(row.getCell(header.length).text.length > 0, 'the row says what is wrong');
          rows[id][i]![header[col - 1]!] = good[id][i]![header[col - 1]!]!;
          fixes.push(`${id}:${i}:${header[col - 1]}`);
        });
      });
    }
    assert.deepEqual(fixes.toSorted(), BAD_CELLS.map(([s, i, h]) => `${s}:${i}:${h}`).toSorted());
    await writeWorkbook(file, templateHeaders, rows);

    // 4. Upload again: clean; commit; the bar ends full with the counts; the households are classified.
    await uploadAndCheck(page, file);
    await page.getByTestId('import-clean').waitFor();
    await commitAndWait(page);
    const bar = page.getByTestId('import-progress');
    assert.equal(await bar.getAttribute('data-step'), 'committed');
    assert.equal(await bar.getAttribute('data-done'), String(HOUSEHOLDS));
    assert.equal(await bar.getAttribute('data-total'), String(HOUSEHOLDS));
    assert.match(await bar.innerText(), /Đã ghi xong: 600 \/ 600 hộ/u);
    await bar.locator('.ant-progress-status-success').waitFor();
    const third = String(HOUSEHOLDS / 3);
    assert.deepEqual(await resultCounts(page), {
      inserted: String(HOUSEHOLDS),
      updated: '0',
      unchanged: '0',
      rejected: '0',
      surveys: String(HOUSEHOLDS),
      'surveys-unchanged': '0',
      classified: String(HOUSEHOLDS),
      poor: third,
      'near-poor': third,
      none: third,
      failed: '0',
    });
    await shot(page, 'imports-2-committed.png');

    // 5. Uploading the same file again: nothing changes.
    await uploadAndCheck(page, file);
    await commitAndWait(page);
    const again = await resultCounts(page);
    assert.deepEqual([again.inserted, again.updated, again.unchanged, again.surveys, again['surveys-unchanged']], ['0', '0', String(HOUSEHOLDS), '0', String(HOUSEHOLDS)]);
    await shot(page, 'imports-3-unchanged.png');

    // 6. The household list of Mường Tè shows the imported households with their class in the review
    //    (searched by the head's name without diacritics).
    await page.goto(`/#/households/?commune=${COMMUNE}`);
    const search = page.locator('[data-testid="households-search"] input, input[data-testid="households-search"]').first();
    const table = page.getByTestId('households-table');
    for (const i of [2, 1, 0]) {
      await search.fill(`po ma ho so ${String(i + 1).padStart(4, '0')}`);
      await search.press('Enter');
      const row = table.locator('tr', { hasText: code(i) });
      await row.getByText(head(i)).waitFor();
      await row.locator(`[data-class="${classOf(i)}"]`).waitFor();
    }
    await search.fill('Pờ Ma Hộ Số');
    await search.press('Enter');
    await page.getByText(`Tổng số: ${HOUSEHOLDS}`).waitFor();
    await choose(page, 'households-review-class', 'Hộ nghèo');
    await page.getByText(`Tổng số: ${HOUSEHOLDS / 3}`).waitFor();
    await shot(page, 'imports-4-household-list.png');
    assert.deepEqual(errors, []);
    console.log(`screenshots: ${suite.shots}`);
  } catch (err) {
    await shot(page, 'imports-failure.png').catch(() => undefined);
    console.log(`screenshots: ${suite.shots}`);
    throw err;
  } finally {
    await close();
  }
});

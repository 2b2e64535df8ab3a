/**
 * Browser test of the report forms on the real server with the demo seed: the Lai Châu province
 * officer opens "Báo cáo", chooses F1 for list year 2025 at the province (rows: communes) and then at
 * Xã Mường Tè (rows: villages), checks in the page that every count column of the total row is the
 * sum of the rows, reads the unit layout the report states, downloads the form as Excel (opened with
 * exceljs: title, layout line, merged multi-level header) and PDF, and opens a detailed list (F15).
 * The Mường Tè commune officer sees only their commune and is refused the province's report.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './harness.ts';
import { browserSuite } from './suite.ts';
import { openPage, signIn } from './session.ts';


/** List year of the demo's recognised lists (made by the 2024 periodic review). */
const YEAR = 2025;
const PROVINCE = '12';
const COMMUNE = '03445';

const suite = browserSuite(600_000);

/** Waits until the page shows the report asked for, loaded (not the previous one kept while loading). */
async function waitForReport(page: Page, want: { form: string; unit: string; year?: number; layout?: string }): Promise<void> {
  const attrs = [
    '[data-state="ready"]',
    `[data-form="${want.form}"]`,
    `[data-unit="${want.unit}"]`,
    `[data-year="${want.year ?? YEAR}"]`,
    ...(want.layout ? [`[data-layout="${want.layout}"]`] : []),
  ].join('');
  await page.locator(`[data-testid="report-result"]${attrs}`).waitFor({ timeout: 120_000 });
  await page.getByTestId('report-table').locator('[data-testid="report-row"]').first().waitFor();
}

const OPEN_DROPDOWN = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';

/** Clicks an entry of the open drop-down (`item`: its CSS class), then waits until the drop-down has closed. */
async function pickFromDropdown(page: Page, item: string, name: RegExp): Promise<void> {
  await page.locator(`${OPEN_DROPDOWN} ${item}`).filter({ hasText: name }).click();
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 0, OPEN_DROPDOWN);
}

async function chooseForm(page: Page, form: string): Promise<void> {
  await page.getByTestId('report-form').click();
  await pickFromDropdown(page, '.ant-select-item-option', new RegExp(`^${form}\\. `));
}

/**
 * In the page: for every count column, Σ rows = total row (per Hộ / Nhân khẩu breakdown). Returns the
 * number of columns checked and any mismatch.
 */
async function totalsMismatches(page: Page): Promise<{ checked: number; rows: number; mismatches: string[] }> {
  return page.getByTestId('report-table').evaluate((table) => {
    const rows = [...table.querySelectorAll('tr[data-testid="report-row"]')];
    const totals = [...table.querySelectorAll('tr[data-testid="report-total-row"]')];
    const mismatches: string[] = [];
    let checked = 0;
    for (const total of totals) {
      const breakdown = total.getAttribute('data-breakdown');
      for (const cell of total.querySelectorAll('td[data-kind="count"]')) {
        const col = cell.getAttribute('data-col')!;
        const sum = rows
          .filter((r) => r.getAttribute('data-breakdown') === breakdown)
          .reduce((acc, r) => acc + Number(r.querySelector(`td[data-col="${CSS.escape(col)}"]`)?.getAttribute('data-value') || 0), 0);
        const want = Number(cell.getAttribute('data-value') || 0);
        checked++;
        if (sum !== want) mismatches.push(`${col}/${breakdown}: rows ${sum} ≠ total ${want}`);
      }
    }
    return { checked, rows: rows.length, mismatches, totals: totals.length } as { checked: number; rows: number; mismatches: string[] };
  });
}

async function totalOf(page: Page, col: string): Promise<number> {
  return Number(await page.locator(`tr[data-testid="report-total-row"] td[data-col="${col}"]`).first().getAttribute('data-value'));
}

/** On failure: a screenshot and what the reports page showed, added to the error. */
async function failWith(page: Page, name: string, err: unknown): Promise<never> {
  await page.screenshot({ path: path.join(suite.shots, name), fullPage: true }).catch(() => undefined);
  const shown = await page.getByTestId('reports-page').innerText({ timeout: 2000 }).catch(() => '(no reports page)');
  throw new Error(`${(err as Error).message}\n--- page (${path.join(suite.shots, name)}):\n${shown.slice(0, 3000)}`, { cause: err });
}

/** Chooses a unit in the report's unit picker by searching its name. */
async function pickUnit(page: Page, search: string, name: RegExp): Promise<void> {
  await page.getByTestId('report-unit').click();
  await page.keyboard.type(search);
  await pickFromDropdown(page, '.ant-select-tree-node-content-wrapper', name);
}

/** The first sheet of an .xlsx file (opened with exceljs), its cell texts and merged ranges. */
async function firstSheet(bytes: Buffer): Promise<{ texts: string[]; merges: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const texts: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.text ?? ''))));
  return { texts, merges: (ws.model as unknown as { merges: string[] }).merges };
}

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const waiting = page.waitForEvent('download');
  await page.getByTestId(button).click();
  const file = await waiting;
  return { name: file.suggestedFilename(), bytes: await fs.promises.readFile((await file.path())!) };
}

test('the province officer reads F1 at the province and at a commune, downloads Excel and PDF, and opens the poor list', { timeout: 300_000 }, async () => {
  const { page, errors, close } = await openPage(suite.chrome.browser, suite.server.url);
  try {
    await signIn(page, 'lc.tinh', DEMO_PASSWORD);
    await page.goto('/#/reports');
    await page.getByTestId('reports-page').waitFor();
    await page.getByTestId('report-year').fill(String(YEAR));
    await page.getByTestId('report-year').press('Tab');

    // Province level (the officer's own unit by default): one row per commune, and the total row.
    await waitForReport(page, { form: 'F1', unit: PROVINCE });
    const province = await totalsMismatches(page);
    assert.equal(province.rows, 38, 'the 38 communes of Lai Châu are rows');
    assert.ok(province.checked >= 6, `count columns checked: ${province.checked}`);
    assert.deepEqual(province.mismatches, []);
    const provinceHouseholds = await totalOf(page, 'households');
    const provincePoor = await totalOf(page, 'poor_h');
    assert.ok(provinceHouseholds > 100 && provincePoor > 0, `households ${provinceHouseholds}, poor ${provincePoor}`);
    assert.match(await page.getByTestId('report-layout').innerText(), /2025/);
    assert.match(await page.getByTestId('report-result').innerText(), /Đơn vị hành chính theo bố cục năm 2025 \(hai cấp: tỉnh – xã\)/);
    await page.screenshot({ path: path.join(suite.shots, 'reports-province-f1.png'), fullPage: true });

    // Excel in the official layout: title, the layout line, merged multi-level header, the total row.
    const excel = await download(page, 'report-excel');
    assert.match(excel.name, /\.xlsx$/);
    const { texts, merges } = await firstSheet(excel.bytes);
    assert.ok(texts.some((t) => t.startsWith('Biểu F1. TỔNG HỢP KẾT QUẢ CHÍNH THỨC RÀ SOÁT HỘ NGHÈO')), 'title');
    assert.ok(texts.some((t) => t.includes('bố cục năm 2025')), 'the layout line');
    assert.ok(texts.includes('Tổng cộng'), 'total row');
    assert.ok(merges.some((m) => /^[A-Z]+(\d+):[A-Z]+\1$/.test(m)), `a header cell spanning columns: ${merges.join(' ')}`);
    assert.ok(merges.some((m) => /^[A-Z]+(\d+):[A-Z]+(?!\1)\d+$/.test(m)), `a header cell spanning rows: ${merges.join(' ')}`);

    const pdf = await download(page, 'report-pdf');
    assert.match(pdf.name, /\.pdf$/);
    assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');

    // Commune level: Xã Mường Tè, rows are its villages; its totals are within the province's.
    await pickUnit(page, 'Mường Tè', /^Xã Mường Tè/);
    await waitForReport(page, { form: 'F1', unit: COMMUNE });
    const commune = await totalsMismatches(page);
    assert.ok(commune.rows >= 2, `villages of Mường Tè: ${commune.rows}`);
    assert.deepEqual(commune.mismatches, []);
    const communeHouseholds = await totalOf(page, 'households');
    assert.ok(communeHouseholds > 0 && communeHouseholds < provinceHouseholds, `commune ${communeHouseholds} of ${provinceHouseholds}`);
    assert.match(await page.getByTestId('report-result').innerText(), /Xã Mường Tè/);
    await page.screenshot({ path: path.join(suite.shots, 'reports-commune-f1.png'), fullPage: true });

    // A detailed list: F15, one row per member, the household's number on its first row.
    await chooseForm(page, 'F15');
    await waitForReport(page, { form: 'F15', unit: COMMUNE });
    const firstNo = await page.getByTestId('report-table').locator('[data-testid="report-row"]').first().locator('td').first().innerText();
    assert.equal(firstNo.trim(), '1');
    assert.match(await page.getByTestId('report-result').innerText(), /Danh sách chi tiết hộ nghèo/);
    const listPdf = await download(page, 'report-pdf');
    assert.equal(listPdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    await page.screenshot({ path: path.join(suite.shots, 'reports-commune-f15.png'), fullPage: true });

    // The same year in the layout of its time: province – district – commune, district subtotal rows,
    // the same province total (the detailed list gives way to F1: lists exist in the 2025 layout only).
    await page.getByTestId('unit-layout').getByText('Trước 01/07/2025 (3 cấp: tỉnh – huyện – xã)').click();
    await waitForReport(page, { form: 'F1', unit: PROVINCE, layout: '2024' });
    const old = await totalsMismatches(page);
    assert.deepEqual(old.mismatches, []);
    assert.equal(await totalOf(page, 'households'), provinceHouseholds, 'the province total is the same in both layouts');
    assert.equal(await totalOf(page, 'poor_h'), provincePoor);
    const subtotals = await page.locator('tr[data-testid="report-subtotal-row"] td[data-col="households"]').evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
    assert.ok(subtotals.length >= 2, `district subtotal rows: ${subtotals.length}`);
    assert.equal(subtotals.reduce((a, b) => a + b, 0), provinceHouseholds, 'Σ district subtotals = total');
    assert.match(await page.getByTestId('report-layout').innerText(), /Trước 01\/07\/2025/);
    assert.match(await page.getByTestId('report-result').innerText(), /ba cấp: tỉnh – huyện – xã/);
    const oldExcel = await download(page, 'report-excel');
    assert.ok((await firstSheet(oldExcel.bytes)).texts.some((t) => t.includes('ba cấp: tỉnh – huyện – xã')), 'the Excel file states the 2024 layout');
    await page.screenshot({ path: path.join(suite.shots, 'reports-province-f1-2024.png'), fullPage: true });
    assert.deepEqual(errors, []);
  } catch (err) {
    await failWith(page, 'reports-province-failure.png', err);
  } finally {
    await close();
  }
});

test('the commune officer sees only their commune', { timeout: 180_000 }, async () => {
  const { page, errors, close } = await openPage(suite.chrome.browser, suite.server.url);
  try {
    await signIn(page, 'lc.muongte', DEMO_PASSWORD);
    await page.goto('/#/reports');
    await page.getByTestId('report-year').fill(String(YEAR));
    await page.getByTestId('report-year').press('Tab');
    await waitForReport(page, { form: 'F1', unit: COMMUNE });
    assert.deepEqual((await totalsMismatches(page)).mismatches, []);
    // The unit picker offers the commune and nothing above it.
    await page.getByTestId('report-unit').click();
    const offered = page.locator(`${OPEN_DROPDOWN} .ant-select-tree-node-content-wrapper`);
    await offered.first().waitFor();
    const names = await offered.allInnerTexts();
    assert.ok(names.length >= 1 && names.every((n) => !/Tỉnh/.test(n)), `offered: ${names.join(', ')}`);
    assert.ok(names.some((n) => n.includes('Xã Mường Tè')));
    await page.keyboard.press('Escape');
    // The province's report is refused by the server as well.
    const status = await page.evaluate(async (y) => (await fetch(`/api/reports/F1?year=${y}&unit=12`)).status, YEAR);
    assert.equal(status, 403);

    // Mường Tè was formed from the old communes Mường Tè and Nậm Khao: the officer records the former
    // commune of two villages, then reads old Nậm Khao in the 2024 layout — its row is the village given to it.
    await page.getByTestId('unit-layout').getByText('Trước 01/07/2025 (3 cấp: tỉnh – huyện – xã)').click();
    await page.getByTestId('report-origins').click();
    const modal = page.getByTestId('origins-modal');
    const selects = modal.locator('[data-testid^="origin-"]');
    await selects.nth(1).waitFor();
    const [toNamKhao, toMuongTe] = (await selects.evaluateAll((els) => els.slice(0, 2).map((e) => e.getAttribute('data-testid')!.replace('origin-', '')))) as [string, string];
    const pick = async (village: string, name: RegExp) => {
      await modal.getByTestId(`origin-${village}`).click();
      await pickFromDropdown(page, '.ant-select-item-option', name);
    };
    await pick(toNamKhao, /^Xã Nậm Khao \(03457\)$/);
    await pick(toMuongTe, /^Xã Mường Tè \(03445\)$/);
    await page.getByTestId('origins-save').click();
    await modal.waitFor({ state: 'detached' });
    await pickUnit(page, 'Nậm Khao', /^Xã Nậm Khao/);
    await waitForReport(page, { form: 'F1', unit: '03457', layout: '2024' });
    const codes = await page.getByTestId('report-table').locator('tr[data-testid="report-row"]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')));
    assert.deepEqual(codes, [`${COMMUNE}:${toNamKhao}`]);
    assert.deepEqual((await totalsMismatches(page)).mismatches, []);
    await page.screenshot({ path: path.join(suite.shots, 'reports-commune-2024-nam-khao.png'), fullPage: true });
    assert.deepEqual(errors, []);
  } catch (err) {
    await failWith(page, 'reports-commune-failure.png', err);
  } finally {
    await close();
  }
});

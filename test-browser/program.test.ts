/**
 * Browser test of the program screens on the real server with the demo data (Lai Châu): the province
 * officer sets a 2026 target and sees its verdict, is refused an allocation beyond the plan (Vietnamese
 * message), allocates and disburses, sees the communes behind the schedule and the late reporters,
 * and prints the steering-committee summary.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, screenshotDir, startTestServer, type TestServer } from './harness.ts';
import { launchChromium, type LaunchedChromium } from './chromium.ts';
import { openPage, signIn } from './session.ts';

let server: TestServer | undefined;
let chrome: LaunchedChromium | undefined;
let shots: string;

before(async () => {
  shots = await screenshotDir();
  server = await startTestServer();
  chrome = await launchChromium();
}, { timeout: 400_000 });

after(async () => {
  await chrome?.close();
  await server?.close();
});

/** Opens an antd Select by its test id and picks the option (by text, or the first one). */
async function pick(page: Page, testId: string, text?: string): Promise<void> {
  await page.getByTestId(testId).click();
  const options = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
  await (text ? options.filter({ hasText: text }).first() : options.first()).click();
}

test('targets, budget, late reporters and the steering summary', { timeout: 240_000 }, async () => {
  const { page, errors, close } = await openPage(chrome!.browser, server!.url);
  try {
    await signIn(page, 'lc.tinh', DEMO_PASSWORD);

    // Targets: the demo has 2026 targets; set the province's poverty-rate target.
    await page.getByRole('menuitem', { name: 'Chỉ tiêu chương trình' }).click();
    await pick(page, 'program-year', '2026');
    const table = page.getByTestId('targets-table');
    await table.getByText('Tỷ lệ hộ nghèo dân tộc thiểu số').first().waitFor();
    await pick(page, 'target-indicator', 'Số nhà ở được hỗ trợ');
    await page.getByTestId('target-value').fill('345');
    await page.getByTestId('target-save').click();
    await table.locator('tr', { hasText: 'Số nhà ở được hỗ trợ' }).getByText('345').waitFor();
    assert.ok((await table.locator('[data-testid^="target-status-"]').count()) >= 8);
    await page.screenshot({ path: path.join(shots, 'program-targets.png'), fullPage: true });

    // Budget: an allocation beyond the plan is refused in Vietnamese; a valid one and a disbursement go through.
    await page.getByRole('menuitem', { name: 'Kinh phí chương trình' }).click();
    await pick(page, 'program-year', '2026');
    await page.getByTestId('plan-lines').getByText('HP1.').first().waitFor();
    await page.getByRole('tab', { name: 'Phân bổ cho xã' }).click();
    await pick(page, 'allocate-line', 'HP1');
    await pick(page, 'allocate-unit');
    await page.getByTestId('allocate-amount').fill('999.000.000.000');
    await page.getByTestId('allocate-save').click();
    await page.getByText(/Không phân bổ được 999\.000\.000\.000 đồng/).waitFor();
    await page.getByTestId('allocate-amount').fill('1.000.000.000');
    await page.getByTestId('allocate-save').click();
    await page.getByText('Đã lưu.').first().waitFor();

    await page.getByRole('tab', { name: 'Ghi giải ngân' }).click();
    await pick(page, 'disburse-line', 'HP1');
    await pick(page, 'disburse-unit');
    await page.getByTestId('disburse-date').click();
    await page.keyboard.type('15/07/2026');
    await page.keyboard.press('Enter');
    await page.getByTestId('disburse-amount').fill('250.000.000');
    await page.getByTestId('disburse-doc').fill('UNC-TRINH-DUYET-01');
    await page.getByTestId('disburse-save').click();
    await page.getByTestId('disbursements').getByText('UNC-TRINH-DUYET-01').waitFor();
    assert.ok((await page.getByTestId('unit-progress').locator('[data-testid^="lagging-"]').count()) > 0, 'some communes lag the schedule');
    await page.screenshot({ path: path.join(shots, 'program-budget.png'), fullPage: true });

    // Reports: the six-month period of 2026 has late communes; the summary prints as a PDF.
    await page.getByRole('menuitem', { name: 'Báo cáo giám sát' }).click();
    await pick(page, 'program-year', '2026');
    await page.getByTestId('report-period').getByText('6 tháng').click();
    const status = page.getByTestId('report-status');
    await status.getByText('Quá hạn, chưa nộp').first().waitFor();
    assert.ok((await status.getByText('Đã nộp đúng hạn').count()) > 0);
    await page.screenshot({ path: path.join(shots, 'program-reports.png'), fullPage: true });
    const href = await page.getByTestId('summary-pdf').getAttribute('href');
    assert.equal(href, '/api/program/summary.pdf?year=2026&period=H1');
    const pdf = await page.request.get(`${server!.url}${href}`);
    assert.equal(pdf.status(), 200);
    assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
    assert.deepEqual(errors, []);
  } catch (err) {
    await page.screenshot({ path: path.join(shots, 'program-failure.png'), fullPage: true }).catch(() => {});
    throw new Error(`${(err as Error).message}\npage errors: ${JSON.stringify(errors)}\nscreenshot: ${shots}/program-failure.png`);
  } finally {
    await close();
  }
});

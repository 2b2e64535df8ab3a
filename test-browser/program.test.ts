/**
 * Browser test of the program screens on the real server with the demo data (Lai Châu, 2026), every
 * step checked on what the page shows:
 * 1. the province officer sets 2026 targets (one the projection judges "at risk", one for a commune),
 *    is refused an allocation beyond the plan (Vietnamese message), allocates money of two projects to
 *    two communes and disburses it (plan lines, hints and the disbursement list show the new figures),
 *    corrects a wrong entry with a reversing entry, sets the province's own disbursement schedule and
 *    returns to the national one, sees the communes behind the schedule and the late reporters, and
 *    downloads the steering-committee summary PDF;
 * 2. the commune officer of Mường Tè sees the commune's money (with the province's disbursement) and
 *    target, enters the year's outputs, submits the report and sees it submitted, in Vietnamese and
 *    English (the targets' explanations too).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from './harness.ts';
import { browserSuite } from './suite.ts';
import { openPage, signIn, type TestPage } from './session.ts';


/** The commune both tests look at, and the province's disbursement to it. */
const MUONG_TE = { code: '03445', name: 'Xã Mường Tè' };
const DISBURSEMENT_DOC = 'UNC-TRINH-DUYET-01';

const suite = browserSuite(400_000);

/**
 * Opens an antd Select by its test id and picks the option (by text, or the first one). The options are
 * looked up in this select's own dropdown (aria-controls), not in another one still closing; in a
 * searchable select the text is typed first, so options beyond the rendered part of the list are found.
 */
async function pick(page: Page, testId: string, text?: string): Promise<void> {
  const select = page.getByTestId(testId);
  await select.click();
  const input = select.locator('input[role="combobox"]');
  const listId = await input.getAttribute('aria-controls');
  assert.ok(listId, `${testId} has a list`);
  if (text && (await input.getAttribute('readonly')) === null) await input.fill(text);
  const options = page.locator('.ant-select-dropdown', { has: page.locator(`[id="${listId}"]`) }).locator('.ant-select-item-option');
  await (text ? options.filter({ hasText: text }) : options).first().click();
}

const dong = (s: string) => BigInt(s.replace(/\D/g, ''));
const dongText = (x: bigint) => x.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
/** Today as the app shows it: the date in Vietnam (after 17:00 UTC it is already tomorrow there). */
const today = () => new Date().toLocaleDateString('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });

/** The plan line row of a project (the code before its name, e.g. "HP1."). */
const planLine = (page: Page, code: string) => page.getByTestId('plan-lines').locator('tr.ant-table-row', { hasText: `${code}. ` });
/** Cell `n` (0-based) of a row as an amount of đồng. */
async function amountIn(row: Locator, n: number): Promise<bigint> {
  return dong(await row.locator('td').nth(n).innerText());
}
/** Plan line columns: expand, project, source, planned, allocated, disbursed. */
const ALLOCATED = 4;
const DISBURSED = 5;

async function waitForText(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor();
}

/** Allocates `more` đồng on top of what the commune holds on the line; checks the line total and the hint. */
async function allocateMore(page: Page, line: string, commune: string, more: bigint): Promise<void> {
  const lineBefore = await amountIn(planLine(page, line), ALLOCATED);
  await pick(page, 'allocate-line', `${line}. `);
  await pick(page, 'allocate-unit', commune);
  const hint = page.getByTestId('allocate-hint');
  await waitForText(hint, 'Xã đang được phân bổ');
  const held = dong(/phân bổ ([\d.]+) đồng/.exec(await hint.innerText())![1]!);
  await page.getByTestId('allocate-amount').fill(dongText(held + more));
  await page.getByTestId('allocate-save').click();
  await waitForText(hint, `Xã đang được phân bổ ${dongText(held + more)} đồng`);
  await waitForText(planLine(page, line).locator('td').nth(ALLOCATED), dongText(lineBefore + more));
}

async function disburse(page: Page, line: string, commune: string, date: string, amount: string, doc: string): Promise<void> {
  const lineBefore = await amountIn(planLine(page, line), DISBURSED);
  await pick(page, 'disburse-line', `${line}. `);
  await pick(page, 'disburse-unit', commune);
  await page.getByTestId('disburse-date').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(date);
  await page.keyboard.press('Enter');
  // Typed without separators, the amount is shown with dots once the field is left.
  const amountBox = page.getByTestId('disburse-amount');
  await amountBox.fill(amount.replaceAll('.', ''));
  await amountBox.blur();
  assert.equal(await amountBox.inputValue(), amount);
  await page.getByTestId('disburse-doc').fill(doc);
  await page.getByTestId('disburse-save').click();
  const row = page.getByTestId('disbursements').locator('tr', { hasText: doc });
  await row.waitFor();
  const cells = (await row.locator('td').allInnerTexts()).map((s) => s.trim());
  assert.match(cells[0]!, /^\d+$/, 'the entry number');
  assert.deepEqual(cells.slice(1), [date, commune, line, doc, amount, 'Điều chỉnh']);
  await waitForText(planLine(page, line).locator('td').nth(DISBURSED), dongText(lineBefore + dong(amount)));
}

async function fail(p: TestPage, name: string, err: unknown): Promise<never> {
  await p.page.screenshot({ path: path.join(suite.shots, name), fullPage: true }).catch(() => {});
  throw new Error(`${(err as Error).message}\npage errors: ${JSON.stringify(p.errors)}\nscreenshot: ${suite.shots}/${name}`);
}

test('province officer: 2026 targets, allocation and disbursement, lagging communes, late reporters, steering summary', { timeout: 480_000 }, async () => {
  const p = await openPage(suite.chrome.browser, suite.server.url);
  const { page, errors } = p;
  try {
    await signIn(page, 'lc.tinh', DEMO_PASSWORD);

    // Targets: the demo's 2026 targets are listed with their verdicts.
    await page.getByRole('menuitem', { name: 'Chỉ tiêu chương trình' }).click();
    await pick(page, 'program-year', '2026');
    const table = page.getByTestId('targets-table');
    await table.getByText('Tỷ lệ hộ nghèo dân tộc thiểu số').first().waitFor();
    await page.getByTestId('target-count-on_track').waitFor();
    assert.ok((await table.locator('[data-testid^="target-status-"]').count()) >= 8);

    // Houses supported: 131 in six months → 262 for the year; a target of 280 is short by 6 %, within the 10 % tolerance → at risk.
    await pick(page, 'target-indicator', 'Số nhà ở được hỗ trợ');
    await page.getByTestId('target-value').fill('280');
    await page.getByTestId('target-save').click();
    const houses = table.locator('tr', { hasText: 'Số nhà ở được hỗ trợ' });
    await houses.getByRole('cell', { name: '280', exact: true }).waitFor();
    await houses.getByTestId('target-status-at_risk').waitFor();
    assert.equal(await houses.getByTestId('target-status-at_risk').innerText(), 'Có nguy cơ');
    await page.getByTestId('target-count-at_risk').waitFor();

    // A commune's target: Mường Tè's poverty rate for 2026.
    await pick(page, 'target-unit', MUONG_TE.name);
    await pick(page, 'target-indicator', 'Tỷ lệ hộ nghèo');
    await page.getByTestId('target-value').fill('22');
    await page.getByTestId('target-save').click();
    const muongTe = table.locator('tr', { hasText: MUONG_TE.name });
    await muongTe.getByRole('cell', { name: '22 %', exact: true }).waitFor();
    assert.equal(await muongTe.locator('[data-testid^="target-status-"]').count(), 1);
    await page.screenshot({ path: path.join(suite.shots, 'program-targets.png'), fullPage: true });

    // Budget: the 2026 plan by project; an allocation beyond the plan is refused in Vietnamese.
    await page.getByRole('menuitem', { name: 'Kinh phí chương trình' }).click();
    await pick(page, 'program-year', '2026');
    await planLine(page, 'HP1').waitFor();
    await page.getByRole('tab', { name: 'Phân bổ cho xã' }).click();
    await pick(page, 'allocate-line', 'HP1. ');
    await pick(page, 'allocate-unit', MUONG_TE.name);
    await page.getByTestId('allocate-amount').fill('999.000.000.000');
    await page.getByTestId('allocate-save').click();
    await page.getByText(/Không phân bổ được 999\.000\.000\.000 đồng/).waitFor();

    // Money of two projects to two communes, then disbursed.
    await allocateMore(page, 'HP1', MUONG_TE.name, 500_000_000n);
    await allocateMore(page, 'HP2.ND1', 'Xã Bình Lư', 300_000_000n);
    await page.getByRole('tab', { name: 'Ghi giải ngân' }).click();
    await disburse(page, 'HP1', MUONG_TE.name, '15/07/2026', '250.000.000', DISBURSEMENT_DOC);
    await disburse(page, 'HP2.ND1', 'Xã Bình Lư', '20/07/2026', '120.000.000', 'UNC-TRINH-DUYET-02');

    // Communes behind the disbursement schedule are flagged and counted.
    const progress = page.getByTestId('unit-progress');
    assert.ok((await progress.locator('[data-testid^="lagging-"]').count()) > 0, 'some communes lag the schedule');
    assert.match(await page.getByTestId('lagging-count').innerText(), /^[1-9]\d*\/\d+ xã chậm so với mốc \(tính đến \d\d\/\d\d\/\d{4}\)$/);

    // A wrong entry (120.000.000 instead of 12.000.000) is corrected: a reversing entry with the reason, the right payment entered again.
    const entries = page.getByTestId('disbursements');
    const wrongRow = entries.locator('tr', { hasText: 'UNC-TRINH-DUYET-02' }).filter({ hasText: '120.000.000' });
    const wrongId = (await wrongRow.locator('td').first().innerText()).trim();
    const lineBefore = await amountIn(planLine(page, 'HP2.ND1'), DISBURSED);
    await page.getByTestId(`correct-${wrongId}`).click();
    await page.getByTestId('correct-reason').fill('Nhập nhầm số tiền, đúng là 12.000.000 đồng');
    await page.getByTestId('correct-amount').fill('12000000');
    await page.getByTestId('correct-save').click();
    await page.getByTestId(`reversed-${wrongId}`).waitFor();
    await waitForText(entries.locator('[data-testid^="reversal-"]'), `Huỷ khoản số ${wrongId}: Nhập nhầm số tiền`);
    await entries.locator('tr', { hasText: 'UNC-TRINH-DUYET-02' }).filter({ hasText: '-120.000.000' }).waitFor();
    await waitForText(planLine(page, 'HP2.ND1').locator('td').nth(DISBURSED), dongText(lineBefore - 108_000_000n));
    await page.screenshot({ path: path.join(suite.shots, 'program-budget.png'), fullPage: true });

    // The province's own disbursement schedule: 45 % by 30/06 instead of the national 40 %, then back to the national one.
    await page.getByTestId('program-settings').click();
    const share = page.getByTestId('milestone-0-share');
    await share.waitFor();
    assert.equal(await share.inputValue(), '40');
    await share.fill('45');
    await page.getByTestId('program-settings-save').click();
    await page.getByTestId('setting-own-disbursementMilestones').waitFor();
    await page.screenshot({ path: path.join(suite.shots, 'program-settings.png'), fullPage: true });
    await page.locator('.ant-drawer-close').click();
    await page.getByText(/Tiến độ giải ngân của các xã \(mốc: 45 % đến 30\/06/).waitFor();
    await page.getByTestId('program-settings').click();
    await page.getByTestId('program-settings-national').click();
    await page.getByText(/Tiến độ giải ngân của các xã \(mốc: 40 % đến 30\/06/).waitFor();
    await page.locator('.ant-drawer-close').click();

    // Reports: the six-month period of 2026 has communes that reported on time and late ones.
    await page.getByRole('menuitem', { name: 'Báo cáo giám sát' }).click();
    await pick(page, 'program-year', '2026');
    await page.getByTestId('report-period').getByText('6 tháng').click();
    const status = page.getByTestId('report-status');
    await status.getByText('Quá hạn, chưa nộp').first().waitFor();
    assert.ok((await status.getByText('Đã nộp đúng hạn').count()) > 0);
    assert.match(await page.getByTestId('report-count-late').innerText(), /^Quá hạn, chưa nộp: [1-9]\d*$/);
    assert.match(await page.getByTestId('report-deadline').innerText(), /6 tháng đầu năm 2026/);
    await page.screenshot({ path: path.join(suite.shots, 'program-reports.png'), fullPage: true });

    // The steering-committee summary of the period downloads as a PDF.
    const summary = page.getByTestId('summary-pdf');
    assert.equal(await summary.getAttribute('href'), '/api/program/summary.pdf?year=2026&period=H1');
    const download = page.waitForEvent('download');
    await summary.click();
    const pdf = await download;
    assert.match(pdf.suggestedFilename(), /\.pdf$/);
    const bytes = await fs.promises.readFile((await pdf.path())!);
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(bytes.length > 10_000, `a one-page summary with charts and the Tinos font (${bytes.length} bytes)`);
    assert.deepEqual(errors, []);
  } catch (err) {
    await fail(p, 'program-failure.png', err);
  } finally {
    await p.close();
  }
});

test('commune officer: the commune’s money and target, outputs entered, report submitted (vi and en)', { timeout: 300_000 }, async () => {
  const p = await openPage(suite.chrome.browser, suite.server.url);
  const { page, errors } = p;
  try {
    await signIn(page, 'lc.muongte', DEMO_PASSWORD);

    // The commune's money by project, with the province's disbursement; no province plan lines.
    await page.getByRole('menuitem', { name: 'Kinh phí chương trình' }).click();
    await pick(page, 'program-year', '2026');
    await page.getByTestId('commune-allocations').locator('tr.ant-table-row', { hasText: 'HP1. ' }).waitFor();
    await page.getByTestId('disbursements').locator('tr', { hasText: DISBURSEMENT_DOC }).waitFor();
    assert.equal(await page.getByTestId('plan-lines').count(), 0);
    assert.equal(await page.getByTestId('budget-actions').count(), 0, 'a commune officer cannot allocate');

    // The target the province set for the commune.
    await page.getByRole('menuitem', { name: 'Chỉ tiêu chương trình' }).click();
    await page.getByTestId('targets-table').getByRole('cell', { name: '22 %', exact: true }).waitFor();
    assert.equal(await page.getByTestId('target-form').count(), 0, 'a commune officer cannot set targets');

    // The year's outputs are entered and the report submitted.
    await page.getByRole('menuitem', { name: 'Báo cáo giám sát' }).click();
    await pick(page, 'program-year', '2026');
    await page.getByTestId('report-period').getByText('Cả năm').click();
    await page.getByTestId('outputs-entry').getByText('Kết quả thực hiện của xã — năm 2026').waitFor();
    assert.equal(await page.getByTestId('summary-pdf').count(), 0);
    const state = page.getByTestId(`report-state-${MUONG_TE.code}`);
    assert.match(await state.innerText(), /^(Quá hạn, chưa nộp|Chưa đến hạn)$/);
    await page.getByTestId('output-jobs_created').fill('1250');
    await page.getByTestId('output-people_trained').fill('85');
    await page.getByTestId('output-houses_supported').fill('14');
    await page.getByTestId('outputs-save').click();
    await page.getByText('Đã lưu.').first().waitFor();
    await page.getByTestId('report-submit').click();
    await page.getByText('Đã nộp báo cáo.').first().waitFor();
    await waitForText(page.getByTestId('outputs-submitted'), `Xã đã nộp báo cáo kỳ này ngày ${today()}`);
    assert.match(await state.innerText(), /^(Nộp muộn|Đã nộp đúng hạn)$/);
    await page.getByTestId('report-status').getByRole('cell', { name: today(), exact: true }).waitFor();
    await page.screenshot({ path: path.join(suite.shots, 'program-commune-report.png'), fullPage: true });

    // After a reload the entered figures are there (counts with dot thousands separators).
    await page.reload();
    await page.getByTestId('report-period').getByText('Cả năm').click();
    await page.getByTestId('outputs-submitted').waitFor();
    assert.equal(await page.getByTestId('output-jobs_created').inputValue(), '1.250');
    assert.equal(await page.getByTestId('output-houses_supported').inputValue(), '14');

    // The same screen in English.
    await page.getByTestId('language-switch').getByText('EN', { exact: true }).click();
    await page.getByTestId('outputs-entry').getByText('The commune’s results — year 2026').waitFor();
    assert.match(await state.innerText(), /^(Submitted late|Submitted on time)$/);
    await page.getByRole('button', { name: 'Submit again' }).waitFor();
    await page.screenshot({ path: path.join(suite.shots, 'program-commune-report-en.png'), fullPage: true });
    // The verdicts' explanations in English too.
    await page.getByRole('menuitem', { name: 'Program targets' }).click();
    await page.getByTestId('targets-table').locator('td').filter({ hasText: /^(Linear trend .*; target at most 22 %|Figure of 2026: .*|Not enough data: .*)/ }).first().waitFor();
    assert.deepEqual(errors, []);
  } catch (err) {
    await fail(p, 'program-commune-failure.png', err);
  } finally {
    await p.close();
  }
});

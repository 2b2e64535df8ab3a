/**
 * Browser test of the commune review path on the real server (issue 4, "Done when"): the commune
 * officer of Xã Mường Tè creates a household with members and sees its live classification, records its
 * survey, and takes the commune review through the village meeting (votes, minutes), posting and
 * complaints; the commune chair signs the decision, downloads the decision lists (an .xlsx holding the
 * head's name) and a certificate (PDF) and submits to the province; the province officer accepts the
 * commune on the board.
 *
 * Works on the demo as seeded (the 2026 campaign in progress, Mường Tè left in surveying) and on an empty
 * registry (the test then opens the campaign as the province and adds a village). Work that is not the
 * subject of this test — surveying the commune's other listed households, the meetings of the other
 * villages — is done through the API with the officer's own session, so the path stays the same at any
 * demo size.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from './harness.ts';
import { browserSuite } from './suite.ts';
import { openPage, signIn } from './session.ts';

const COMMUNE = '03445';
const HEAD = 'Pờ Ma Nhuận';
const SPOUSE = 'Lỳ Mé Xá';
const CHILD = 'Pờ Ma Chừ';

const suite = browserSuite(600_000);

// ---- helpers ----

function isoDaysAgo(days: number): string {
  const d = new Date(Date.now() + 7 * 3600_000 - days * 86400_000); // Vietnam date
  return d.toISOString().slice(0, 10);
}
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** A valid, random personal identification number (registration place 012 = Lai Châu). */
function citizenId(sex: 'male' | 'female', year: number): string {
  const century = Math.floor((year - 1900) / 100);
  const digit = century * 2 + (sex === 'female' ? 1 : 0);
  const random = String(Math.floor(Math.random() * 1e6)).padStart(6, '0');
  return `012${digit}${String(year % 100).padStart(2, '0')}${random}`;
}

async function check(res: Awaited<ReturnType<Page['request']['get']>>, what: string) {
  const body = await res.text();
  assert.ok(res.ok(), `${what}: HTTP ${res.status()} ${body}`);
  return body ? JSON.parse(body) : undefined;
}

/** The API with the page's own session cookie and CSRF token (for the work around the path). */
async function apiOf(page: Page) {
  const me = await (await page.request.get('/api/auth/me')).json();
  const headers = { 'x-csrf-token': me.csrfToken as string, 'accept-language': 'vi' };
  return {
    get: async (url: string) => check(await page.request.get(url, { headers }), `GET ${url}`),
    post: async (url: string, data: unknown) => check(await page.request.post(url, { headers, data: data as object }), `POST ${url}`),
    put: async (url: string, data: unknown) => check(await page.request.put(url, { headers, data: data as object }), `PUT ${url}`),
    patch: async (url: string, data: unknown) => check(await page.request.patch(url, { headers, data: data as object }), `PATCH ${url}`),
    upload: async (url: string, name: string, buffer: Buffer) =>
      check(await page.request.put(url, { headers, multipart: { file: { name, mimeType: 'application/pdf', buffer } } }), `PUT ${url}`),
  };
}

/** Picks an option of an Ant Design select (the select found by test id). */
async function choose(page: Page, testId: string, option: string) {
  const select = page.getByTestId(testId);
  for (let attempt = 1; ; attempt++) {
    await select.click();
    const item = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last().getByTitle(option, { exact: true });
    // Long lists are virtual: only the first options exist until the search narrows them.
    if (!(await item.isVisible())) await page.keyboard.type(option);
    await item.click();
    for (let i = 0; i < 10; i++) {
      if ((await select.innerText()).includes(option)) return;
      await page.waitForTimeout(100);
    }
    if (attempt === 3) return;
    await page.keyboard.press('Escape');
  }
}

/** The input of a field whose test id is on the input itself or on a wrapper around it. */
function inputOf(page: Page, testId: string) {
  return page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

async function typeDate(page: Page, testId: string, iso: string) {
  const input = inputOf(page, testId);
  await input.click();
  await input.fill(dmy(iso));
  await input.press('Enter');
}

/**
 * A screenshot of the whole page. The viewport is made as tall as the page instead of using
 * `fullPage`, whose resizing makes the layout's responsive side menu collapse for the capture.
 */
async function shot(page: Page, name: string) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1440, height: Math.min(Math.max(height, 900), 4000) });
  await page.screenshot({ path: path.join(suite.shots, name) });
  await page.setViewportSize({ width: 1440, height: 900 });
}

async function reviewState(page: Page): Promise<string> {
  return (await page.getByTestId('review-page').getAttribute('data-state')) ?? '';
}

/** Clicks a next-step button and confirms it; waits for the review to reach `to`. */
async function takeAction(page: Page, action: string, to: string) {
  await page.getByTestId(`action-${action}`).click();
  await page.getByTestId('confirm-ok').click();
  try {
    await page.locator(`[data-testid="review-page"][data-state="${to}"]`).waitFor({ timeout: 60_000 });
  } catch (err) {
    // Say what the page shows instead (a refusal, the state it stayed in), so a failure can be diagnosed.
    const shown = await page
      .evaluate(() => ({
        state: document.querySelector('[data-testid="review-page"]')?.getAttribute('data-state'),
        version: document.querySelector('[data-testid="review-page"]')?.getAttribute('data-version'),
        error: document.querySelector('[data-testid="transition-error"]')?.textContent,
        dialogs: Array.from(document.querySelectorAll('.ant-modal')).map((d) => d.textContent),
      }))
      .catch(() => null);
    throw new Error(`${action} → ${to} not reached; page shows ${JSON.stringify(shown)}`, { cause: err });
  }
}

const MINUTES_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

// ---- the path ----

test('commune review from a new household to the signed decision lists, accepted by the province', { timeout: 900_000 }, async () => {
  const browser = suite.chrome.browser;
  const url = suite.server.url;
  const year = Number(isoDaysAgo(0).slice(0, 4));
  const pages: Array<[string, Page]> = [];
  try {
    await walkThrough(browser, url, year, pages);
  } catch (err) {
    for (const [name, page] of pages) await shot(page, `failure-${name}.png`).catch(() => undefined);
    console.log(`screenshots: ${suite.shots}`);
    throw err;
  }
});

async function walkThrough(browser: Browser, url: string, year: number, pages: Array<[string, Page]>): Promise<void> {

  // 1. The province: the campaign of the year (the demo's, or opened here).
  const province = await openPage(browser, url);
  pages.push(['province', province.page]);
  await signIn(province.page, 'lc.tinh', DEMO_PASSWORD);
  const provinceApi = await apiOf(province.page);
  const open = (await provinceApi.get(`/api/campaigns?year=${year}&kind=periodic`)).items as Array<{ id: number; status: string }>;
  let campaignId = open.find((c) => c.status === 'open')?.id;
  await province.page.getByRole('menuitem', { name: 'Đợt rà soát' }).click();
  await province.page.getByTestId('campaigns-table').waitFor();
  if (campaignId === undefined) {
    await province.page.getByTestId('campaign-open').click();
    await inputOf(province.page, 'campaign-year').fill(String(year));
    await province.page.getByTestId('campaign-open-submit').click();
    await province.page.getByTestId('board-table').waitFor();
    campaignId = Number(/\/board\/(\d+)/.exec(province.page.url())?.[1]);
    assert.ok(campaignId > 0, 'the new campaign opens on its board');
  }

  // 2. The commune officer: their review, and (on an empty registry) a village.
  const officer = await openPage(browser, url);
  pages.push(['officer', officer.page]);
  const op = officer.page;
  await signIn(op, 'lc.muongte', DEMO_PASSWORD);
  const api = await apiOf(op);
  const reviews = (await api.get(`/api/reviews?campaignId=${campaignId}`)).items as Array<{ id: number; communeCode: string }>;
  const reviewId = reviews.find((r) => r.communeCode === COMMUNE)!.id;
  assert.ok(reviewId, 'Mường Tè has a review in the campaign');

  await op.getByRole('menuitem', { name: 'Danh sách hộ' }).click();
  await op.getByTestId('households-table').waitFor();
  const villages = (await api.get(`/api/villages?communeCode=${COMMUNE}`)).items as Array<{ code: string; name: string }>;
  let villageName = villages[0]?.name;
  if (!villageName) {
    villageName = 'Bản Nậm Củm';
    await op.getByTestId('households-villages').click();
    await op.getByTestId('village-name').fill(villageName);
    await op.getByTestId('village-add').click();
    await op.getByTestId('villages-drawer').getByText(villageName).waitFor();
    await op.keyboard.press('Escape');
  }

  // 3. A new household with three members, its living conditions and the survey's income: the
  //    classification appears live as the facts are entered.
  await op.getByTestId('households-create').click();
  await op.getByTestId('household-editor').waitFor();
  await choose(op, 'hh-village', villageName);
  await op.getByTestId('hh-address').fill(`${villageName}, xã Mường Tè`);
  const members = [
    { name: HEAD, birth: '12/03/1985', year: 1985, sex: 'Nam', relation: 'Chủ hộ', employment: 'Tự làm, sản xuất kinh doanh', education: 'Tiểu học' },
    { name: SPOUSE, birth: '1988', year: 1988, sex: 'Nữ', relation: 'Vợ/chồng', employment: 'Lao động gia đình không hưởng lương', education: 'Chưa hoàn thành cấp học nào' },
    { name: CHILD, birth: '05/09/2015', year: 2015, sex: 'Nam', relation: 'Con', schooling: 'Tiểu học' },
  ];
  for (const [i, m] of members.entries()) {
    if (i > 0) await op.getByTestId('member-add').click();
    await op.getByTestId(`member-${i}-fullName`).fill(m.name);
    await op.getByTestId(`member-${i}-birth`).fill(m.birth);
    await choose(op, `member-${i}-sex`, m.sex);
    if (i === 0) {
      // A wrong ID number is refused in Vietnamese before anything is sent.
      await op.getByTestId(`member-${i}-citizenId`).fill('01208512');
      await op.getByText('Số định danh phải gồm đúng 12 chữ số').waitFor();
    }
    await op.getByTestId(`member-${i}-citizenId`).fill(m.year < 2010 ? citizenId(m.sex === 'Nữ' ? 'female' : 'male', m.year) : '');
    await inputOf(op, `member-${i}-ethnicity`).fill('Hà Nhì');
    if (i > 0) await choose(op, `member-${i}-relation`, m.relation);
    await choose(op, `member-${i}-healthInsurance`, 'Có');
    if (m.employment) await choose(op, `member-${i}-employment`, m.employment);
    if (m.education) await choose(op, `member-${i}-highestCompletedLevel`, m.education);
    if (m.schooling) await choose(op, `member-${i}-schooling`, m.schooling);
  }
  await inputOf(op, 'hh-housing-floorArea').fill('24');
  await choose(op, 'hh-housing-frame', 'Gỗ tạp');
  await choose(op, 'hh-housing-walls', 'Tre, nứa');
  await choose(op, 'hh-housing-roof', 'Lá, rơm rạ');
  await choose(op, 'hh-waterSource', 'Nước khe, mó không được bảo vệ');
  await choose(op, 'hh-latrine', 'Hố đào đơn giản');
  await choose(op, 'hh-wasteTreatment', 'Chôn lấp');
  await choose(op, 'hh-usesInternet', 'Không');
  await choose(op, 'hh-usesTelephone', 'Có');
  await choose(op, 'hh-hearsLoudspeaker', 'Có');
  await op.getByTestId('hh-informationDevices').getByText('Điện thoại thường').click();
  await inputOf(op, 'survey-income').fill('1200000');
  const preview = op.getByTestId('classification-preview');
  await preview.locator('[data-testid="classification-preview-class"][data-class="poor"]').waitFor({ timeout: 20_000 });
  assert.match(await op.getByTestId('classification-preview-explanation').innerText(), /nghèo/i);
  assert.ok((await preview.locator('[data-indicator]').count()) >= 1, 'deprived indicators are listed');
  await shot(op, 'review-1-household-form.png');

  // 4. Record the survey (saves the household first); the household gets its code.
  await op.getByTestId('survey-record').click();
  await op.getByTestId('survey-recorded').waitFor({ timeout: 30_000 });
  const code = (await op.getByTestId('household-code').innerText()).trim();
  assert.match(code, new RegExp(`^${COMMUNE}\\d{6}$`));
  const householdId = Number(/\/households\/(\d+)/.exec(op.url())?.[1]);
  assert.ok(householdId > 0);
  await shot(op, 'review-2-household-surveyed.png');

  // 5. The list finds it without diacritics.
  await op.getByRole('menuitem', { name: 'Danh sách hộ' }).click();
  await inputOf(op, 'households-search').fill('po ma nhuan');
  await inputOf(op, 'households-search').press('Enter');
  await op.getByTestId('households-table').getByText(HEAD).waitFor();
  await op.getByTestId('households-table').locator(`[data-class="poor"]`).first().waitFor();
  await shot(op, 'review-3-household-list.png');

  // 6. The commune review: through listing and surveying. Other listed households that still lack a
  //    survey (demo data) are surveyed through the API.
  await op.getByRole('menuitem', { name: 'Đợt rà soát' }).click();
  await op.getByTestId('my-review-open').click();
  await op.getByTestId('review-steps').waitFor();
  if ((await reviewState(op)) === 'listing') {
    await takeAction(op, 'complete_listing', 'surveying');
  }
  const listed = async () => (await api.get(`/api/reviews/${reviewId}/households?pageSize=1000`)).items as Array<{ householdId: number; villageCode: string; surveyed: boolean; stage: string }>;
  for (const h of (await listed()).filter((x) => !x.surveyed)) {
    await api.post(`/api/households/${h.householdId}/surveys`, { reviewId, income: 3_500_000 });
  }
  await op.getByRole('button', { name: 'Tải lại' }).click();
  if ((await reviewState(op)) === 'surveying') {
    await takeAction(op, 'complete_surveying', 'village_meetings');
  }
  assert.equal(await reviewState(op), 'village_meetings');

  // The review's household list: a search without diacritics and a class filter find our household.
  await op.getByRole('tab', { name: 'Danh sách hộ rà soát' }).click();
  await inputOf(op, 'review-households-search').fill('po ma nhuan');
  await inputOf(op, 'review-households-search').press('Enter');
  const reviewTable = op.getByTestId('review-households');
  await reviewTable.getByText(HEAD).waitFor();
  await op.waitForFunction(() => document.querySelectorAll('[data-testid="review-households"] tbody tr.ant-table-row').length === 1);
  await op.getByRole('tab', { name: 'Họp dân' }).click();

  // 7. The village meeting of our household's village in the browser: record, vote, upload minutes.
  const ours = (await listed()).find((h) => h.householdId === householdId)!;
  const heldOn = isoDaysAgo(16);
  await op.getByTestId(`meeting-create-${ours.villageCode}`).click();
  await typeDate(op, 'meeting-heldOn', heldOn);
  await inputOf(op, 'meeting-attendees').fill('40');
  await op.getByTestId('meeting-chair').fill('Lò Văn Sơn');
  await op.getByTestId('meeting-secretary').fill('Pờ Thị Hoa');
  await op.getByTestId('meeting-submit').click();
  const votes = op.getByTestId('votes-drawer');
  await votes.waitFor();
  await votes.getByTestId('votes-all-agree').click();
  await inputOf(op, `vote-agree-${householdId}`).fill('31');
  await inputOf(op, `vote-disagree-${householdId}`).fill('6');
  await op.locator(`[data-testid="vote-result-${householdId}"][data-agreed="true"]`).waitFor();
  assert.match(await op.getByTestId(`vote-result-${householdId}`).innerText(), /Đạt\s*77,5 %/);
  await shot(op, 'review-4-votes.png');
  await votes.getByTestId('votes-save').click();
  await votes.waitFor({ state: 'detached' });
  const meetingNo = ((await api.get(`/api/reviews/${reviewId}/meetings`)).items as Array<{ villageCode: string; meetingNo: number }>).find(
    (m) => m.villageCode === ours.villageCode,
  )!.meetingNo;
  const minutesFile = path.join(suite.shots, 'bien-ban-hop-dan.pdf');
  await fs.promises.writeFile(minutesFile, MINUTES_PDF);
  const chooser = op.waitForEvent('filechooser');
  await op.getByTestId(`minutes-upload-${ours.villageCode}-${meetingNo}`).click();
  await (await chooser).setFiles(minutesFile);
  await op.getByTestId('meetings-table').getByText('bien-ban-hop-dan.pdf').waitFor();

  // The other villages' meetings (demo data) through the API: every listed household agreed.
  const byVillage = new Map<string, number[]>();
  for (const h of await listed()) if (h.villageCode !== ours.villageCode) byVillage.set(h.villageCode, [...(byVillage.get(h.villageCode) ?? []), h.householdId]);
  for (const [village, ids] of byVillage) {
    const { meeting } = await api.post(`/api/reviews/${reviewId}/meetings`, { villageCode: village, heldOn, attendees: 30, chair: 'Trưởng bản', secretary: 'Thư ký' });
    for (let i = 0; i < ids.length; i += 1000) {
      await api.put(`/api/reviews/${reviewId}/meetings/${encodeURIComponent(village)}/${meeting.meetingNo}/votes`, { votes: ids.slice(i, i + 1000).map((id) => ({ householdId: id, agree: 25, disagree: 2 })) });
    }
    await api.upload(`/api/reviews/${reviewId}/meetings/${encodeURIComponent(village)}/${meeting.meetingNo}/minutes`, 'bien-ban.pdf', MINUTES_PDF);
  }
  await op.getByRole('button', { name: 'Tải lại' }).click();
  await op.locator('[data-testid="action-complete_village_meetings"]:not([disabled])').waitFor();
  await shot(op, 'review-5-meetings.png');
  await takeAction(op, 'complete_village_meetings', 'public_posting');

  // 8. Posting: 14 days ago to yesterday, the working days shown.
  await typeDate(op, 'posting-start', isoDaysAgo(14));
  await typeDate(op, 'posting-end', isoDaysAgo(1));
  assert.match(await op.getByTestId('posting-working-days').innerText(), /\d+ ngày làm việc \(tối thiểu 3\)/);
  await op.getByTestId('posting-save').click();
  await op.locator('[data-testid="action-complete_posting"]:not([disabled])').waitFor();
  await shot(op, 'review-6-posting.png');
  await takeAction(op, 'complete_posting', 'complaints');

  // 9. A complaint about our household, re-checked and dismissed.
  await op.getByTestId('complaint-create').click();
  await op.getByTestId('complaint-complainant').fill('Lò Thị Dung');
  await choose(op, 'complaint-household', `${code} — ${HEAD}`);
  await op.getByTestId('complaint-content').fill('Đề nghị xem lại điều kiện nhà ở của hộ.');
  await op.getByTestId('complaint-submit').click();
  const complaintRow = op.getByTestId('complaints-table').locator('tr', { hasText: 'Lò Thị Dung' });
  await complaintRow.waitFor();
  await complaintRow.getByRole('button', { name: 'Phúc tra' }).click();
  await op.getByTestId('resolve-note').fill('Đã kiểm tra thực tế: nhà tạm, giữ nguyên kết quả phân loại.');
  await op.getByTestId('resolve-submit').click();
  await complaintRow.getByText('Giữ nguyên kết quả', { exact: true }).waitFor();
  // The officer cannot sign: the chair does.
  await op.locator('[data-action-other="sign_decision"]').waitFor();
  await shot(op, 'review-7-complaints.png');
  assert.deepEqual(officer.errors, []);

  // 10. The chair signs the decision, downloads the lists and a certificate, and submits.
  const chair = await openPage(browser, url);
  pages.push(['chair', chair.page]);
  const cp = chair.page;
  await signIn(cp, 'lc.muongte.ct', DEMO_PASSWORD);
  await cp.getByRole('menuitem', { name: 'Đợt rà soát' }).click();
  await cp.getByTestId('my-review-open').click();
  await cp.getByTestId('action-sign_decision').click();
  await cp.getByTestId('decision-number').fill(`125/QĐ-UBND`);
  assert.equal(await cp.getByTestId('decision-signer').inputValue(), 'Chu Văn Dũng');
  await shot(cp, 'review-8-decision-form.png');
  await cp.getByTestId('decision-submit').click();
  await cp.locator('[data-testid="review-page"][data-state="decided"]').waitFor({ timeout: 60_000 });
  await cp.getByTestId('decision-number-shown').waitFor();

  const xlsxDownload = cp.waitForEvent('download');
  await cp.getByTestId('download-decision-xlsx').click();
  const xlsx = await xlsxDownload;
  assert.match(xlsx.suggestedFilename(), /\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await xlsx.path())!);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text ?? '')))));
  assert.ok(cells.some((c) => c.includes(HEAD)), `the decision list names ${HEAD}`);

  const certRow = cp.getByTestId('certificates-table').locator('tr', { hasText: HEAD });
  const pdfDownload = cp.waitForEvent('download');
  await certRow.getByTestId(`certificate-${householdId}`).click();
  const pdf = await pdfDownload;
  assert.match(pdf.suggestedFilename(), /\.pdf$/);
  const pdfBytes = await fs.promises.readFile((await pdf.path())!);
  assert.equal(pdfBytes.subarray(0, 5).toString('latin1'), '%PDF-');

  const beneficiaryDownload = cp.waitForEvent('download');
  await cp.getByTestId('download-beneficiaries').click();
  assert.match((await beneficiaryDownload).suggestedFilename(), /\.xlsx$/);
  await shot(cp, 'review-9-decided-outputs.png');

  await takeAction(cp, 'submit_to_province', 'submitted');
  assert.deepEqual(chair.errors, []);

  // The commune officer downloads the decision lists and the beneficiary list too.
  await op.reload();
  await op.locator('[data-testid="review-page"][data-state="submitted"]').waitFor({ timeout: 60_000 });
  await op.getByRole('tab', { name: 'Quyết định và văn bản' }).click();
  const officerXlsx = op.waitForEvent('download');
  await op.getByTestId('download-decision-xlsx').click();
  assert.match((await officerXlsx).suggestedFilename(), /\.xlsx$/);
  const officerBeneficiaries = op.waitForEvent('download');
  await op.getByTestId('download-beneficiaries').click();
  assert.match((await officerBeneficiaries).suggestedFilename(), /\.xlsx$/);
  assert.deepEqual(officer.errors, []);

  // 11. The province accepts Mường Tè on the board.
  await province.page.getByRole('menuitem', { name: 'Tiến độ các xã' }).click();
  await province.page.getByTestId('board-campaign').waitFor();
  await province.page.goto(`/#/board/${campaignId}`);
  const row = province.page.locator(`[data-commune="${COMMUNE}"]`);
  await row.locator('[data-state="submitted"]').waitFor();
  await province.page.getByTestId(`board-accept-${COMMUNE}`).click();
  await province.page.getByTestId('confirm-ok').click();
  await row.locator('[data-state="accepted"]').waitFor();
  await shot(province.page, 'review-10-board-accepted.png');
  assert.deepEqual(province.errors, []);

  console.log(`screenshots: ${suite.shots}`);
  await officer.close();
  await chair.close();
  await province.close();
}

test('two officers on one household: the second save gets the conflict, nothing is overwritten; the screens switch to English', { timeout: 300_000 }, async () => {
  const { page, errors, close } = await openPage(suite.chrome.browser, suite.server.url);
  try {
    await signIn(page, 'lc.muongte', DEMO_PASSWORD);
    const api = await apiOf(page);
    const { items } = await api.get(`/api/households?communeCode=${COMMUNE}&pageSize=1`);
    const h = items[0] as { id: number; version: number };
    await page.goto(`/#/households/${h.id}`);
    await page.getByTestId('household-editor').waitFor();
    await page.getByTestId('hh-address').fill('Địa chỉ sửa ở màn hình');
    // Someone else saves the same household first.
    await api.patch(`/api/households/${h.id}`, { version: h.version, address: 'Địa chỉ do cán bộ khác sửa' });
    await page.getByTestId('household-save').click();
    const alert = page.getByTestId('household-error');
    await alert.getByText('Hộ đã được người khác cập nhật').waitFor();
    await shot(page, 'review-11-household-conflict.png');
    await page.getByTestId('household-reload').click();
    await alert.waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('hh-address').inputValue(), 'Địa chỉ do cán bộ khác sửa');

    // English: the same screens from the i18n catalogs.
    await page.getByTestId('language-switch').getByText('EN').click();
    await page.getByRole('menuitem', { name: 'Review campaigns' }).click();
    await page.getByTestId('my-review-open').click();
    await page.getByTestId('review-steps').getByText('Village meetings').waitFor();
    await shot(page, 'review-12-english.png');
    await page.getByTestId('language-switch').getByText('VI').click();
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

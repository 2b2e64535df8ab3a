import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { readProgramReport } from '../../src/db/program/report-figures.ts';
import { programSummaryHtml } from '../../src/server/documents/program-report.ts';
import { openTestApp, as, type Session, type TestApp } from '../helpers/server.ts';

let t: TestApp;
const s: Record<string, Session> = {};
const LINE = { year: 2026, programCode: 'MTQG_2026_2035', nodeCode: 'HP2.ND2', fundSource: 'central_recurrent' };

before(async () => {
  t = await openTestApp();
  for (const u of ['admin', 'lc.tinh', 'mt.canbo']) s[u] = await t.login(u);
});
after(() => t.close());

const req = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method, url, headers: { ...as(s[who]!).headers, ...headers }, ...(payload ? { payload } : {}) });

test('over-allocation is refused with a Vietnamese message naming the room left (English on request)', async () => {
  assert.equal((await req('lc.tinh', 'PUT', '/api/program/budget/plan', { ...LINE, amount: '1000000000', decisionRef: '12/QĐ-UBND' })).statusCode, 200);
  assert.equal((await req('lc.tinh', 'PUT', '/api/program/budget/allocations', { ...LINE, unitCode: '03445', amount: '700000000' })).statusCode, 200);
  const r = await req('lc.tinh', 'PUT', '/api/program/budget/allocations', { ...LINE, unitCode: '03388', amount: '400000000' });
  assert.equal(r.statusCode, 409);
  assert.equal(r.json().error.code, 'allocation_exceeds_plan');
  assert.equal(r.json().error.message, 'Không phân bổ được 400.000.000 đồng: dòng kế hoạch vốn là 1.000.000.000 đồng, các đơn vị khác đã được phân bổ 700.000.000 đồng, chỉ còn 300.000.000 đồng chưa phân bổ.');
  const en = await req('lc.tinh', 'PUT', '/api/program/budget/allocations', { ...LINE, unitCode: '03388', amount: '400000000' }, { 'accept-language': 'en' });
  assert.match(en.json().error.message, /only 300\.000\.000 VND is unallocated/);
  const bad = await req('lc.tinh', 'PUT', '/api/program/budget/allocations', { ...LINE, unitCode: '03388', amount: '1.5' });
  assert.equal(bad.statusCode, 400);
});

test('disbursement beyond the allocation refused; progress and the audit trail', async () => {
  const ok = await req('lc.tinh', 'POST', '/api/program/budget/disbursements', { ...LINE, unitCode: '03445', paidOn: '2026-04-01', amount: '200000000', documentNumber: 'UNC 15/2026' });
  assert.equal(ok.statusCode, 201);
  const over = await req('lc.tinh', 'POST', '/api/program/budget/disbursements', { ...LINE, unitCode: '03445', paidOn: '2026-04-02', amount: '500000001', documentNumber: 'UNC 16/2026' });
  assert.equal(over.statusCode, 409);
  assert.match(over.json().error.message, /chỉ còn 500\.000\.000 đồng/);
  const b = (await req('lc.tinh', 'GET', '/api/program/budget?year=2026&asOf=2026-07-01')).json();
  assert.equal(b.totals.disbursed, '200000000');
  assert.equal(b.units[0].lagging, true); // 28.57 % < 40 % due by 30/6
  const reason = await req('lc.tinh', 'POST', '/api/program/budget/reallocations', { ...LINE, fromUnit: '03445', toUnit: '03388', amount: '100000000', reason: '  ' });
  assert.equal(reason.json().error.code, 'program_reason_required');
  const audit = await sql<{ action: string }>`select action from audit_log where action like 'program.%' order by id`.execute(t.database.db);
  assert.deepEqual(audit.rows.map((r) => r.action), ['program.plan_set', 'program.allocation_set', 'program.disburse']);
  // The commune officer may read its own budget but not disburse.
  assert.equal((await req('mt.canbo', 'GET', '/api/program/budget?year=2026')).json().allocations.length, 1);
  assert.equal((await req('mt.canbo', 'POST', '/api/program/budget/disbursements', { ...LINE, unitCode: '03445', paidOn: '2026-04-01', amount: '1', documentNumber: 'X' })).statusCode, 403);
});

test('a wrong disbursement entry is corrected through the API by a reversing entry with a reason (audited), never edited', async () => {
  const wrong = (await req('lc.tinh', 'POST', '/api/program/budget/disbursements', { ...LINE, unitCode: '03445', paidOn: '2026-04-03', amount: '90000000', documentNumber: 'UNC 17/2026' })).json().id;
  const noReason = await req('lc.tinh', 'POST', `/api/program/budget/disbursements/${wrong}/corrections`, { reason: ' ' });
  assert.equal(noReason.json().error.code, 'program_correction_reason_required');
  const fix = await req('lc.tinh', 'POST', `/api/program/budget/disbursements/${wrong}/corrections`, { reason: 'Nhập nhầm số tiền', replacement: { paidOn: '2026-04-03', amount: '9000000', documentNumber: 'UNC 17/2026' } });
  assert.equal(fix.statusCode, 201, fix.body);
  const again = await req('lc.tinh', 'POST', `/api/program/budget/disbursements/${wrong}/corrections`, { reason: 'lại' }, { 'accept-language': 'en' });
  assert.equal(again.statusCode, 409);
  assert.match(again.json().error.message, new RegExp(`entry ${wrong} has already been corrected \\(reversing entry ${fix.json().reversalId}\\)`));
  const b = (await req('lc.tinh', 'GET', '/api/program/budget?year=2026&asOf=2026-07-01')).json();
  assert.equal(b.totals.disbursed, '209000000');
  const reversal = b.disbursements.find((e: { id: number }) => e.id === fix.json().reversalId);
  assert.deepEqual([reversal.amount, reversal.reversesId, reversal.reason], ['-90000000', wrong, 'Nhập nhầm số tiền']);
  assert.equal((await req('mt.canbo', 'POST', `/api/program/budget/disbursements/${wrong}/corrections`, { reason: 'x' })).statusCode, 403);
  // The re-entered payment is cancelled too (no replacement): back to the 200.000.000 before.
  const cancel = await req('lc.tinh', 'POST', `/api/program/budget/disbursements/${fix.json().replacementId}/corrections`, { reason: 'Chứng từ bị huỷ', replacement: null });
  assert.equal(cancel.json().replacementId, null);
  assert.equal((await req('lc.tinh', 'GET', '/api/program/budget?year=2026&asOf=2026-07-01')).json().totals.disbursed, '200000000');
  const audit = await sql<{ reason: string }>`select reason from audit_log where action = 'program.disbursement_correct' order by id`.execute(t.database.db);
  assert.deepEqual(audit.rows.map((r) => r.reason), ['Nhập nhầm số tiền', 'Chứng từ bị huỷ']);
});

test('the 2026–2035 structure is editable by a national administrator; the 2021–2025 one is not', async () => {
  const add = await req('admin', 'PUT', '/api/program/programs/MTQG_2026_2035/nodes', { code: 'HP2.ND4', name: 'Hỗ trợ người lao động có thu nhập thấp' });
  assert.equal(add.statusCode, 200);
  const fixed = await req('admin', 'PUT', '/api/program/programs/MTQG_GNBV_2021_2025/nodes', { code: 'DA8', name: 'X' });
  assert.equal(fixed.statusCode, 403);
  assert.match(fixed.json().error.message, /không sửa được/);
  const st = (await req('lc.tinh', 'GET', '/api/program/structure')).json();
  assert.ok(st.programs[1].nodes.some((n: { code: string }) => n.code === 'HP2.ND4'));
});

test('settings: a national administrator changes them; broken ones are refused', async () => {
  const cur = (await req('lc.tinh', 'GET', '/api/program/settings')).json().settings;
  const bad = await req('admin', 'PUT', '/api/program/settings', { ...cur, disbursementMilestones: [{ month: 9, day: 30, sharePercent: 70 }, { month: 6, day: 30, sharePercent: 40 }] });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.json().error.message, /Mốc giải ngân thứ 2/);
  const good = await req('admin', 'PUT', '/api/program/settings', { ...cur, communeLeadDays: 0 });
  assert.equal(good.json().settings.communeLeadDays, 0);
});

test('settings: a province sets its own thresholds and schedule (audited), keeps the national deadlines, and returns to the national values', async () => {
  const schedule = [{ month: 6, day: 30, sharePercent: 50 }, { month: 12, day: 31, sharePercent: 100 }];
  const put = await req('lc.tinh', 'PUT', '/api/program/settings/province', { projection: { minPoints: 3, atRiskPoints: 1, atRiskSharePercent: 15 }, disbursementMilestones: schedule });
  assert.equal(put.statusCode, 200, put.body);
  const got = (await req('lc.tinh', 'GET', '/api/program/settings')).json();
  assert.deepEqual(got.settings.disbursementMilestones, schedule);
  assert.equal(got.settings.projection.atRiskPoints, 1);
  assert.deepEqual(got.canEdit, { national: false, province: true });
  assert.deepEqual(got.province.overrides.disbursementMilestones, schedule);
  assert.notDeepEqual(got.national.disbursementMilestones, schedule);
  // The deadlines to the centre are not the province's to change.
  assert.equal((await req('lc.tinh', 'PUT', '/api/program/settings/province', { reportDue: { H1: { month: 7, day: 1 }, Y: { month: 12, day: 1 } } })).statusCode, 400);
  const bad = await req('lc.tinh', 'PUT', '/api/program/settings/province', { disbursementMilestones: [{ month: 9, day: 30, sharePercent: 70 }, { month: 6, day: 30, sharePercent: 40 }] });
  assert.match(bad.json().error.message, /Mốc giải ngân thứ 2/);
  // The province's schedule is the one the lag check uses: 28,57 % by 30/6 is below its 50 %.
  const b = (await req('lc.tinh', 'GET', '/api/program/budget?year=2026&asOf=2026-07-01')).json();
  assert.equal(b.units.find((u: { unitCode: string }) => u.unitCode === '03445').requiredPercent, 50);
  assert.equal((await req('mt.canbo', 'PUT', '/api/program/settings/province', { communeLeadDays: 3 })).statusCode, 403);
  const reset = await req('lc.tinh', 'PUT', '/api/program/settings/province', { projection: null, disbursementMilestones: null });
  assert.deepEqual(reset.json().settings.disbursementMilestones, got.national.disbursementMilestones);
  const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'program.settings_province' and province_code = '12'`.execute(t.database.db);
  assert.equal(audit.rows[0]!.n, 2);
});

test('report status and a commune submission through the API', async () => {
  const sub = await req('mt.canbo', 'POST', '/api/program/reports/submit', { year: 2026, period: 'H1' });
  assert.equal(sub.statusCode, 201);
  const st = (await req('lc.tinh', 'GET', '/api/program/reports?year=2026&period=H1&asOf=2026-06-05')).json();
  assert.equal(st.deadlines.communeDue, '2026-06-01');
  const by = Object.fromEntries(st.rows.map((r: { unitCode: string; state: string }) => [r.unitCode, r.state]));
  assert.equal(by['03388'], 'late');
  assert.ok(['submitted', 'submitted_late'].includes(by['03445']));
});

test('the monitoring report as Excel holds the targets, money and late communes', async () => {
  await req('lc.tinh', 'PUT', '/api/program/targets', { items: [{ unitCode: '03445', indicatorCode: 'jobs_created', year: 2026, target: 100 }] });
  await req('mt.canbo', 'PUT', '/api/program/outputs', { year: 2026, period: 'H1', items: [{ indicatorCode: 'jobs_created', value: 30 }] });
  const r = await req('lc.tinh', 'GET', '/api/program/reports/figures.xlsx?year=2026&period=H1&asOf=2026-07-01');
  assert.equal(r.statusCode, 200);
  assert.match(String(r.headers['content-disposition']), /bao-cao-giam-sat-12-2026-H1\.xlsx/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['Chỉ tiêu', 'Kết quả', 'Kinh phí', 'Chậm giải ngân', 'Báo cáo của xã']);
  const text = (name: string) => {
    const out: string[] = [];
    wb.getWorksheet(name)!.eachRow((row) => row.eachCell((c) => void out.push(String(c.value))));
    return out.join('|');
  };
  assert.match(text('Chỉ tiêu'), /Số lao động được tạo việc làm\|100\|60\|Không đạt/);
  assert.match(text('Kinh phí'), /HP2\.ND2\. Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo\|Ngân sách trung ương – vốn sự nghiệp\|1\.000,0\|700,0\|200,0\|20/);
  assert.match(text('Chậm giải ngân'), /Xã Mường Tè/);
  assert.match(text('Kết quả'), /Số lao động được tạo việc làm\|30/);
  assert.match(text('Báo cáo của xã'), /Phường Đoàn Kết\|\|Quá hạn, chưa nộp/);
});

test('the steering summary PDF is one page with its figures and charts', async () => {
  const r = await req('lc.tinh', 'GET', '/api/program/summary.pdf?year=2026&period=H1&asOf=2026-07-01');
  assert.equal(r.statusCode, 200, r.body.slice(0, 300));
  assert.equal(r.rawPayload.subarray(0, 5).toString(), '%PDF-');
  const pages = r.rawPayload.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  assert.equal(pages.length, 1);
  const html = programSummaryHtml(await readProgramReport(t.database.db, { level: 'province', provinceCode: '12' }, { code: '12', name: 'Tỉnh Lai Châu', tier: 'province', provinceCode: '12' }, 2026, 'H1', '2026-07-01'));
  assert.match(html, /TÓM TẮT TÌNH HÌNH THỰC HIỆN CHƯƠNG TRÌNH GIẢM NGHÈO NĂM 2026/);
  assert.match(html, /Đơn vị chậm giải ngân \(1\/1\):<\/b> Xã Mường Tè 28,57 % \(yêu cầu 40 %\)/);
  assert.equal((html.match(/<svg /g) ?? []).length, 2);
  // Chart numbers in Vietnamese format (the budget axis reaches 1.000 million đồng), titles printed above the charts where they wrap.
  const svgs = (html.match(/<svg[\s\S]*?<\/svg>/g) ?? []).join('');
  assert.match(svgs, />1\.000</);
  assert.doesNotMatch(svgs, />-?\d{1,3}(,\d{3})+</);
  assert.equal((html.match(/class="chart-title"/g) ?? []).length, 2);
  const report = await req('lc.tinh', 'GET', '/api/program/reports/figures.pdf?year=2026&period=H1&asOf=2026-07-01');
  assert.equal(report.statusCode, 200);
});

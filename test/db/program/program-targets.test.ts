import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openTestDatabase } from '../../helpers/database.ts';
import { insertUnitFixture } from '../../helpers/server.ts';
import type { Database } from '../../../src/db/connect.ts';
import type { Actor } from '../../../src/db/audit.ts';
import { syncProgramCatalog, addCustomIndicator } from '../../../src/db/program/catalog.ts';
import { readTargets, setTargets } from '../../../src/db/program/targets.ts';
import { enterOutputs, reachedInYear, type OutputValue } from '../../../src/db/program/outputs.ts';
import { readReportStatus, submitReport } from '../../../src/db/program/reports.ts';
import { registryRates } from '../../../src/db/program/registry-rates.ts';
import { ProgramError } from '../../../src/db/program/errors.ts';
import type { ProgramUnit } from '../../../src/db/program/units.ts';

let d: Database;
const actor: Actor = { id: null, username: 'lc.tinh', role: 'province_officer' };
const province: ProgramUnit = { code: '12', name: 'Tỉnh Lai Châu', tier: 'province', provinceCode: '12' };
const mt: ProgramUnit = { code: '03445', name: 'Xã Mường Tè', tier: 'commune', provinceCode: '12' };
const pScope = { level: 'province' as const, provinceCode: '12' };
const mtScope = { level: 'commune' as const, provinceCode: '12', communeCode: '03445' };

/** 10 households in Mường Tè (6 ethnic minority), poor on the lists of 2024/2025/2026: 5, 4, 3; 2 near-poor each year. */
async function insertLists(): Promise<void> {
  for (let i = 1; i <= 10; i++) {
    const eth = i <= 6 ? 'Hà Nhì' : 'Kinh';
    const h = await sql<{ id: number }>`insert into household (province_code, code, commune_code, head_name, head_name_ascii, ethnicity)
      values ('12', ${`MT-${i}`}, '03445', ${`Hộ ${i}`}, ${`ho ${i}`}, ${eth}) returning id`.execute(d.db);
    const id = h.rows[0]!.id;
    for (const [listYear, poorUpTo] of [[2024, 5], [2025, 4], [2026, 3]] as const) {
      const status = i <= poorUpTo ? 'poor' : i <= poorUpTo + 2 ? 'near_poor' : 'none';
      await sql`insert into list_status (province_code, household_id, list_year, status, standard_id, decision_number, decision_date, effective_from)
        values ('12', ${id}, ${listYear}, ${status}, 'ND07_2021', '1/QĐ', ${`${listYear - 1}-12-20`}, ${`${listYear - 1}-12-20`})`.execute(d.db);
    }
  }
}

before(async () => {
  d = await openTestDatabase();
  await insertUnitFixture(d);
  await syncProgramCatalog(d.db);
  await insertLists();
});
after(() => d.close());

test('registry rates per commune and year, the year of a list being the review year', async () => {
  const r = await registryRates(d.db, pScope, '12', 2023, 2025);
  const mtRows = r.filter((x) => x.unitCode === '03445').map((x) => [x.year, x.povertyRate, x.nearPoorRate, x.emPovertyRate]);
  assert.deepEqual(mtRows, [[2023, 50, 20, 83.33], [2024, 40, 20, 66.67], [2025, 30, 20, 50]]);
  const p = r.find((x) => x.unitCode === '12' && x.year === 2025)!;
  assert.deepEqual(p.coverage, { communes: 1, of: 1 });
  // A commune user gets only its commune's rows (no province aggregate).
  assert.ok((await registryRates(d.db, { level: 'commune', provinceCode: '12', communeCode: '03388' }, '12', 2023, 2025)).length === 0);
});

test('targets judged from the trend of the lists; outputs by pace', async () => {
  await setTargets(d.db, actor, pScope, province, [
    { unitCode: '03445', indicatorCode: 'poverty_rate', year: 2026, target: 25 },
    { unitCode: '12', indicatorCode: 'poverty_rate', year: 2026, target: 15 },
    { unitCode: '03445', indicatorCode: 'poverty_reduction', year: 2026, target: 10.2 },
    { unitCode: '03445', indicatorCode: 'jobs_created', year: 2026, target: 100 },
  ], '2026-03-01');
  await enterOutputs(d.db, actor, mt, 2026, 'H1', [{ indicatorCode: 'jobs_created', value: 45 }]);
  const v = await readTargets(d.db, pScope, province, 2026, '2026-07-01');
  const by = (u: string, i: string) => v.rows.find((r) => r.unitCode === u && r.indicatorCode === i)!;
  const mtRate = by('03445', 'poverty_rate');
  assert.deepEqual(mtRate.series.map((p) => p.value), [50, 40, 30]);
  assert.equal(mtRate.judgement.status, 'on_track'); // projected 20 ≤ 25
  assert.equal(Math.round(mtRate.judgement.projected!), 20);
  assert.equal(by('12', 'poverty_rate').judgement.status, 'off_track'); // 20 vs 15
  assert.equal(by('03445', 'poverty_reduction').judgement.status, 'at_risk'); // 10 vs 10.2
  const jobs = by('03445', 'jobs_created');
  assert.equal(jobs.judgement.status, 'at_risk'); // 45 in six months → 90, within 10 % of 100
  assert.match(jobs.judgement.explanation, /6 tháng/);
  assert.deepEqual(v.highPovertyCommunes, []);
  const audits = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'program.target_set'`.execute(d.db);
  assert.equal(audits.rows[0]!.n, 4);
  // A commune user sees only its own targets.
  const own = await readTargets(d.db, mtScope, mt, 2026, '2026-07-01');
  assert.deepEqual([...new Set(own.rows.map((r) => r.unitCode))], ['03445']);
});

test('the high-poverty threshold flags communes; a target can be removed', async () => {
  await d.db.insertInto('setting').values({ key: 'program.settings', value: JSON.stringify({ highPovertyRatePercent: 30 }) }).execute();
  const v = await readTargets(d.db, pScope, province, 2026, '2026-07-01');
  assert.deepEqual(v.highPovertyCommunes.map((c) => [c.code, c.rate]), [['03445', 30]]);
  await setTargets(d.db, actor, pScope, province, [{ unitCode: '12', indicatorCode: 'poverty_rate', year: 2026, target: null }], '2026-03-01');
  assert.equal((await readTargets(d.db, pScope, province, 2026, '2026-07-01')).rows.some((r) => r.unitCode === '12'), false);
});

test('unknown indicators and custom ones', async () => {
  await assert.rejects(setTargets(d.db, actor, pScope, province, [{ unitCode: '12', indicatorCode: 'x_nope', year: 2026, target: 1 }], '2026-03-01'), ProgramError);
  await addCustomIndicator(d.db, actor, '12', { code: 'x_cau_treo', name: 'Số cầu treo xây mới', unit: 'count', direction: 'increase', kind: 'flow' });
  await setTargets(d.db, actor, pScope, province, [{ unitCode: '03445', indicatorCode: 'x_cau_treo', year: 2026, target: 2 }], '2026-03-01');
  await enterOutputs(d.db, actor, mt, 2026, 'Y', [{ indicatorCode: 'x_cau_treo', value: 2 }]);
  const v = await readTargets(d.db, pScope, province, 2026, '2027-01-10');
  const row = v.rows.find((r) => r.indicatorCode === 'x_cau_treo')!;
  assert.equal(row.judgement.status, 'on_track');
  assert.equal(row.judgement.final, true);
  await assert.rejects(enterOutputs(d.db, actor, mt, 2026, 'Y', [{ indicatorCode: 'poverty_rate', value: 2 }]), ProgramError);
});

test('late reporters: who submitted before the commune deadline, who is late', async () => {
  const early = await readReportStatus(d.db, pScope, province, 2026, 'H1', '2026-05-01');
  assert.deepEqual(early.rows.map((r) => [r.unitCode, r.state]), [['03388', 'pending'], ['03445', 'pending']]);
  await submitReport(d.db, actor, mtScope, mt, 2026, 'H1', '2026-05-20', null);
  const later = await readReportStatus(d.db, pScope, province, 2026, 'H1', '2026-05-25');
  assert.deepEqual(later.rows.map((r) => [r.unitCode, r.state]), [['03388', 'late'], ['03445', 'submitted']]);
  assert.deepEqual(later.counts, { submitted: 1, submitted_late: 0, pending: 0, late: 1 });
  // A correction keeps the first submission date.
  await submitReport(d.db, actor, mtScope, mt, 2026, 'H1', '2026-06-10', 'bổ sung');
  const again = await readReportStatus(d.db, pScope, province, 2026, 'H1', '2026-06-10');
  assert.equal(again.rows.find((r) => r.unitCode === '03445')!.submittedOn, '2026-05-20');
  const figures = await sql<{ figures: { outputs: Record<string, number> } }>`select figures from program_report where unit_code = '03445'`.execute(d.db);
  assert.equal(figures.rows[0]!.figures.outputs.jobs_created, 45);
  // The other commune's officer sees only its own row.
  const dk = await readReportStatus(d.db, { level: 'commune', provinceCode: '12', communeCode: '03388' }, { code: '03388', name: 'Phường Đoàn Kết', tier: 'commune', provinceCode: '12' }, 2026, 'H1', '2026-06-10');
  assert.deepEqual(dk.rows.map((r) => [r.unitCode, r.state]), [['03388', 'late']]);
});

const o = (unitCode: string, period: 'H1' | 'Y', value: number): OutputValue => ({ unitCode, indicatorCode: 'houses_supported', year: 2026, period, value });

test('a province flow figure: each commune counts once (annual figure, else six months); one annual report does not make it final', () => {
  const h1 = [o('03445', 'H1', 60), o('03388', 'H1', 40)];
  assert.deepEqual(reachedInYear(h1, null, 'houses_supported', 2026), { reached: 100, projected: 200, units: 2, annualUnits: 0 });
  // Mường Tè reports its year (70, which includes its six months); Đoàn Kết still has six months only.
  const mixed = reachedInYear([...h1, o('03445', 'Y', 70)], null, 'houses_supported', 2026)!;
  assert.equal(mixed.reached, 110);
  assert.equal(mixed.projected, 150); // 70 + 2 × 40
  assert.deepEqual([mixed.units, mixed.annualUnits], [2, 1]);
  const all = reachedInYear([...h1, o('03445', 'Y', 70), o('03388', 'Y', 90)], null, 'houses_supported', 2026);
  assert.deepEqual(all, { reached: 160, projected: 160, units: 2, annualUnits: 2 });
  assert.equal(reachedInYear(h1, new Set(['03388']), 'houses_supported', 2026)!.reached, 40);
  assert.equal(reachedInYear(h1, null, 'jobs_created', 2026), null);
});

const provinceHouses = (v: Awaited<ReturnType<typeof readTargets>>) => v.rows.find((r) => r.unitCode === '12' && r.indicatorCode === 'houses_supported')!;

test('a province flow target adds up its communes’ figures of the year (not earlier years); explanations in the language asked for', async () => {
  const dk: ProgramUnit = { code: '03388', name: 'Phường Đoàn Kết', tier: 'commune', provinceCode: '12' };
  await setTargets(d.db, actor, pScope, province, [{ unitCode: '12', indicatorCode: 'houses_supported', year: 2027, target: 200 }], '2027-01-05');
  await enterOutputs(d.db, actor, mt, 2026, 'Y', [{ indicatorCode: 'houses_supported', value: 500 }]); // last year's: not counted for 2027
  await enterOutputs(d.db, actor, mt, 2027, 'H1', [{ indicatorCode: 'houses_supported', value: 60 }]);
  await enterOutputs(d.db, actor, dk, 2027, 'H1', [{ indicatorCode: 'houses_supported', value: 30 }]);
  const vi = provinceHouses(await readTargets(d.db, pScope, province, 2027, '2027-07-01'));
  assert.equal(vi.judgement.projected, 180); // (60 + 30) × 2
  assert.equal(vi.judgement.status, 'at_risk'); // 20 short of 200, within 10 %
  assert.equal(vi.judgement.explanation, 'Đạt 90 sau 6 tháng (tổng của 2 đơn vị đã báo cáo), ước cả năm theo tốc độ 6 tháng đầu năm: 180; chỉ tiêu đạt ít nhất 200 → có nguy cơ không đạt (trong biên 20).');
  const en = provinceHouses(await readTargets(d.db, pScope, province, 2027, '2027-07-01', 'en'));
  assert.equal(en.judgement.explanation, '90 reached in the first six months (sum of the 2 reporting units), whole year at that pace: 180; target at least 200 → at risk (within the margin of 20).');
  // Both communes' annual figures make the province's figure final.
  await enterOutputs(d.db, actor, mt, 2027, 'Y', [{ indicatorCode: 'houses_supported', value: 130 }]);
  await enterOutputs(d.db, actor, dk, 2027, 'Y', [{ indicatorCode: 'houses_supported', value: 75 }]);
  const final = provinceHouses(await readTargets(d.db, pScope, province, 2027, '2028-01-10'));
  assert.deepEqual([final.judgement.projected, final.judgement.final, final.judgement.status], [205, true, 'on_track']);
});

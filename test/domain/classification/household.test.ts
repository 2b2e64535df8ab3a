/**
 * Raw households end to end: class, deprivations, explanation, Decree 30/2025 low-income workers and the
 * farm average-living-standard flag.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ClassificationInputError,
  classifyHousehold,
  classifySummaryRecord,
  getStandard,
  withParameterOverrides,
} from '../../../src/domain/index.ts';
import { REFERENCE_DATE, adult, bornForAge, household, withMember } from './household-fixtures.ts';

const ND07 = getStandard('ND07_2021');

/** Base household made deprived in health insurance, latrine and water source. */
function deprivedThree(income: number) {
  const h = household({ income, latrine: 'simple_pit', waterSource: 'unprotected_dug_well' });
  return { ...h, members: [adult({ name: 'Chủ hộ', healthInsurance: false }), ...h.members.slice(1)] };
}

test('a raw household classified under NĐ 07/2021 with reasons and explanation', () => {
  const r = classifyHousehold(deprivedThree(1_400_000), ND07);
  assert.equal(r.class, 'poor');
  assert.equal(r.subtype, undefined);
  assert.equal(r.standard, 'ND07_2021');
  assert.deepEqual(r.deprivations, ['health_insurance', 'water_source', 'latrine']);
  assert.equal(r.deprivationCount, 3);
  assert.equal(r.explanation, 'Thu nhập 1.400.000 đ ≤ chuẩn 1.500.000 đ (nông thôn); thiếu hụt 3 chỉ số: BHYT, nguồn nước, nhà tiêu hợp vệ sinh → hộ nghèo');
  assert.equal(r.indicators?.length, 12);
  assert.equal(r.indicators?.find((e) => e.id === 'health_insurance')?.reason, 'Thành viên từ 6 tuổi trở lên không có thẻ BHYT: Chủ hộ (45 tuổi)');
  assert.equal(r.lowIncomeWorkers, undefined);
});

test('raw and summary paths agree', () => {
  for (const income of [1_000_000, 1_500_000, 1_500_001, 2_250_000, 2_250_001]) {
    const raw = classifyHousehold(deprivedThree(income), ND07);
    const summary = classifySummaryRecord({ id: 'HH-1', area: 'rural', income, deprivations: raw.deprivations }, ND07);
    assert.equal(raw.class, summary.class, String(income));
    assert.equal(raw.explanation.split(' → ')[1]?.split(';')[0], summary.explanation.split(' → ')[1], String(income));
  }
});

test('the same household under each standard', () => {
  const h = deprivedThree(1_400_000);
  assert.equal(classifyHousehold(h, getStandard('QD59_2015')).class, 'average');
  assert.equal(classifyHousehold({ ...h, income: 800_000 }, getStandard('QD59_2015')).subtype, 'multidimensional');
  assert.equal(classifyHousehold({ ...h, income: 650_000 }, getStandard('QD59_2015')).subtype, 'income');
  assert.equal(classifyHousehold(h, getStandard('ND351_2025')).class, 'poor');
  assert.equal(classifyHousehold(h, getStandard('BAC_NINH_2022_2025')).class, 'poor');
});

test('low-income workers (Decree 30/2025): working-age members of a non-poor, non-near-poor household with income ≤ 2.25M rural / 3M urban', () => {
  const h = withMember(adult({ name: 'Ông', dateOfBirth: bornForAge(70), employment: 'not_in_labour_force' }), { income: 2_250_000 });
  const r = classifyHousehold(h, ND07);
  assert.equal(r.class, 'average');
  assert.deepEqual(r.lowIncomeWorkers?.map((w) => w.name), ['Người lớn', 'Vợ']);
  assert.match(r.explanation, /2 thành viên là người lao động có thu nhập thấp \(thu nhập 2\.250\.000 đ ≤ 2\.250\.000 đ, Nghị định 30\/2025\/NĐ-CP\): Người lớn, Vợ/);
  // One đồng above the line: none.
  assert.equal(classifyHousehold({ ...h, income: 2_250_001 }, ND07).lowIncomeWorkers, undefined);
  // Urban line 3,000,000.
  assert.equal(classifyHousehold({ ...h, area: 'urban', income: 3_000_000 }, ND07).lowIncomeWorkers?.length, 2);
  // Near-poor households are excluded.
  assert.equal(classifyHousehold({ ...h, income: 1_500_000 }, ND07).lowIncomeWorkers, undefined);
});

test('low-income worker rule applies only in its window (Decree 30/2025 signed 24 Feb 2025; 2026 UNCONFIRMED)', () => {
  const h = household({ income: 2_000_000 });
  assert.equal(classifyHousehold({ ...h, referenceDate: '2025-02-23' }, ND07).lowIncomeWorkers, undefined);
  assert.equal(classifyHousehold({ ...h, referenceDate: '2025-02-24' }, ND07).lowIncomeWorkers?.length, 2);
  assert.equal(classifyHousehold({ ...h, referenceDate: '2026-03-01' }, ND07).lowIncomeWorkers, undefined);
  const extended = withParameterOverrides(ND07, { lowIncomeWorkerEffectiveUntil: '2026-12-31' });
  assert.equal(classifyHousehold({ ...h, referenceDate: '2026-03-01' }, extended).lowIncomeWorkers?.length, 2);
  assert.equal(classifyHousehold(h, getStandard('ND351_2025')).lowIncomeWorkers, undefined);
});

test('farm average-living-standard households', () => {
  const farm = household({ income: 2_000_000, farmOccupations: ['fishery'] });
  const r = classifyHousehold(farm, ND07);
  assert.equal(r.class, 'average');
  assert.equal(r.farmAverageLivingStandard, true);
  assert.match(r.explanation, /hộ làm ngư nghiệp → thuộc diện hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp và diêm nghiệp có mức sống trung bình/);
  assert.equal(classifyHousehold(household({ income: 2_000_000 }), ND07).farmAverageLivingStandard, false);
  assert.equal(classifyHousehold(household({ income: 1_000_000, farmOccupations: ['fishery'] }), ND07).farmAverageLivingStandard, undefined);
});

test('reference date: option, per-household override, or an error', () => {
  const { referenceDate: _drop, ...noDate } = household();
  assert.throws(() => classifyHousehold(noDate, ND07), /Thiếu ngày rà soát/);
  assert.equal(classifyHousehold(noDate, ND07, { referenceDate: REFERENCE_DATE }).class, 'near_poor');
  // The household's own date wins: a child born 2012-09-01 is 12 on 2025-01-01 and 13 on 2025-11-15.
  const r = classifyHousehold({ ...household(), referenceDate: '2025-01-01' }, ND07, { referenceDate: '2030-01-01' });
  assert.match(r.indicators!.find((e) => e.id === 'child_schooling')!.reason, /Mọi trẻ em/);
});

test('input errors carry Vietnamese messages', () => {
  const cases: [unknown, RegExp][] = [
    [{ ...household(), area: 'mountain' }, /Khu vực "mountain" không hợp lệ/],
    [{ ...household(), income: -1 }, /không được âm/],
    [{ ...household(), income: undefined }, /Thiếu thu nhập bình quân \(income\) hoặc điểm A/],
    [{ ...household(), members: [] }, /ít nhất một thành viên/],
  ];
  for (const [h, message] of cases) {
    assert.throws(() => classifyHousehold(h as never, ND07), (e: unknown) => e instanceof ClassificationInputError && message.test(e.message));
  }
});

/** Year → standard map and review campaigns. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  NATIONAL_STANDARD_PERIODS,
  defineReviewCampaign,
  getStandard,
  nationalStandardIdForYear,
  standardForYear,
} from '../../../src/domain/index.ts';

test('each policy year maps to the standard of its period', () => {
  const expected: [number, string | undefined][] = [
    [2015, undefined], [2016, 'QD59_2015'], [2020, 'QD59_2015'], [2021, 'QD59_2015'], [2022, 'ND07_2021'],
    [2025, 'ND07_2021'], [2026, 'ND07_2021'], [2027, 'ND351_2025'], [2030, 'ND351_2025'], [2031, undefined],
  ];
  for (const [year, id] of expected) assert.equal(nationalStandardIdForYear(year), id, String(year));
  assert.equal(standardForYear(2024)?.id, 'ND07_2021');
  assert.equal(standardForYear(1999), undefined);
  assert.equal(nationalStandardIdForYear(2024.5), undefined);
});

test('property: defined exactly for 2016–2030, within the standard\'s own years, and never going back in time', () => {
  const order = ['QD59_2015', 'ND07_2021', 'ND351_2025'];
  fc.assert(fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1900, max: 2100 }), (a, b) => {
    const ia = nationalStandardIdForYear(a);
    if ((ia !== undefined) !== (a >= 2016 && a <= 2030)) return false;
    if (ia !== undefined) {
      const s = getStandard(ia);
      if (a < s.years.from || a > s.years.to) return false;
    }
    const ib = nationalStandardIdForYear(b);
    if (ia === undefined || ib === undefined) return true;
    return a <= b ? order.indexOf(ia) <= order.indexOf(ib) : order.indexOf(ia) >= order.indexOf(ib);
  }));
});

test('the periods table is contiguous', () => {
  for (let i = 1; i < NATIONAL_STANDARD_PERIODS.length; i++) {
    assert.equal(NATIONAL_STANDARD_PERIODS[i].from, NATIONAL_STANDARD_PERIODS[i - 1].to + 1);
  }
});

test('a late-year review of year N produces the lists of N+1 under the standard of N+1', () => {
  const c2025 = defineReviewCampaign(2025);
  assert.deepEqual([c2025.policyYear, c2025.standardId], [2026, 'ND07_2021']);
  assert.equal(c2025.name, 'Rà soát định kỳ hằng năm năm 2025 — danh sách áp dụng năm 2026, chuẩn ND07_2021');
  assert.equal(defineReviewCampaign(2026).standardId, 'ND351_2025');
  assert.equal(defineReviewCampaign(2021, { kind: 'general' }).standardId, 'ND07_2021');
  assert.equal(defineReviewCampaign(2021, { standardId: 'QD59_2015' }).standardId, 'QD59_2015');
  assert.equal(defineReviewCampaign(2026, { useNextYearStandard: false }).standardId, 'ND07_2021');
  const regular = defineReviewCampaign(2024, { kind: 'regular' });
  assert.deepEqual([regular.policyYear, regular.standardId], [2024, 'ND07_2021']);
  assert.throws(() => defineReviewCampaign(2030), /Không có chuẩn nghèo quốc gia cho năm 2031/);
});

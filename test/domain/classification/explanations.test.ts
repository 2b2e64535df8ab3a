/**
 * Exact Vietnamese explanations for each class and standard.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifySummaryRecord, getStandard, type SummaryRecord } from '../../../src/domain/index.ts';

function explain(standardId: string, record: Omit<SummaryRecord, 'id'>): string {
  return classifySummaryRecord({ id: 'x', ...record }, getStandard(standardId)).explanation;
}

test('the example of the issue, word for word', () => {
  assert.equal(
    explain('ND07_2021', { area: 'rural', income: 1_400_000, deprivations: ['health_insurance', 'latrine', 'water_source'] }),
    'Thu nhập 1.400.000 đ ≤ chuẩn 1.500.000 đ (nông thôn); thiếu hụt 3 chỉ số: BHYT, nhà tiêu hợp vệ sinh, nguồn nước → hộ nghèo',
  );
});

test('NĐ 07/2021 explanations', () => {
  const cases: [Omit<SummaryRecord, 'id'>, string][] = [
    [{ area: 'urban', income: 2_000_000, deprivations: ['telecom', 'nutrition'] },
      'Thu nhập 2.000.000 đ ≤ chuẩn 2.000.000 đ (thành thị); thiếu hụt 2 chỉ số (dưới 3): dịch vụ viễn thông, dinh dưỡng → hộ cận nghèo'],
    [{ area: 'rural', income: 900_000, deprivations: [] },
      'Thu nhập 900.000 đ ≤ chuẩn 1.500.000 đ (nông thôn); không thiếu hụt chỉ số nào → hộ cận nghèo'],
    [{ area: 'rural', income: 1_500_001, deprivations: ['employment', 'dependents', 'nutrition'] },
      'Thu nhập 1.500.001 đ > chuẩn 1.500.000 đ và ≤ 2.250.000 đ (nông thôn) → hộ có mức sống trung bình'],
    [{ area: 'urban', income: 3_000_001, deprivations: [] },
      'Thu nhập 3.000.001 đ > 3.000.000 đ, mức trên của hộ có mức sống trung bình (thành thị) → không thuộc hộ nghèo, hộ cận nghèo, hộ có mức sống trung bình'],
    [{ area: 'rural', scoreA: 130, deprivations: ['employment', 'dependents', 'nutrition'] },
      'Điểm A 130 ≤ 140 (nông thôn, tương ứng chuẩn 1.500.000 đ); điểm B 30 ≥ 30 (thiếu hụt 3 chỉ số: việc làm, người phụ thuộc, dinh dưỡng) → hộ nghèo'],
    [{ area: 'urban', scoreA: 176, deprivations: [] },
      'Điểm A 176 > 175 (thành thị) → không thuộc hộ nghèo, hộ cận nghèo (cần thu nhập thực tế để xét hộ có mức sống trung bình)'],
    [{ area: 'urban', scoreA: 176, income: 2_500_000, deprivations: [] },
      'Điểm A 176 > 175 (thành thị); thu nhập 2.500.000 đ > chuẩn 2.000.000 đ và ≤ 3.000.000 đ → hộ có mức sống trung bình'],
  ];
  for (const [record, expected] of cases) assert.equal(explain('ND07_2021', record), expected);
});

test('QĐ 59/2015 explanations name both lines and the poor subtype', () => {
  assert.equal(
    explain('QD59_2015', { area: 'rural', income: 700_000, deprivations: ['health_access'] }),
    'Thu nhập 700.000 đ ≤ chuẩn nghèo 700.000 đ (nông thôn) → hộ nghèo (nghèo về thu nhập)',
  );
  assert.equal(
    explain('QD59_2015', { area: 'urban', income: 1_000_000, deprivations: ['health_access', 'telecom', 'latrine'] }),
    'Thu nhập 1.000.000 đ > chuẩn nghèo 900.000 đ và ≤ chuẩn cận nghèo 1.300.000 đ (thành thị); thiếu hụt 3 chỉ số: tiếp cận dịch vụ y tế, dịch vụ viễn thông, nhà tiêu hợp vệ sinh → hộ nghèo (nghèo do thiếu hụt dịch vụ xã hội cơ bản)',
  );
  assert.equal(
    explain('QD59_2015', { area: 'rural', income: 1_200_000, deprivations: [] }),
    'Thu nhập 1.200.000 đ > chuẩn cận nghèo 1.000.000 đ và ≤ 1.500.000 đ (nông thôn) → hộ có mức sống trung bình',
  );
});

test('NĐ 351/2025 uses "đô thị" and has no average band by default', () => {
  assert.equal(
    explain('ND351_2025', { area: 'urban', income: 2_900_000, deprivations: ['waste_treatment'] }),
    'Thu nhập 2.900.000 đ > chuẩn 2.800.000 đ (đô thị) → không thuộc hộ nghèo, hộ cận nghèo',
  );
  assert.equal(
    explain('ND351_2025', { area: 'urban', income: 2_800_000, deprivations: ['waste_treatment', 'telecom', 'latrine'] }),
    'Thu nhập 2.800.000 đ ≤ chuẩn 2.800.000 đ (đô thị); thiếu hụt 3 chỉ số: xử lý rác thải, dịch vụ viễn thông, nhà tiêu hợp vệ sinh → hộ nghèo',
  );
});

test('fractional amounts use the Vietnamese decimal comma', () => {
  assert.match(explain('ND07_2021', { area: 'rural', income: 1_234_567.5, deprivations: [] }), /^Thu nhập 1\.234\.567,5 đ/);
});

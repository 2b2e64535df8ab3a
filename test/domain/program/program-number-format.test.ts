/** Numbers of the program's charts, tables, PDFs and Excel labels: Vietnamese format in both languages. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatChartValue, formatNumberVi } from '../../../src/domain/program/number-format.ts';
import { budgetChartOption, povertyRateChartOption } from '../../../src/domain/program/chart-options.ts';

test('thousands with dots, decimals with a comma, at most two decimals', () => {
  assert.equal(formatNumberVi(40000), '40.000');
  assert.equal(formatNumberVi(17.834), '17,83');
  assert.equal(formatNumberVi(1234567.5), '1.234.567,5');
  assert.equal(formatNumberVi(0.5), '0,5');
  assert.equal(formatNumberVi(-1234.5), '-1.234,5');
  assert.equal(formatNumberVi(-0.001), '0');
  assert.equal(formatNumberVi(999.999), '1.000');
  assert.equal(formatChartValue({ value: 17.83 }), '17,83');
  assert.equal(formatChartValue([2026, 40000]), '40.000');
  assert.equal(formatChartValue(null), '');
});

test('the same digits as the number, read back the Vietnamese way', () => {
  fc.assert(
    fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
      const x = whole + Math.sign(whole || 1) * (cents / 100);
      const back = Number(formatNumberVi(x).replace(/\./g, '').replace(',', '.'));
      assert.ok(Math.abs(back - x) < 1e-6, `${x} → ${formatNumberVi(x)}`);
      assert.doesNotMatch(formatNumberVi(x), /\d,\d{3}(\D|$)|\.\d{1,2}$/);
    }),
  );
});

test('the charts format their axis, labels and tooltip the Vietnamese way', () => {
  const rate = povertyRateChartOption([{ year: 2025, rate: 17.834 }], { year: 2026, value: 15.5 }, { rate: 'Tỷ lệ', target: 'Chỉ tiêu' });
  assert.equal(rate.yAxis.axisLabel.formatter(12.5), '12,5');
  assert.equal(rate.series[0]!.label.formatter({ value: 17.834 }), '17,83');
  assert.equal(rate.tooltip.valueFormatter(15.5), '15,5');
  const budget = budgetChartOption([{ label: 'HP1', planned: 40000, allocated: 30000, disbursed: 12345 }], { planned: 'Kế hoạch', allocated: 'Phân bổ', disbursed: 'Giải ngân', unit: 'triệu đ' });
  assert.equal(budget.yAxis.axisLabel.formatter(40000), '40.000');
  // The legend is under the plot, away from the axis name at the top.
  assert.equal(budget.legend.bottom, 0);
});

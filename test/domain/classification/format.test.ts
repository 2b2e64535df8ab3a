/** Vietnamese number formatting used in explanations and reasons. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatNumberVi, formatPercentVi, formatVnd } from '../../../src/domain/index.ts';

test('thousands with ".", decimals with ","', () => {
  const cases: [number, string][] = [
    [0, '0'], [7, '7'], [999, '999'], [1000, '1.000'], [1_001, '1.001'], [1_400_000, '1.400.000'],
    [123_456_789, '123.456.789'], [1_234_567_890, '1.234.567.890'], [6.25, '6,25'], [7.999, '8'], [1234.5, '1.234,5'], [-3, '-3'],
  ];
  for (const [x, text] of cases) assert.equal(formatNumberVi(x), text, String(x));
  assert.equal(formatVnd(1_500_000), '1.500.000 đ');
  assert.equal(formatPercentVi(0.6), '60%');
  assert.equal(formatPercentVi(2 / 3), '66,67%');
});

test('integers round-trip through the formatted text', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => Number(formatNumberVi(n).replaceAll('.', '')) === n));
});

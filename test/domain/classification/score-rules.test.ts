/**
 * Review scores: score A ≤ 140 (rural) / ≤ 175 (urban) ≙ the income line; score B = 10 points per
 * deprived indicator, poor from 30 (Circular 07/2021). Boundary tests at, one point below and above.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AREA_CODE,
  ClassificationInputError,
  classifySummaryColumns,
  classifySummaryRecord,
  classOfCode,
  getStandard,
  withParameterOverrides,
  type AreaType,
  type PovertyStandard,
} from '../../../src/domain/index.ts';

function ids(standard: PovertyStandard, n: number): string[] {
  return standard.indicators.slice(0, n).map((i) => i.id);
}

function byScore(standard: PovertyStandard, area: AreaType, scoreA: number, d: number, income?: number) {
  return classifySummaryRecord({ id: 1, area, scoreA, income, deprivations: ids(standard, d) }, standard);
}

test('NĐ 07/2021 score A line 140 rural / 175 urban, score B 20 vs 30', () => {
  const s = getStandard('ND07_2021');
  const table: [AreaType, number, number, string][] = [
    ['rural', 139, 2, 'near_poor'], ['rural', 139, 3, 'poor'],
    ['rural', 140, 2, 'near_poor'], ['rural', 140, 3, 'poor'],
    ['rural', 141, 2, 'none'], ['rural', 141, 3, 'none'],
    ['urban', 174, 3, 'poor'], ['urban', 175, 2, 'near_poor'], ['urban', 175, 3, 'poor'],
    ['urban', 176, 3, 'none'], ['rural', 175, 3, 'none'],
  ];
  for (const [area, score, d, expected] of table) {
    assert.equal(byScore(s, area, score, d).class, expected, `${area} A=${score} B=${d * 10}`);
  }
  // Columnar path agrees.
  const n = table.length;
  const cols = { length: n, area: new Uint8Array(n), value: new Float64Array(n), deprivationMask: new Uint32Array(n) };
  table.forEach(([area, score, d], i) => {
    cols.area[i] = AREA_CODE[area];
    cols.value[i] = score;
    cols.deprivationMask[i] = (1 << d) - 1;
  });
  const out = new Uint8Array(n);
  classifySummaryColumns(s, cols, 'scoreA', out);
  table.forEach(([, , , expected], i) => assert.equal(classOfCode(out[i]), expected));
});

test('score A above the line: the average band needs measured income', () => {
  const s = getStandard('ND07_2021');
  assert.equal(byScore(s, 'rural', 150, 0).class, 'none');
  assert.equal(byScore(s, 'rural', 150, 0, 2_000_000).class, 'average');
  assert.equal(byScore(s, 'rural', 150, 0, 2_250_001).class, 'none');
  // Score A decides poverty even when the measured income is below the line.
  const conflicting = byScore(s, 'rural', 150, 5, 1_400_000);
  assert.equal(conflicting.class, 'none');
  assert.match(conflicting.explanation, /điểm A vượt ngưỡng/);
  assert.equal(byScore(s, 'rural', 100, 5, 2_000_000).class, 'poor');
});

test('score B threshold follows the points per indicator (overridable where not confirmed)', () => {
  const s = withParameterOverrides(getStandard('ND351_2025'), {
    scoreALine: { rural: { value: 150, operator: '<=' }, urban: { value: 190, operator: '<=' } },
    scoreBPointsPerIndicator: 15,
  });
  // 2 × 15 = 30 ≥ 30 → poor with only two deprivations.
  assert.equal(byScore(s, 'rural', 150, 2).class, 'poor');
  assert.equal(byScore(s, 'rural', 150, 1).class, 'near_poor');
  assert.equal(byScore(s, 'urban', 191, 4).class, 'none');
});

test('QĐ 59/2015 score calibration (UNCONFIRMED defaults 120/150 rural, 140/175 urban)', () => {
  const s = getStandard('QD59_2015');
  assert.deepEqual([byScore(s, 'rural', 120, 0).class, byScore(s, 'rural', 120, 0).subtype], ['poor', 'income']);
  assert.deepEqual([byScore(s, 'rural', 121, 3).class, byScore(s, 'rural', 121, 3).subtype], ['poor', 'multidimensional']);
  assert.equal(byScore(s, 'rural', 121, 2).class, 'near_poor');
  assert.equal(byScore(s, 'rural', 150, 2).class, 'near_poor');
  assert.equal(byScore(s, 'rural', 151, 9).class, 'none');
  assert.equal(byScore(s, 'urban', 140, 0).subtype, 'income');
  assert.equal(byScore(s, 'urban', 175, 3).subtype, 'multidimensional');
  assert.equal(byScore(s, 'urban', 176, 3).class, 'none');
});

test('NĐ 351/2025 has no score A calibration yet: score A input is refused with a Vietnamese message', () => {
  const s = getStandard('ND351_2025');
  assert.throws(() => byScore(s, 'rural', 100, 3), (e: unknown) => e instanceof ClassificationInputError && /chưa có thang điểm A/.test(e.message));
  const out = new Uint8Array(1);
  const cols = { length: 1, area: new Uint8Array(1), value: new Float64Array(1), deprivationMask: new Uint32Array(1) };
  assert.throws(() => classifySummaryColumns(s, cols, 'scoreA', out), RangeError);
});

/**
 * Boundary tests of every income rule of every standard: at, one đồng below and one đồng above each
 * line, rural and urban, 2 vs 3 deprivations. Each case runs through the summary-record path and the
 * columnar fast path, which must agree.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AREA_CODE,
  CLASS_CODE,
  classOfCode,
  classifySummaryColumns,
  classifySummaryRecord,
  getStandard,
  subtypeOfCode,
  type AreaType,
  type HouseholdClass,
  type PoorSubtype,
  type PovertyStandard,
} from '../../../src/domain/index.ts';

type Expect = HouseholdClass | `poor:${PoorSubtype}`;

interface Case {
  area: AreaType;
  income: number;
  deprivations: number;
  expected: Expect;
}

/** `n` deprivation ids of the standard (its first indicators). */
function ids(standard: PovertyStandard, n: number): string[] {
  return standard.indicators.slice(0, n).map((i) => i.id);
}

function label(r: { class: HouseholdClass; subtype?: PoorSubtype }): Expect {
  return r.subtype === undefined ? r.class : `poor:${r.subtype}`;
}

function check(standard: PovertyStandard, cases: readonly Case[]): void {
  const n = cases.length;
  const columns = {
    length: n,
    area: new Uint8Array(n),
    value: new Float64Array(n),
    deprivationMask: new Uint32Array(n),
  };
  cases.forEach((c, i) => {
    columns.area[i] = AREA_CODE[c.area];
    columns.value[i] = c.income;
    columns.deprivationMask[i] = (1 << c.deprivations) - 1;
  });
  const out = new Uint8Array(n);
  assert.equal(classifySummaryColumns(standard, columns, 'income', out), 0);
  cases.forEach((c, i) => {
    const what = `${standard.id} ${c.area} ${c.income} đ, ${c.deprivations} thiếu hụt`;
    const r = classifySummaryRecord({ id: i, area: c.area, income: c.income, deprivations: ids(standard, c.deprivations) }, standard);
    assert.equal(label(r), c.expected, what);
    const code = out[i];
    const viaColumns: Expect = subtypeOfCode(code) === undefined ? classOfCode(code) : `poor:${subtypeOfCode(code)!}`;
    assert.equal(viaColumns, c.expected, `${what} (cột)`);
  });
}

/** at / −1 / +1 around a line with both deprivation counts. */
function around(area: AreaType, line: number, below: [Expect, Expect], above: [Expect, Expect]): Case[] {
  const out: Case[] = [];
  for (const [income, [two, three]] of [[line - 1, below], [line, below], [line + 1, above]] as const) {
    out.push({ area, income, deprivations: 2, expected: two }, { area, income, deprivations: 3, expected: three });
  }
  return out;
}

test('QĐ 59/2015: income-poor, multidimensionally poor, near-poor, average, none (rural 700k/1M/1.5M, urban 900k/1.3M/1.95M)', () => {
  const s = getStandard('QD59_2015');
  const I: Expect = 'poor:income';
  const M: Expect = 'poor:multidimensional';
  for (const [area, poor, near, avg] of [['rural', 700_000, 1_000_000, 1_500_000], ['urban', 900_000, 1_300_000, 1_950_000]] as const) {
    check(s, [
      ...around(area, poor, [I, I], ['near_poor', M]),
      ...around(area, near, ['near_poor', M], ['average', 'average']),
      ...around(area, avg, ['average', 'average'], ['none', 'none']),
      { area, income: 0, deprivations: 0, expected: I },
      { area, income: poor + 1, deprivations: 0, expected: 'near_poor' },
      { area, income: poor + 1, deprivations: 10, expected: M },
    ]);
  }
});

test('NĐ 07/2021 (2022–2026): poor = income ≤ line AND ≥ 3 deprivations; no income-only poor (rural 1.5M/2.25M, urban 2M/3M)', () => {
  const s = getStandard('ND07_2021');
  for (const [area, line, avg] of [['rural', 1_500_000, 2_250_000], ['urban', 2_000_000, 3_000_000]] as const) {
    check(s, [
      ...around(area, line, ['near_poor', 'poor'], ['average', 'average']),
      ...around(area, avg, ['average', 'average'], ['none', 'none']),
      { area, income: 0, deprivations: 0, expected: 'near_poor' },
      { area, income: 0, deprivations: 12, expected: 'poor' },
      { area, income: line + 1, deprivations: 12, expected: 'average' },
    ]);
  }
});

test('NĐ 351/2025 (2027–2030): single line 2.2M / 2.8M; no average band by default', () => {
  const s = getStandard('ND351_2025');
  for (const [area, line] of [['rural', 2_200_000], ['urban', 2_800_000]] as const) {
    check(s, [
      ...around(area, line, ['near_poor', 'poor'], ['none', 'none']),
      { area, income: line * 1.5, deprivations: 0, expected: 'none' },
    ]);
  }
});

test('rural and urban lines differ: the same income is classified by the area line', () => {
  const s = getStandard('ND07_2021');
  check(s, [
    { area: 'rural', income: 1_800_000, deprivations: 3, expected: 'average' },
    { area: 'urban', income: 1_800_000, deprivations: 3, expected: 'poor' },
    { area: 'rural', income: 2_500_000, deprivations: 0, expected: 'none' },
    { area: 'urban', income: 2_500_000, deprivations: 0, expected: 'average' },
  ]);
});

test('local standard Bắc Ninh 2022–2025: 1.75M rural / 2.25M urban with the national ≥ 3 rule', () => {
  const s = getStandard('BAC_NINH_2022_2025');
  check(s, [
    ...around('rural', 1_750_000, ['near_poor', 'poor'], ['none', 'none']),
    ...around('urban', 2_250_000, ['near_poor', 'poor'], ['none', 'none']),
  ]);
  // Same household, national vs local: poor only under the local line.
  const r = { id: 'x', area: 'rural' as const, income: 1_600_000, deprivations: ids(s, 3) };
  assert.equal(classifySummaryRecord(r, getStandard('ND07_2021')).class, 'average');
  assert.equal(classifySummaryRecord(r, s).class, 'poor');
});

test('fractional incomes are compared exactly', () => {
  const s = getStandard('ND07_2021');
  check(s, [
    { area: 'rural', income: 1_500_000.000001, deprivations: 3, expected: 'average' },
    { area: 'rural', income: 1_499_999.999999, deprivations: 3, expected: 'poor' },
  ]);
});

test('class codes decode to classes and QĐ 59 subtypes', () => {
  assert.equal(classOfCode(CLASS_CODE.POOR_INCOME), 'poor');
  assert.equal(subtypeOfCode(CLASS_CODE.POOR_INCOME), 'income');
  assert.equal(subtypeOfCode(CLASS_CODE.POOR), undefined);
  assert.throws(() => classOfCode(CLASS_CODE.INVALID), RangeError);
});

/**
 * Property tests (fast-check): monotonicity of the classification in deprivations and income, agreement
 * of the summary-record and columnar paths, and raw-fact monotonicity.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  AREA_CODE,
  classOfCode,
  classifyHousehold,
  classifySummaryColumns,
  classifySummaryRecord,
  getStandard,
  type AreaType,
  type HouseholdClass,
  type PovertyStandard,
} from '../../../src/domain/index.ts';
import { household } from './household-fixtures.ts';

/** Severity: higher = worse off. */
const SEVERITY: Record<HouseholdClass, number> = { none: 0, average: 1, near_poor: 2, poor: 3 };

const STANDARDS = ['QD59_2015', 'ND07_2021', 'ND351_2025', 'BAC_NINH_2022_2025'].map(getStandard);

const standardArb = fc.constantFrom(...STANDARDS);
const areaArb = fc.constantFrom<AreaType>('rural', 'urban');
const incomeArb = fc.oneof(fc.integer({ min: 0, max: 5_000_000 }), fc.double({ min: 0, max: 5_000_000, noNaN: true }));

function subset(standard: PovertyStandard, mask: number): string[] {
  return standard.indicators.filter((_, i) => (mask & (1 << i)) !== 0).map((i) => i.id);
}

function severity(standard: PovertyStandard, area: AreaType, income: number, mask: number): number {
  return SEVERITY[classifySummaryRecord({ area, income, deprivations: subset(standard, mask) }, standard).class];
}

test('more deprivations never improve the class', () => {
  fc.assert(
    fc.property(standardArb, areaArb, incomeArb, fc.nat(), fc.nat(), (s, area, income, a, b) => {
      const full = (1 << s.indicators.length) - 1;
      const fewer = a & full;
      const more = (fewer | b) & full;
      return severity(s, area, income, more) >= severity(s, area, income, fewer);
    }),
    { numRuns: 2000 },
  );
});

test('higher income never worsens the class', () => {
  fc.assert(
    fc.property(standardArb, areaArb, incomeArb, incomeArb, fc.nat(), (s, area, x, y, m) => {
      const mask = m & ((1 << s.indicators.length) - 1);
      const [low, high] = x <= y ? [x, y] : [y, x];
      return severity(s, area, high, mask) <= severity(s, area, low, mask);
    }),
    { numRuns: 2000 },
  );
});

test('higher score A never worsens the class (standards with a calibration)', () => {
  const calibrated = STANDARDS.filter((s) => s.parameters.scoreALine !== null);
  fc.assert(
    fc.property(fc.constantFrom(...calibrated), areaArb, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), fc.nat(), (s, area, x, y, m) => {
      const deprivations = subset(s, m & ((1 << s.indicators.length) - 1));
      const [low, high] = x <= y ? [x, y] : [y, x];
      const sev = (scoreA: number) => SEVERITY[classifySummaryRecord({ area, scoreA, deprivations }, s).class];
      return sev(high) <= sev(low);
    }),
    { numRuns: 1000 },
  );
});

test('the columnar fast path agrees with the summary-record path', () => {
  fc.assert(
    fc.property(standardArb, fc.array(fc.tuple(areaArb, incomeArb, fc.nat()), { minLength: 1, maxLength: 200 }), (s, rows) => {
      const n = rows.length;
      const cols = { length: n, area: new Uint8Array(n), value: new Float64Array(n), deprivationMask: new Uint32Array(n) };
      const full = (1 << s.indicators.length) - 1;
      rows.forEach(([area, income, m], i) => {
        cols.area[i] = AREA_CODE[area];
        cols.value[i] = income;
        cols.deprivationMask[i] = m & full;
      });
      const out = new Uint8Array(n);
      classifySummaryColumns(s, cols, 'income', out);
      rows.forEach(([area, income, m], i) => {
        const r = classifySummaryRecord({ area, income, deprivations: subset(s, m & full) }, s);
        assert.equal(classOfCode(out[i]), r.class);
      });
    }),
    { numRuns: 300 },
  );
});

test('raw facts: losing insurance, water, latrine or internet never improves the class', () => {
  const worsen = [
    (h: ReturnType<typeof household>) => ({ ...h, members: h.members.map((m) => ({ ...m, healthInsurance: false })) }),
    (h: ReturnType<typeof household>) => ({ ...h, waterSource: 'surface_water' as const }),
    (h: ReturnType<typeof household>) => ({ ...h, latrine: 'none' as const }),
    (h: ReturnType<typeof household>) => ({ ...h, usesInternet: false, usesTelephone: false }),
    (h: ReturnType<typeof household>) => ({ ...h, housing: { ...h.housing!, floorArea: 10 } }),
  ];
  fc.assert(
    fc.property(standardArb, incomeArb, fc.subarray([0, 1, 2, 3, 4]), fc.nat({ max: 4 }), (s, income, applied, extra) => {
      let h = household({ income });
      for (const k of applied) h = worsen[k](h);
      const before = SEVERITY[classifyHousehold(h, s).class];
      const after = SEVERITY[classifyHousehold(worsen[extra](h), s).class];
      return after >= before;
    }),
    { numRuns: 500 },
  );
});

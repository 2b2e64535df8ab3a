import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareToTarget, fitLine, judgePace, judgeTrend, lineAt } from '../../../src/domain/program/projection.ts';
import { DEFAULT_PROGRAM_SETTINGS } from '../../../src/domain/program/settings.ts';

const P = DEFAULT_PROGRAM_SETTINGS.projection;
const rate = (target: number, targetYear = 2026) => ({ unit: 'percent' as const, direction: 'decrease' as const, target, targetYear });

test('fitLine recovers an exact line', () => {
  fc.assert(
    fc.property(fc.integer({ min: -500, max: 500 }), fc.integer({ min: -100, max: 100 }), fc.integer({ min: 2, max: 8 }), (a, b, n) => {
      const pts = Array.from({ length: n }, (_, i) => ({ year: 2020 + i, value: a / 10 + (b / 10) * (2020 + i - 2020) }));
      const line = fitLine(pts)!;
      assert.ok(Math.abs(lineAt(line, 2030) - (a / 10 + (b / 10) * 10)) < 1e-6);
    }),
  );
  assert.equal(fitLine([{ year: 2024, value: 1 }]), null);
  assert.equal(fitLine([{ year: 2024, value: 1 }, { year: 2024, value: 2 }]), null);
});

test('a rate falling 2 points a year is on track for a target it reaches, off track for one far below', () => {
  const series = [
    { year: 2022, value: 22 },
    { year: 2023, value: 20 },
    { year: 2024, value: 18 },
    { year: 2025, value: 16 },
  ];
  const ok = judgeTrend(rate(14.5), series, P);
  assert.equal(ok.status, 'on_track');
  assert.ok(Math.abs(ok.projected! - 14) < 1e-9);
  assert.match(ok.explanation, /Xu hướng tuyến tính 2022–2025 \(giảm 2 %\/năm\)/);
  assert.equal(judgeTrend(rate(13.7), series, P).status, 'at_risk'); // 0.3 point short, tolerance 0.5
  assert.equal(judgeTrend(rate(12), series, P).status, 'off_track');
});

test('a flat series misses a lower target; a known value of the target year is final', () => {
  const flat = [
    { year: 2023, value: 10 },
    { year: 2024, value: 10 },
    { year: 2025, value: 10 },
  ];
  assert.equal(judgeTrend(rate(9), flat, P).status, 'off_track');
  const final = judgeTrend(rate(9), [...flat, { year: 2026, value: 8.9 }], P);
  assert.equal(final.status, 'on_track');
  assert.equal(final.final, true);
});

test('too few points give no verdict', () => {
  const j = judgeTrend(rate(9), [{ year: 2025, value: 10 }], P);
  assert.equal(j.status, 'no_data');
  assert.equal(j.projected, null);
});

test('an increasing indicator (reduction points) judged the other way', () => {
  const t = { unit: 'points' as const, direction: 'increase' as const, target: 1.5, targetYear: 2026 };
  assert.equal(judgeTrend(t, [{ year: 2024, value: 1.2 }, { year: 2025, value: 1.6 }], P).status, 'on_track');
  assert.equal(judgeTrend(t, [{ year: 2024, value: 1.2 }, { year: 2025, value: 1.1 }], P).status, 'at_risk');
  assert.equal(judgeTrend(t, [{ year: 2024, value: 0.5 }, { year: 2025, value: 0.3 }], P).status, 'off_track');
});

test('pace: half-year figures doubled; counts use a share of the target as tolerance', () => {
  const t = { unit: 'count' as const, direction: 'increase' as const, target: 1000, targetYear: 2026 };
  assert.equal(judgePace(t, 520, 0.5, P).status, 'on_track');
  assert.equal(judgePace(t, 460, 0.5, P).status, 'at_risk'); // 920 projected, within 10 % of 1000
  assert.equal(judgePace(t, 300, 0.5, P).status, 'off_track');
  assert.equal(judgePace(t, 990, 1, P).final, true);
  assert.equal(judgePace(t, null, 0, P).status, 'no_data');
});

test('compareToTarget: a property of the three bands', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (p10, t10) => {
      const [projected, target] = [p10 / 10, t10 / 10];
      const s = compareToTarget(projected, target, 'decrease', 0.5);
      if (projected <= target) assert.equal(s, 'on_track');
      else if (p10 - t10 <= 5) assert.equal(s, 'at_risk');
      else assert.equal(s, 'off_track');
    }),
  );
});

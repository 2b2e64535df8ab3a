import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareToTarget, fitLine, judgementIn, judgePace, judgeTrend, lineAt, withNote } from '../../../src/domain/program/projection.ts';
import { problem } from '../../../src/domain/review/problem.ts';
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
  // A rate's slope is in points; both languages, numbers written the Vietnamese way in both.
  assert.equal(ok.explanation.vi, 'Xu hướng tuyến tính 2022–2025 (giảm 2 điểm %/năm), dự báo năm 2026: 14 %; chỉ tiêu không vượt quá 14,5 % → đúng tiến độ.');
  assert.equal(ok.explanation.en, 'Linear trend 2022–2025 (down 2 points a year), projected for 2026: 14 %; target at most 14,5 % → on track.');
  assert.equal(judgementIn(ok, 'en').explanation, ok.explanation.en);
  assert.match(judgeTrend(rate(13.7), series, P).explanation.vi, /→ có nguy cơ không đạt \(trong biên 0,5 điểm %\)\.$/);
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

const six = (reached: number, units = 1) => ({ reached, projected: reached * 2, units, annualUnits: 0 });

test('pace: half-year figures doubled; counts use a share of the target as tolerance', () => {
  const t = { unit: 'count' as const, direction: 'increase' as const, target: 1000, targetYear: 2026 };
  assert.equal(judgePace(t, six(520), P).status, 'on_track');
  const risk = judgePace(t, six(460), P); // 920 projected, within 10 % of 1000
  assert.equal(risk.status, 'at_risk');
  assert.equal(risk.explanation.vi, 'Đạt 460 sau 6 tháng, ước cả năm theo tốc độ 6 tháng đầu năm: 920; chỉ tiêu đạt ít nhất 1.000 → có nguy cơ không đạt (trong biên 100).');
  assert.equal(risk.explanation.en, '460 reached in the first six months, whole year at that pace: 920; target at least 1.000 → at risk (within the margin of 100).');
  assert.equal(judgePace(t, six(300), P).status, 'off_track');
  const final = judgePace(t, { reached: 990, projected: 990, units: 3, annualUnits: 3 }, P, true);
  assert.equal(final.final, true);
  assert.match(final.explanation.vi, /^Kết quả cả năm 2026 \(tổng của 3 đơn vị đã báo cáo\): 990;/);
  const none = judgePace(t, null, P);
  assert.equal(none.status, 'no_data');
  assert.equal(none.explanation.en, 'No figures reported for the year yet.');
});

test('pace explanations never speak of fractions of months; a mixed province figure counts its units', () => {
  const t = { unit: 'count' as const, direction: 'increase' as const, target: 150, targetYear: 2026 };
  const mixed = judgePace(t, { reached: 110, projected: 150, units: 2, annualUnits: 1 }, P, true);
  assert.equal(mixed.status, 'on_track');
  assert.match(mixed.explanation.vi, /1\/2 đơn vị đã có số cả năm, số 6 tháng của 1 đơn vị còn lại được tính gấp đôi; ước cả năm: 150;/);
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 30 }), fc.nat(30), (reached, units, annual) => {
      const annualUnits = Math.min(annual, units);
      const j = judgePace(t, { reached, projected: reached + (units - annualUnits) * 7, units, annualUnits }, P, true);
      for (const text of [j.explanation.vi, j.explanation.en]) assert.doesNotMatch(text, /\d[.,]\d+ (tháng|months)/);
    }),
  );
});

test('a note is added in both languages', () => {
  const j = withNote(judgeTrend(rate(9), [{ year: 2025, value: 10 }], P), problem('(ghi chú)', '(note)'));
  assert.equal(j.explanation.vi, 'Chưa đủ số liệu: cần ít nhất 2 năm, hiện có 1. (ghi chú)');
  assert.equal(j.explanation.en, 'Not enough data: at least 2 years needed, 1 available. (note)');
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

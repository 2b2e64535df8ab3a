import { test } from 'node:test';
import assert from 'node:assert/strict';
import { currentPeriod, periodDeadlines, submissionState } from '../../../src/domain/program/report-cycle.ts';
import { DEFAULT_PROGRAM_SETTINGS, mergeSettings, settingsProblems } from '../../../src/domain/program/settings.ts';
import { PROGRAM_2021_2025_DEF, programCodeForYear } from '../../../src/domain/program/program-structure.ts';

const S = DEFAULT_PROGRAM_SETTINGS;

test('deadlines: before 1 June and 1 December, communes 10 days earlier by default', () => {
  assert.deepEqual(periodDeadlines(2026, 'H1', S), { year: 2026, period: 'H1', provinceDue: '2026-06-01', communeDue: '2026-05-22' });
  assert.equal(periodDeadlines(2026, 'Y', S).communeDue, '2026-11-21');
  assert.equal(periodDeadlines(2026, 'Y', { ...S, communeLeadDays: 0 }).communeDue, '2026-12-01');
});

test('late reporters: not submitted by the due date, or submitted on or after it', () => {
  assert.equal(submissionState(null, '2026-05-22', '2026-05-21'), 'pending');
  assert.equal(submissionState(null, '2026-05-22', '2026-05-22'), 'late');
  assert.equal(submissionState('2026-05-21', '2026-05-22', '2026-07-01'), 'submitted');
  assert.equal(submissionState('2026-05-22', '2026-05-22', '2026-07-01'), 'submitted_late');
  assert.equal(currentPeriod('2026-03-01', S).period, 'H1');
  assert.equal(currentPeriod('2026-07-01', S).period, 'Y');
  assert.equal(currentPeriod('2026-12-30', S).period, 'Y');
});

test('settings: defaults valid, broken documents explained in Vietnamese, partial ones merged', () => {
  assert.deepEqual(settingsProblems(S), []);
  const bad = settingsProblems({ ...S, highPovertyRatePercent: 140, disbursementMilestones: [{ month: 9, day: 30, sharePercent: 70 }, { month: 6, day: 30, sharePercent: 40 }] });
  assert.equal(bad.length, 2);
  assert.match(bad.join(' '), /Ngưỡng tỷ lệ hộ nghèo cao/);
  assert.equal(mergeSettings({ communeLeadDays: 5 }).communeLeadDays, 5);
  assert.equal(mergeSettings({ projection: { atRiskPoints: 1 } }).projection.minPoints, 2);
});

test('the 2021–2025 program has its 7 projects; years map to programs', () => {
  assert.deepEqual(PROGRAM_2021_2025_DEF.nodes.filter((n) => n.level === 'project').map((n) => n.code), ['DA1', 'DA2', 'DA3', 'DA4', 'DA5', 'DA6', 'DA7']);
  for (const n of PROGRAM_2021_2025_DEF.nodes) if (n.parentCode) assert.ok(PROGRAM_2021_2025_DEF.nodes.some((p) => p.code === n.parentCode));
  assert.equal(programCodeForYear(2025), 'MTQG_GNBV_2021_2025');
  assert.equal(programCodeForYear(2026), 'MTQG_2026_2035');
  assert.equal(programCodeForYear(2019), null);
});

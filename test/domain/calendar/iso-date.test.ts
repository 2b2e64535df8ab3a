import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addCalendarDays,
  addCalendarMonths,
  calendarDaysBetween,
  compareIsoDates,
  dayNumberToIsoDate,
  formatIsoDateVi,
  isIsoDate,
  isoDate,
  isoDateToDayNumber,
  isoWeekday,
  weekdayNameVi,
} from '../../../src/domain/calendar/index.ts';

test('ISO dates: validation', () => {
  assert.ok(isIsoDate('2024-02-29'));
  assert.ok(!isIsoDate('2025-02-29'));
  assert.ok(!isIsoDate('2025-13-01'));
  assert.ok(!isIsoDate('2025-1-01'));
  assert.ok(!isIsoDate(20250101));
  assert.throws(() => isoDate(2025, 2, 30), /Ngày không hợp lệ/);
  assert.throws(() => isoDateToDayNumber('31/12/2025'), /Ngày không hợp lệ/);
});

test('ISO dates: day numbers and weekdays', () => {
  assert.equal(isoDateToDayNumber('1970-01-01'), 0);
  assert.equal(dayNumberToIsoDate(isoDateToDayNumber('2026-02-17')), '2026-02-17');
  assert.equal(isoWeekday('2026-02-17'), 2, '17 Feb 2026 (mùng 1 Tết Bính Ngọ) is a Tuesday');
  assert.equal(weekdayNameVi('2026-02-17'), 'thứ Ba');
  assert.equal(isoWeekday('2024-09-02'), 1);
  assert.equal(weekdayNameVi('2023-01-22'), 'Chủ nhật');
  assert.equal(isoWeekday('1969-12-31'), 3);
});

test('ISO dates: arithmetic and formatting', () => {
  assert.equal(addCalendarDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addCalendarDays('2024-03-01', -1), '2024-02-29');
  assert.equal(calendarDaysBetween('2026-04-15', '2026-04-30'), 15);
  assert.equal(addCalendarMonths('2023-01-31', 1), '2023-02-28');
  assert.equal(addCalendarMonths('2024-01-31', 1), '2024-02-29');
  assert.equal(addCalendarMonths('2023-01-10', 36), '2026-01-10');
  assert.equal(addCalendarMonths('2023-11-30', -11), '2022-12-30');
  assert.equal(compareIsoDates('2026-01-02', '2026-01-10'), -1);
  assert.equal(formatIsoDateVi('2026-02-07'), '07/02/2026');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  addCalendarDays,
  addWorkingDays,
  countWorkingDaysInclusive,
  createFixedWorkingCalendar,
  createVietnamWorkingCalendar,
  nextWorkingDayOnOrAfter,
  workingDaysBetween,
} from '../../../src/domain/calendar/index.ts';

const calendar = createVietnamWorkingCalendar();

test('addWorkingDays skips weekends and Tết', () => {
  assert.equal(addWorkingDays(calendar, '2026-02-12', 1), '2026-02-13');
  assert.equal(addWorkingDays(calendar, '2026-02-13', 1), '2026-02-23', 'Friday before Tết → Monday after');
  assert.equal(addWorkingDays(calendar, '2026-02-23', -1), '2026-02-13');
  assert.equal(addWorkingDays(calendar, '2026-02-15', 0), '2026-02-15');
  assert.equal(addWorkingDays(calendar, '2026-04-28', 3), '2026-05-05', '29/4, [30/4, 1/5, weekend], 4/5, 5/5');
});

test('workingDaysBetween counts (from, to] and is antisymmetric', () => {
  assert.equal(workingDaysBetween(calendar, '2026-02-13', '2026-02-23'), 1);
  assert.equal(workingDaysBetween(calendar, '2026-02-23', '2026-02-13'), -1);
  assert.equal(workingDaysBetween(calendar, '2026-03-02', '2026-03-02'), 0);
  assert.equal(workingDaysBetween(calendar, '2026-03-01', '2026-03-31'), 22);
});

test('countWorkingDaysInclusive counts a posting period with both ends', () => {
  assert.equal(countWorkingDaysInclusive(calendar, '2026-03-02', '2026-03-04'), 3);
  assert.equal(countWorkingDaysInclusive(calendar, '2026-03-06', '2026-03-10'), 3, 'Fri, [Sat, Sun], Mon, Tue');
  assert.equal(countWorkingDaysInclusive(calendar, '2026-04-29', '2026-05-04'), 2, 'Wed, [30/4, 1/5, Sat, Sun], Mon');
  assert.equal(countWorkingDaysInclusive(calendar, '2026-03-04', '2026-03-02'), 0);
  assert.equal(nextWorkingDayOnOrAfter(calendar, '2026-04-30'), '2026-05-04');
  assert.equal(nextWorkingDayOnOrAfter(calendar, '2026-05-04'), '2026-05-04');
});

test('a fixed calendar from an explicit list', () => {
  const fixed = createFixedWorkingCalendar({ daysOff: [{ date: '2026-03-04', kind: 'extra', nameVi: 'Ngày nghỉ' }], workingDays: ['2026-03-07'] });
  assert.equal(fixed.isWorkingDay('2026-03-04'), false);
  assert.equal(fixed.isWorkingDay('2026-03-07'), true);
  assert.equal(addWorkingDays(fixed, '2026-03-03', 2), '2026-03-06');
  assert.equal(fixed.holidayOn('2026-03-04')?.nameVi, 'Ngày nghỉ');
  const never = createFixedWorkingCalendar({ weekendDays: [1, 2, 3, 4, 5, 6, 7] });
  assert.throws(() => addWorkingDays(never, '2026-01-01', 1), /không có đủ ngày làm việc/);
});

// Dates from May 2016 to about June 2030, so ±60 working days stay inside the lunar table.
const dateArb = fc.integer({ min: 0, max: 5150 }).map((n) => addCalendarDays('2016-05-01', n));
const offsetArb = fc.integer({ min: -120, max: 120 });
const middleDateArb = fc.integer({ min: 0, max: 4900 }).map((n) => addCalendarDays('2016-09-01', n));

test('property: workingDaysBetween(d, addWorkingDays(d, n)) === n (n ≥ 0, or d a working day), and the result is a working day', () => {
  fc.assert(
    fc.property(dateArb, fc.integer({ min: -60, max: 60 }), (d, n) => {
      fc.pre(n >= 0 || calendar.isWorkingDay(d));
      const e = addWorkingDays(calendar, d, n);
      assert.equal(workingDaysBetween(calendar, d, e), n);
      if (n !== 0) assert.ok(calendar.isWorkingDay(e));
    }),
    { numRuns: 300 },
  );
});

test('property: workingDaysBetween is additive', () => {
  fc.assert(
    fc.property(middleDateArb, offsetArb, offsetArb, (a, k, m) => {
      const b = addCalendarDays(a, k);
      const c = addCalendarDays(b, m);
      assert.equal(workingDaysBetween(calendar, a, b) + workingDaysBetween(calendar, b, c), workingDaysBetween(calendar, a, c));
    }),
    { numRuns: 200 },
  );
});

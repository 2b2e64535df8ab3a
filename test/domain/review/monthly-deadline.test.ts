/** The monthly review deadline: 15 days from the start of the round (the 15th), statuses, holidays. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createVietnamWorkingCalendar } from '../../../src/domain/calendar/index.ts';
import {
  deadlineStatus,
  monthlyApplicationDeadline,
  monthlyRoundStart,
  reviewParameters,
} from '../../../src/domain/review/index.ts';

const calendar = createVietnamWorkingCalendar();
const defaults = reviewParameters();

test('the round starts on the 15th on or after receipt', () => {
  assert.equal(monthlyRoundStart('2026-04-10', 15), '2026-04-15');
  assert.equal(monthlyRoundStart('2026-04-15', 15), '2026-04-15');
  assert.equal(monthlyRoundStart('2026-04-16', 15), '2026-05-15');
  assert.equal(monthlyRoundStart('2026-12-20', 15), '2027-01-15');
});

test('15 calendar days from the round start; a deadline on 30/4 moves past 1/5 and the weekend to Monday 4/5/2026', () => {
  const d = monthlyApplicationDeadline('2026-04-10', defaults, calendar);
  assert.equal(d.roundStart, '2026-04-15');
  assert.equal(d.countedFrom, '2026-04-15');
  assert.equal(d.deadline, '2026-05-04');
  const noRoll = monthlyApplicationDeadline('2026-04-10', reviewParameters({ deadlineRollsToNextWorkingDay: false }), calendar);
  assert.equal(noRoll.deadline, '2026-04-30');
  assert.equal(monthlyApplicationDeadline('2026-03-02', defaults, calendar).deadline, '2026-03-30');
});

test('parameters: counted from receipt, or in working days (skipping the Hùng Kings make-up day and 30/4–1/5)', () => {
  const fromReceipt = monthlyApplicationDeadline('2026-04-20', reviewParameters({ monthlyDeadlineAnchor: 'receipt' }), calendar);
  assert.equal(fromReceipt.countedFrom, '2026-04-20');
  assert.equal(fromReceipt.deadline, '2026-05-05');
  const working = monthlyApplicationDeadline('2026-04-10', reviewParameters({ monthlyDeadlineDayKind: 'working' }), calendar);
  // 16, 17, 20–24, [27 make-up], 28, 29, [30/4, 1/5], 4–8, 11 May.
  assert.equal(working.deadline, '2026-05-11');
  const tet = monthlyApplicationDeadline('2026-02-01', reviewParameters({ monthlyDeadlineDayKind: 'working' }), calendar);
  assert.equal(tet.roundStart, '2026-02-15');
  assert.equal(tet.deadline, '2026-03-13', '15 working days after Sunday 15 Feb, Tết week excluded');
});

test('status: on time, due soon, overdue, and closed on time / late', () => {
  const d = monthlyApplicationDeadline('2026-04-10', defaults, calendar);
  assert.equal(deadlineStatus(d, '2026-04-20', defaults, calendar).status, 'on_time');
  const soon = deadlineStatus(d, '2026-05-01', defaults, calendar);
  assert.equal(soon.status, 'due_soon');
  assert.equal(soon.daysLeft, 3);
  assert.equal(soon.labelVi, 'Sắp đến hạn (còn 3 ngày)');
  assert.equal(deadlineStatus(d, '2026-05-04', defaults, calendar).status, 'due_soon');
  const late = deadlineStatus(d, '2026-05-06', defaults, calendar);
  assert.equal(late.status, 'overdue');
  assert.equal(late.labelVi, 'Quá hạn (2 ngày)');
  assert.equal(deadlineStatus(d, '2026-05-20', defaults, calendar, '2026-05-04').status, 'closed_on_time');
  assert.equal(deadlineStatus(d, '2026-05-20', defaults, calendar, '2026-05-05').status, 'closed_late');
});

/**
 * The monthly (regular) review deadline, review-procedure.md §3 and §5 [C]: rounds start on the 15th of
 * each month and the household gets a recognition decision (or a reasoned written refusal) "within 15
 * days from the start of the monthly review round". The docs say days, not working days, so calendar
 * days are the default; the anchor (round start vs. receipt date) and the day kind are parameters.
 * Counting follows the usual Vietnamese rule that the anchor day itself is not counted; when the last
 * day is not a working day the deadline moves to the next working day (parameter, UNCONFIRMED).
 */
import { addCalendarDays, calendarDaysBetween, compareIsoDates, isoDate, requireIsoDateParts, type IsoDate } from '../calendar/iso-date.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { addWorkingDays, nextWorkingDayOnOrAfter, workingDaysBetween } from '../calendar/working-days.ts';
import type { DeadlineDayKind, ReviewParameters } from './review-parameters.ts';

/** The start of the first monthly round on or after `receivedOn` (the `roundStartDay` of that or the next month). */
export function monthlyRoundStart(receivedOn: IsoDate, roundStartDay: number): IsoDate {
  const { year, month, day } = requireIsoDateParts(receivedOn);
  if (day <= roundStartDay) return isoDate(year, month, roundStartDay);
  return month === 12 ? isoDate(year + 1, 1, roundStartDay) : isoDate(year, month + 1, roundStartDay);
}

export interface MonthlyDeadline {
  readonly receivedOn: IsoDate;
  readonly roundStart: IsoDate;
  /** The day the period is counted from (round start or receipt, per the parameter). */
  readonly countedFrom: IsoDate;
  readonly dayKind: DeadlineDayKind;
  readonly days: number;
  /** Last day on which the decision or refusal is on time. */
  readonly deadline: IsoDate;
}

export type MonthlyDeadlineParameters = Pick<
  ReviewParameters,
  'monthlyRoundStartDay' | 'monthlyDecisionDeadlineDays' | 'monthlyDeadlineDayKind' | 'monthlyDeadlineAnchor' | 'deadlineRollsToNextWorkingDay'
>;

export function monthlyApplicationDeadline(
  receivedOn: IsoDate,
  parameters: MonthlyDeadlineParameters,
  calendar: WorkingCalendar,
): MonthlyDeadline {
  const roundStart = monthlyRoundStart(receivedOn, parameters.monthlyRoundStartDay);
  const countedFrom = parameters.monthlyDeadlineAnchor === 'round_start' ? roundStart : receivedOn;
  const days = parameters.monthlyDecisionDeadlineDays;
  let deadline: IsoDate;
  if (parameters.monthlyDeadlineDayKind === 'working') {
    deadline = addWorkingDays(calendar, countedFrom, days);
  } else {
    deadline = addCalendarDays(countedFrom, days);
    if (parameters.deadlineRollsToNextWorkingDay) deadline = nextWorkingDayOnOrAfter(calendar, deadline);
  }
  return Object.freeze({ receivedOn, roundStart, countedFrom, dayKind: parameters.monthlyDeadlineDayKind, days, deadline });
}

export type DeadlineStatus = 'on_time' | 'due_soon' | 'overdue' | 'closed_on_time' | 'closed_late';

export const DEADLINE_STATUS_LABELS_VI: Readonly<Record<DeadlineStatus, string>> = Object.freeze({
  on_time: 'Trong hạn',
  due_soon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
  closed_on_time: 'Đã giải quyết đúng hạn',
  closed_late: 'Đã giải quyết quá hạn',
});

export interface DeadlineStatusReport {
  readonly status: DeadlineStatus;
  /** Days (of the deadline's kind) from `asOf` to the deadline; negative when overdue. Absent once closed. */
  readonly daysLeft?: number;
  readonly labelVi: string;
}

/**
 * Status of a deadline on `asOf`: closed on time / late when `closedOn` is given, otherwise on time,
 * due soon (at most `dueSoonDays` left) or overdue (after the deadline day).
 */
export function deadlineStatus(
  deadline: MonthlyDeadline,
  asOf: IsoDate,
  parameters: Pick<ReviewParameters, 'dueSoonDays'>,
  calendar: WorkingCalendar,
  closedOn?: IsoDate,
): DeadlineStatusReport {
  if (closedOn !== undefined) {
    const status: DeadlineStatus = compareIsoDates(closedOn, deadline.deadline) <= 0 ? 'closed_on_time' : 'closed_late';
    return Object.freeze({ status, labelVi: DEADLINE_STATUS_LABELS_VI[status] });
  }
  const daysLeft =
    deadline.dayKind === 'working' ? workingDaysBetween(calendar, asOf, deadline.deadline) : calendarDaysBetween(asOf, deadline.deadline);
  let status: DeadlineStatus;
  if (compareIsoDates(asOf, deadline.deadline) > 0) status = 'overdue';
  else if (daysLeft <= parameters.dueSoonDays) status = 'due_soon';
  else status = 'on_time';
  const suffix = status === 'overdue' ? ` (${-daysLeft} ngày)` : ` (còn ${daysLeft} ngày)`;
  return Object.freeze({ status, daysLeft, labelVi: `${DEADLINE_STATUS_LABELS_VI[status]}${suffix}` });
}

/**
 * When a commune is "late" on the province board (a system rule, not law): the plan period
 * [planStart, planEnd] is divided into due dates for leaving each step; a commune still in a step after
 * its due date is late. The commune's part ends with the submission to the province, so `submitted` and
 * `accepted` are never late. Fractions of the plan period (rounded up to whole days):
 * listing 10 %, surveying 45 %, village meetings 60 %, public posting 70 %, complaints 80 %, decided (not
 * yet submitted) 100 % — i.e. a decision must be reported by the plan's last day.
 */
import { addCalendarDays, calendarDaysBetween, compareIsoDates, type IsoDate } from '../../domain/calendar/iso-date.ts';
import type { ReviewState } from '../../domain/review/review-states.ts';

export const STEP_DUE_FRACTIONS: Readonly<Partial<Record<ReviewState, number>>> = Object.freeze({
  listing: 0.1,
  surveying: 0.45,
  village_meetings: 0.6,
  public_posting: 0.7,
  complaints: 0.8,
  decided: 1,
});

/** Last day on which a commune may still be in `state`, or null when the state has no due date. */
export function stepDueDate(state: ReviewState, planStart: IsoDate, planEnd: IsoDate): IsoDate | null {
  const fraction = STEP_DUE_FRACTIONS[state];
  if (fraction === undefined) return null;
  const days = calendarDaysBetween(planStart, planEnd);
  return addCalendarDays(planStart, Math.ceil(days * fraction));
}

export function isLate(state: ReviewState, planStart: IsoDate, planEnd: IsoDate, today: IsoDate): boolean {
  const due = stepDueDate(state, planStart, planEnd);
  return due !== null && compareIsoDates(today, due) > 0;
}

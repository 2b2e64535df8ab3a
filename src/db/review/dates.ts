/** Civil dates in Vietnam (UTC+7, no daylight saving) for "today" and for timestamps. */
import type { IsoDate } from '../../domain/calendar/iso-date.ts';

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The Vietnamese civil date of an instant. */
export function vietnamDateOf(at: Date | string | number): IsoDate {
  return new Date(new Date(at).getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today in Vietnam. */
export function vietnamToday(now: Date = new Date()): IsoDate {
  return vietnamDateOf(now);
}

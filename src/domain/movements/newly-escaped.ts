/**
 * "Newly escaped" households (hộ mới thoát nghèo / thoát cận nghèo), review-procedure.md §8 and
 * policies.md §8: a window per policy starts at the date of the recognition decision that removed the
 * household from a list; window_end = decision date + window. The window lengths and which exits count
 * are parameters: program support 36 months (UNCONFIRMED), VBSP loans ≤ 3 years ([S]).
 */
import { addCalendarMonths, compareIsoDates, type IsoDate } from '../calendar/iso-date.ts';
import type { ValueStatus } from '../standards/types.ts';
import type { PovertyListStatus } from './list-status.ts';
import type { MovementCode } from './movement-codes.ts';

/** A household's removal from a list, with the decision that removed it. */
export interface ListExitRecord {
  readonly movement: MovementCode;
  readonly decisionDate: IsoDate;
  readonly decisionNumber?: string;
}

export interface NewlyEscapedWindow {
  readonly windowId: string;
  readonly labelVi: string;
  /** Window length in months from the removal decision (the end day is included). */
  readonly months: number;
  /** Exits that open the window. */
  readonly countedExits: readonly MovementCode[];
  /** Statuses at the service date that still qualify (e.g. back on the poor list → not "newly escaped"). */
  readonly qualifyingCurrentStatuses: readonly PovertyListStatus[];
  readonly status: ValueStatus;
  readonly sourceVi: string;
}

export const NEWLY_ESCAPED_WINDOWS: Readonly<Record<'ntp_program_support' | 'vbsp_newly_escaped_loan', NewlyEscapedWindow>> = Object.freeze({
  ntp_program_support: Object.freeze({
    windowId: 'ntp_program_support',
    labelVi: 'Hộ mới thoát nghèo — hỗ trợ của Chương trình MTQG giảm nghèo bền vững',
    months: 36,
    countedExits: Object.freeze(['poor_out_to_near_poor', 'poor_out_above_near_poor'] as MovementCode[]),
    qualifyingCurrentStatuses: Object.freeze(['near_poor', 'none'] as PovertyListStatus[]),
    status: 'UNCONFIRMED',
    sourceVi: 'QĐ 90/QĐ-TTg: 36 tháng kể từ ngày được công nhận thoát nghèo (policies.md §6)',
  }),
  vbsp_newly_escaped_loan: Object.freeze({
    windowId: 'vbsp_newly_escaped_loan',
    labelVi: 'Cho vay hộ mới thoát nghèo (Ngân hàng Chính sách xã hội)',
    months: 36,
    countedExits: Object.freeze(['poor_out_above_near_poor', 'near_poor_out_above'] as MovementCode[]),
    qualifyingCurrentStatuses: Object.freeze(['none'] as PovertyListStatus[]),
    status: 'S',
    sourceVi: 'Hộ nghèo, hộ cận nghèo ra khỏi danh sách không quá 3 năm (policies.md §3)',
  }),
});

export interface NewlyEscapedStatus {
  readonly windowId: string;
  readonly newlyEscaped: boolean;
  /** The exit that opened the latest window, if any. */
  readonly exit?: ListExitRecord;
  /** Date of the removal decision (start of the window). */
  readonly escapedOn?: IsoDate;
  /** Last day of the window. */
  readonly windowEnd?: IsoDate;
}

/**
 * Whether the household is "newly escaped" for `window` on `asOf`: its latest counted exit decided on
 * or before `asOf` must be at most `months` old (end day included) and its status on `asOf` must
 * qualify.
 */
export function newlyEscapedStatus(
  exits: readonly ListExitRecord[],
  currentStatus: PovertyListStatus,
  asOf: IsoDate,
  window: NewlyEscapedWindow,
): NewlyEscapedStatus {
  let latest: ListExitRecord | undefined;
  for (const e of exits) {
    if (!window.countedExits.includes(e.movement)) continue;
    if (compareIsoDates(e.decisionDate, asOf) > 0) continue;
    if (latest === undefined || compareIsoDates(e.decisionDate, latest.decisionDate) > 0) latest = e;
  }
  if (latest === undefined) return Object.freeze({ windowId: window.windowId, newlyEscaped: false });
  const windowEnd = addCalendarMonths(latest.decisionDate, window.months);
  const newlyEscaped = compareIsoDates(asOf, windowEnd) <= 0 && window.qualifyingCurrentStatuses.includes(currentStatus);
  return Object.freeze({ windowId: window.windowId, newlyEscaped, exit: latest, escapedOn: latest.decisionDate, windowEnd });
}

/** A window with another length (a deployment setting), keeping the rest. */
export function withWindowMonths(window: NewlyEscapedWindow, months: number): NewlyEscapedWindow {
  if (!Number.isInteger(months) || months < 0) throw new RangeError(`Số tháng không hợp lệ: ${months}`);
  return Object.freeze({ ...window, months });
}

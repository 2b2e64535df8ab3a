/**
 * Every value the review workflow reads, with its verification tag from the domain docs
 * (/work/shared/domain/review-procedure.md). Deployments override them through `reviewParameters()`;
 * nothing here is hard-coded in a guard.
 */
import type { ValueStatus } from '../standards/types.ts';

export interface MonthDay {
  readonly month: number;
  readonly day: number;
}

/** How the monthly decision deadline is counted: calendar days or working days. */
export type DeadlineDayKind = 'calendar' | 'working';

/** What the monthly deadline is counted from: the start of the monthly round, or the receipt date. */
export type DeadlineAnchor = 'round_start' | 'receipt';

export interface ReviewParameters {
  /** Village meeting: a household is agreed when agreeing attendees ≥ this percent of attendees. */
  readonly meetingAgreementThresholdPercent: number;
  /** Public posting: minimum duration, counted in working days, first and last day included. */
  readonly minimumPostingWorkingDays: number;
  /** Public posting can only be closed once its end date has been reached. */
  readonly postingMustHaveEnded: boolean;
  /** Periodic (annual) review window: first day (month, day). */
  readonly periodicWindowStart: MonthDay;
  /** Periodic (annual) review window: last day (month, day). */
  readonly periodicWindowEnd: MonthDay;
  /** Day of the month on which each monthly (regular) review round starts. */
  readonly monthlyRoundStartDay: number;
  /** Days within which a monthly application gets a decision or a reasoned refusal. */
  readonly monthlyDecisionDeadlineDays: number;
  readonly monthlyDeadlineDayKind: DeadlineDayKind;
  readonly monthlyDeadlineAnchor: DeadlineAnchor;
  /** When the last day of a deadline is not a working day, the deadline moves to the next working day. */
  readonly deadlineRollsToNextWorkingDay: boolean;
  /** An open application is "due soon" when at most this many days (of the deadline's kind) remain. */
  readonly dueSoonDays: number;
  /** Minimum length of a reason (reopening, refusal, withdrawal), in characters after trimming. */
  readonly minimumReasonLength: number;
}

export const DEFAULT_REVIEW_PARAMETERS: ReviewParameters = Object.freeze({
  meetingAgreementThresholdPercent: 50,
  minimumPostingWorkingDays: 3,
  postingMustHaveEnded: true,
  periodicWindowStart: Object.freeze({ month: 9, day: 1 }),
  periodicWindowEnd: Object.freeze({ month: 12, day: 14 }),
  monthlyRoundStartDay: 15,
  monthlyDecisionDeadlineDays: 15,
  monthlyDeadlineDayKind: 'calendar',
  monthlyDeadlineAnchor: 'round_start',
  deadlineRollsToNextWorkingDay: true,
  dueSoonDays: 3,
  minimumReasonLength: 5,
} satisfies ReviewParameters);

export interface ReviewParameterInfo {
  /** [C] / [S] / UNCONFIRMED as in the domain docs; `system` = a setting of this software, not law. */
  readonly status: ValueStatus | 'system';
  readonly sourceVi: string;
}

export const REVIEW_PARAMETER_INFO: Readonly<Record<keyof ReviewParameters, ReviewParameterInfo>> = Object.freeze({
  meetingAgreementThresholdPercent: {
    status: 'C',
    sourceVi: 'QĐ 24/2021/QĐ-TTg Điều 4 bước 3: ít nhất 50% người tham dự đồng ý; dưới 50% thì rà soát lại (review-procedure.md §4)',
  },
  minimumPostingWorkingDays: { status: 'UNCONFIRMED', sourceVi: 'Thời gian niêm yết 3 ngày làm việc (review-procedure.md §4 bước 4)' },
  postingMustHaveEnded: { status: 'system', sourceVi: 'Quy ước hệ thống: chỉ kết thúc niêm yết khi đã đến ngày kết thúc' },
  periodicWindowStart: { status: 'C', sourceVi: 'Rà soát định kỳ từ 01/9 (review-procedure.md §3)' },
  periodicWindowEnd: { status: 'C', sourceVi: 'Rà soát định kỳ đến 14/12 (review-procedure.md §3)' },
  monthlyRoundStartDay: { status: 'C', sourceVi: 'Rà soát thường xuyên hằng tháng bắt đầu từ ngày 15 (review-procedure.md §3, §5)' },
  monthlyDecisionDeadlineDays: { status: 'C', sourceVi: 'Trong 15 ngày kể từ ngày bắt đầu rà soát (QĐ 24/2021 Điều 5; review-procedure.md §5)' },
  monthlyDeadlineDayKind: { status: 'UNCONFIRMED', sourceVi: 'Tài liệu ghi "15 ngày", không ghi "ngày làm việc": mặc định ngày lịch' },
  monthlyDeadlineAnchor: { status: 'C', sourceVi: 'Tính từ ngày bắt đầu đợt rà soát hằng tháng (review-procedure.md §3, §5)' },
  deadlineRollsToNextWorkingDay: {
    status: 'UNCONFIRMED',
    sourceVi: 'Bộ luật Dân sự 2015 Điều 148 khoản 5 (ngày cuối thời hạn là ngày nghỉ) — không có trong tài liệu nghiệp vụ',
  },
  dueSoonDays: { status: 'system', sourceVi: 'Cài đặt hệ thống: cảnh báo "sắp đến hạn"' },
  minimumReasonLength: { status: 'system', sourceVi: 'Cài đặt hệ thống: lý do phải có nội dung' },
});

/** Thrown when parameter values are out of range. */
export class ReviewParameterError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'ReviewParameterError';
  }
}

function checkMonthDay(name: string, md: MonthDay): void {
  const ok = Number.isInteger(md.month) && md.month >= 1 && md.month <= 12 && Number.isInteger(md.day) && md.day >= 1 && md.day <= 31;
  if (!ok) throw new ReviewParameterError(`Tham số ${name} không hợp lệ: tháng ${md.month}, ngày ${md.day}`);
}

function checkInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ReviewParameterError(`Tham số ${name} phải là số nguyên từ ${min} đến ${max} (nhận được ${value})`);
  }
}

/** The default parameters with some values replaced; validates the result. */
export function reviewParameters(overrides: Partial<ReviewParameters> = {}): ReviewParameters {
  const p: ReviewParameters = { ...DEFAULT_REVIEW_PARAMETERS, ...overrides };
  checkInteger('meetingAgreementThresholdPercent', p.meetingAgreementThresholdPercent, 1, 100);
  checkInteger('minimumPostingWorkingDays', p.minimumPostingWorkingDays, 0, 60);
  checkMonthDay('periodicWindowStart', p.periodicWindowStart);
  checkMonthDay('periodicWindowEnd', p.periodicWindowEnd);
  checkInteger('monthlyRoundStartDay', p.monthlyRoundStartDay, 1, 28);
  checkInteger('monthlyDecisionDeadlineDays', p.monthlyDecisionDeadlineDays, 1, 120);
  checkInteger('dueSoonDays', p.dueSoonDays, 0, 60);
  checkInteger('minimumReasonLength', p.minimumReasonLength, 1, 1000);
  return Object.freeze(p);
}

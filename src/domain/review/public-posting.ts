/**
 * Public posting (niêm yết, thông báo công khai), review-procedure.md §4 Step 4: results are posted at
 * the commune headquarters and village houses; the duration (3 working days) is UNCONFIRMED and a
 * parameter. Duration counts working days from the first to the last posting day, both included.
 */
import { compareIsoDates, formatIsoDateVi, isIsoDate, type IsoDate } from '../calendar/iso-date.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { countWorkingDaysInclusive } from '../calendar/working-days.ts';

export interface PostingRecord {
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
}

export interface PostingRules {
  readonly minimumPostingWorkingDays: number;
  readonly postingMustHaveEnded: boolean;
}

/** Why the posting step cannot be closed on `today` (empty when it can). */
export function postingProblems(
  posting: PostingRecord | null,
  today: IsoDate,
  rules: PostingRules,
  calendar: WorkingCalendar,
): string[] {
  if (posting === null) return ['Chưa ghi nhận ngày bắt đầu và ngày kết thúc niêm yết công khai'];
  const problems: string[] = [];
  if (!isIsoDate(posting.startDate)) problems.push('Ngày bắt đầu niêm yết không hợp lệ');
  if (!isIsoDate(posting.endDate)) problems.push('Ngày kết thúc niêm yết không hợp lệ');
  if (problems.length > 0) return problems;
  if (compareIsoDates(posting.endDate, posting.startDate) < 0) {
    return ['Ngày kết thúc niêm yết phải sau hoặc trùng ngày bắt đầu'];
  }
  let days: number;
  try {
    days = countWorkingDaysInclusive(calendar, posting.startDate, posting.endDate);
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
  if (days < rules.minimumPostingWorkingDays) {
    problems.push(
      `Thời gian niêm yết từ ${formatIsoDateVi(posting.startDate)} đến ${formatIsoDateVi(posting.endDate)} chỉ có ${days} ngày làm việc; ` +
        `cần ít nhất ${rules.minimumPostingWorkingDays} ngày làm việc`,
    );
  }
  if (rules.postingMustHaveEnded && compareIsoDates(today, posting.endDate) < 0) {
    problems.push(`Chưa hết thời gian niêm yết (đến hết ngày ${formatIsoDateVi(posting.endDate)})`);
  }
  return problems;
}

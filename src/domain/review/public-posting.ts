/**
 * Public posting (niêm yết, thông báo công khai), review-procedure.md §4 Step 4: results are posted at
 * the commune headquarters and village houses; the duration (3 working days) is UNCONFIRMED and a
 * parameter. Duration counts working days from the first to the last posting day, both included.
 */
import { compareIsoDates, formatIsoDateVi, isIsoDate, type IsoDate } from '../calendar/iso-date.ts';
import type { WorkingCalendar } from '../calendar/working-calendar.ts';
import { countWorkingDaysInclusive } from '../calendar/working-days.ts';
import { problem, type Problem } from './problem.ts';

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
): Problem[] {
  if (posting === null) return [problem('Chưa ghi nhận ngày bắt đầu và ngày kết thúc niêm yết công khai', 'The posting start and end dates are not recorded')];
  const problems: Problem[] = [];
  if (!isIsoDate(posting.startDate)) problems.push(problem('Ngày bắt đầu niêm yết không hợp lệ', 'The posting start date is invalid'));
  if (!isIsoDate(posting.endDate)) problems.push(problem('Ngày kết thúc niêm yết không hợp lệ', 'The posting end date is invalid'));
  if (problems.length > 0) return problems;
  if (compareIsoDates(posting.endDate, posting.startDate) < 0) {
    return [problem('Ngày kết thúc niêm yết phải sau hoặc trùng ngày bắt đầu', 'The posting must end on or after its start date')];
  }
  let days: number;
  try {
    days = countWorkingDaysInclusive(calendar, posting.startDate, posting.endDate);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return [problem(text, text)];
  }
  const start = formatIsoDateVi(posting.startDate);
  const end = formatIsoDateVi(posting.endDate);
  if (days < rules.minimumPostingWorkingDays) {
    problems.push(
      problem(
        `Thời gian niêm yết từ ${start} đến ${end} chỉ có ${days} ngày làm việc; cần ít nhất ${rules.minimumPostingWorkingDays} ngày làm việc`,
        `The posting from ${posting.startDate} to ${posting.endDate} lasts only ${days} working days; at least ${rules.minimumPostingWorkingDays} are needed`,
      ),
    );
  }
  if (rules.postingMustHaveEnded && compareIsoDates(today, posting.endDate) < 0) {
    problems.push(problem(`Chưa hết thời gian niêm yết (đến hết ngày ${end})`, `The posting has not ended yet (it runs until ${posting.endDate})`));
  }
  return problems;
}

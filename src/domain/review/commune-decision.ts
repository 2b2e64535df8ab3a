/**
 * The commune People's Committee chair's recognition decision (review-procedure.md §4 Step 5): number,
 * date and signer are required; from then on the recognised lists are the legal status.
 */
import { compareIsoDates, formatIsoDateVi, isIsoDate, type IsoDate } from '../calendar/iso-date.ts';
import { problem, type Problem } from './problem.ts';

export interface CommuneDecision {
  /** Decision number, e.g. "125/QĐ-UBND". */
  readonly number: string;
  readonly date: IsoDate;
  readonly signerName: string;
  /** Title of the signer, e.g. "Chủ tịch UBND xã"; optional. */
  readonly signerTitle?: string;
}

/** Why a decision cannot be recorded (empty when it can). `notBefore` is the end of posting, if known. */
export function communeDecisionProblems(
  decision: CommuneDecision | undefined,
  today: IsoDate,
  notBefore?: IsoDate,
): Problem[] {
  if (decision === undefined) return [problem('Chưa nhập số, ngày và người ký quyết định công nhận', 'The decision number, date and signer are not entered')];
  const problems: Problem[] = [];
  if (typeof decision.number !== 'string' || decision.number.trim() === '') problems.push(problem('Thiếu số quyết định', 'The decision number is missing'));
  if (typeof decision.signerName !== 'string' || decision.signerName.trim() === '') problems.push(problem('Thiếu họ tên người ký quyết định', "The signer's name is missing"));
  if (!isIsoDate(decision.date)) {
    problems.push(problem('Ngày quyết định không hợp lệ', 'The decision date is invalid'));
    return problems;
  }
  if (isIsoDate(today) && compareIsoDates(decision.date, today) > 0) {
    problems.push(problem(`Ngày quyết định ${formatIsoDateVi(decision.date)} ở tương lai`, `The decision date ${decision.date} is in the future`));
  }
  if (notBefore !== undefined && isIsoDate(notBefore) && compareIsoDates(decision.date, notBefore) < 0) {
    problems.push(
      problem(
        `Ngày quyết định ${formatIsoDateVi(decision.date)} trước ngày kết thúc niêm yết ${formatIsoDateVi(notBefore)}`,
        `The decision date ${decision.date} is before the end of the posting (${notBefore})`,
      ),
    );
  }
  return problems;
}

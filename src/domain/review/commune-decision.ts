/**
 * The commune People's Committee chair's recognition decision (review-procedure.md §4 Step 5): number,
 * date and signer are required; from then on the recognised lists are the legal status.
 */
import { compareIsoDates, formatIsoDateVi, isIsoDate, type IsoDate } from '../calendar/iso-date.ts';

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
): string[] {
  if (decision === undefined) return ['Chưa nhập số, ngày và người ký quyết định công nhận'];
  const problems: string[] = [];
  if (typeof decision.number !== 'string' || decision.number.trim() === '') problems.push('Thiếu số quyết định');
  if (typeof decision.signerName !== 'string' || decision.signerName.trim() === '') problems.push('Thiếu họ tên người ký quyết định');
  if (!isIsoDate(decision.date)) {
    problems.push('Ngày quyết định không hợp lệ');
    return problems;
  }
  if (isIsoDate(today) && compareIsoDates(decision.date, today) > 0) {
    problems.push(`Ngày quyết định ${formatIsoDateVi(decision.date)} ở tương lai`);
  }
  if (notBefore !== undefined && isIsoDate(notBefore) && compareIsoDates(decision.date, notBefore) < 0) {
    problems.push(`Ngày quyết định ${formatIsoDateVi(decision.date)} trước ngày kết thúc niêm yết ${formatIsoDateVi(notBefore)}`);
  }
  return problems;
}

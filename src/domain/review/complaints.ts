/**
 * Complaints during posting (khiếu nại, phúc tra), review-procedure.md §4 Step 4: the commune steering
 * committee re-checks each complaint and posts the outcome. Every recorded complaint must be re-checked
 * and have an outcome before the decision is signed. Time limits are UNCONFIRMED and not enforced.
 */
import { isIsoDate, type IsoDate } from '../calendar/iso-date.ts';
import { problem, type Problem } from './problem.ts';

/** Outcome of a re-check: the complaint is upheld (result changed) or dismissed (result kept). */
export type ComplaintOutcome = 'upheld' | 'dismissed';

export const COMPLAINT_OUTCOME_LABELS_VI: Readonly<Record<ComplaintOutcome, string>> = Object.freeze({
  upheld: 'Khiếu nại đúng, điều chỉnh kết quả',
  dismissed: 'Khiếu nại không đúng, giữ nguyên kết quả',
});

export interface ComplaintRecheck {
  readonly recheckedOn: IsoDate;
  readonly outcome: ComplaintOutcome;
  /** Written conclusion of the re-check. */
  readonly conclusionVi: string;
}

export interface ComplaintRecord {
  readonly complaintId: string;
  readonly householdId: string | null;
  /** The household's code (mã hộ), named in messages instead of the internal id. */
  readonly householdCode?: string | null;
  readonly receivedOn: IsoDate;
  readonly recheck: ComplaintRecheck | null;
}

/** Whether a complaint is resolved: re-checked on a valid date, with an outcome and a written conclusion. */
export function isComplaintResolved(complaint: ComplaintRecord): boolean {
  const r = complaint.recheck;
  return r !== null && isIsoDate(r.recheckedOn) && (r.outcome === 'upheld' || r.outcome === 'dismissed') && r.conclusionVi.trim() !== '';
}

/** Unresolved complaints, as problems (empty when every complaint is resolved); households named by their code. */
export function unresolvedComplaintProblems(complaints: readonly ComplaintRecord[]): Problem[] {
  return complaints
    .filter((c) => !isComplaintResolved(c))
    .map((c) => {
      const household = c.householdCode ?? c.householdId;
      return problem(
        `Khiếu nại ${c.complaintId}${household === null ? '' : ` (hộ ${household})`} chưa được phúc tra và kết luận`,
        `Complaint ${c.complaintId}${household === null ? '' : ` (household ${household})`} has not been re-checked and concluded`,
      );
    });
}

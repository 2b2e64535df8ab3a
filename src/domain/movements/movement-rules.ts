/**
 * Choices the movement definitions leave open (review-procedure.md §7: "exact legal wording
 * UNCONFIRMED"; how far back "previously escaped" is looked up is an open question). All overridable.
 */
import type { ValueStatus } from '../standards/types.ts';

/** Flag of a household on a detailed list (F14/F15 columns 8–10). */
export type ListMembershipFlag = 'new' | 'relapsed' | 'continuing';

export interface MovementRules {
  /**
   * A household near-poor at the start, poor at the end, and poor in some earlier year: counted as
   * relapse (true) or as "near-poor became poor" (false, default — the start-list column keeps the F2
   * and F3 forms symmetric).
   */
  readonly relapseBeatsListTransfer: boolean;
  /** A household never poor but formerly near-poor that becomes poor counts as relapse (default: new poor). */
  readonly poorRelapseCountsFormerNearPoor: boolean;
  /** A household formerly poor (never near-poor) that becomes near-poor again counts as re-near-poor (default true). */
  readonly nearPoorRelapseCountsFormerPoor: boolean;
  /** Only list years ≥ this count as "earlier lists" for relapse; null = any earlier year. */
  readonly relapseLookbackFromYear: number | null;
  /** F14/F15 flag of a household that arrives from the other list (poor ↔ near-poor). */
  readonly listTransferFlag: ListMembershipFlag;
  /** F14/F15 flag of a household added for other reasons (moved in, split). */
  readonly otherIncreaseFlag: ListMembershipFlag;
}

export const DEFAULT_MOVEMENT_RULES: MovementRules = Object.freeze({
  relapseBeatsListTransfer: false,
  poorRelapseCountsFormerNearPoor: false,
  nearPoorRelapseCountsFormerPoor: true,
  relapseLookbackFromYear: null,
  listTransferFlag: 'new',
  otherIncreaseFlag: 'new',
} satisfies MovementRules);

export const MOVEMENT_RULE_INFO: Readonly<Record<keyof MovementRules, { status: ValueStatus; noteVi: string }>> = Object.freeze({
  relapseBeatsListTransfer: { status: 'UNCONFIRMED', noteVi: 'Hộ cận nghèo đầu kỳ trở thành hộ nghèo: tính cột (d), không tính tái nghèo' },
  poorRelapseCountsFormerNearPoor: { status: 'UNCONFIRMED', noteVi: 'Tái nghèo chỉ áp dụng cho hộ từng là hộ nghèo' },
  nearPoorRelapseCountsFormerPoor: { status: 'UNCONFIRMED', noteVi: 'Tái cận nghèo áp dụng cho hộ từng là hộ nghèo hoặc cận nghèo' },
  relapseLookbackFromYear: { status: 'UNCONFIRMED', noteVi: 'Phạm vi tra cứu "đã từng thoát nghèo": mọi năm trước' },
  listTransferFlag: { status: 'UNCONFIRMED', noteVi: 'Hộ chuyển giữa hai danh sách được đánh dấu "mới" trên danh sách chi tiết' },
  otherIncreaseFlag: { status: 'UNCONFIRMED', noteVi: 'Hộ tăng khác (chuyển đến, tách hộ) được đánh dấu "mới"' },
});

export function movementRules(overrides: Partial<MovementRules> = {}): MovementRules {
  return Object.freeze({ ...DEFAULT_MOVEMENT_RULES, ...overrides });
}

/**
 * A household's status on the recognised lists, and why a household enters or leaves a unit's
 * management between two lists (review-procedure.md §7).
 */

/** Status on a recognised list: poor, near-poor, or on neither. */
export type PovertyListStatus = 'poor' | 'near_poor' | 'none';

export const POVERTY_LIST_STATUSES: readonly PovertyListStatus[] = Object.freeze(['poor', 'near_poor', 'none']);

/** The two lists whose movements are reported (F2 poor, F3 near-poor). */
export type PovertyList = 'poor' | 'near_poor';

export const POVERTY_LIST_LABELS_VI: Readonly<Record<PovertyList, string>> = Object.freeze({
  poor: 'Danh sách hộ nghèo',
  near_poor: 'Danh sách hộ cận nghèo',
});

/** Why a household left the unit's management during the period ("giảm khác"). */
export type HouseholdExitReason = 'moved_away' | 'dissolved' | 'deceased' | 'other';

export const HOUSEHOLD_EXIT_REASON_LABELS_VI: Readonly<Record<HouseholdExitReason, string>> = Object.freeze({
  moved_away: 'Chuyển đi nơi khác',
  dissolved: 'Hộ giải thể, nhập vào hộ khác',
  deceased: 'Các thành viên của hộ đều đã chết',
  other: 'Lý do khác',
});

/** Why a household came under the unit's management during the period ("tăng khác"). */
export type HouseholdEntryReason = 'moved_in' | 'split' | 'other';

export const HOUSEHOLD_ENTRY_REASON_LABELS_VI: Readonly<Record<HouseholdEntryReason, string>> = Object.freeze({
  moved_in: 'Chuyển đến từ nơi khác',
  split: 'Tách hộ',
  other: 'Lý do khác',
});

/**
 * Stable movement codes (English snake_case; used unchanged in storage, API and exports) with the
 * Vietnamese column names of the movement report forms F2 (poor) and F3 (near-poor) and the category
 * codes of review-procedure.md §7. The layouts are [S]; legal wording UNCONFIRMED.
 */
import type { PovertyList } from './list-status.ts';

export const POOR_LIST_MOVEMENT_CODES = [
  'poor_out_to_near_poor',
  'poor_out_above_near_poor',
  'poor_out_other',
  'poor_in_from_near_poor',
  'poor_in_relapse',
  'poor_in_new',
  'poor_in_other',
] as const;

export const NEAR_POOR_LIST_MOVEMENT_CODES = [
  'near_poor_out_to_poor',
  'near_poor_out_above',
  'near_poor_out_other',
  'near_poor_in_from_poor',
  'near_poor_in_relapse',
  'near_poor_in_new',
  'near_poor_in_other',
] as const;

export type PoorListMovementCode = (typeof POOR_LIST_MOVEMENT_CODES)[number];
export type NearPoorListMovementCode = (typeof NEAR_POOR_LIST_MOVEMENT_CODES)[number];
export type MovementCode = PoorListMovementCode | NearPoorListMovementCode;

export const MOVEMENT_CODES: readonly MovementCode[] = Object.freeze([...POOR_LIST_MOVEMENT_CODES, ...NEAR_POOR_LIST_MOVEMENT_CODES]);

export interface MovementCodeInfo {
  readonly code: MovementCode;
  readonly list: PovertyList;
  readonly direction: 'decrease' | 'increase';
  /** Column letter in the movement form: decreases (a)–(c), increases (d)–(g). */
  readonly column: 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g';
  /** Category code: review-procedure.md §7 for the poor list; the symmetric names for the near-poor list are ours. */
  readonly categoryCode: string;
  /** Vietnamese column name of the report form. */
  readonly labelVi: string;
}

function info(
  code: MovementCode,
  list: PovertyList,
  column: MovementCodeInfo['column'],
  categoryCode: string,
  labelVi: string,
): MovementCodeInfo {
  return Object.freeze({ code, list, direction: column <= 'c' ? 'decrease' : 'increase', column, categoryCode, labelVi });
}

export const MOVEMENT_CODE_INFO: Readonly<Record<MovementCode, MovementCodeInfo>> = Object.freeze({
  poor_out_to_near_poor: info('poor_out_to_near_poor', 'poor', 'a', 'P_OUT_TO_NEAR', 'Thoát nghèo, trở thành hộ cận nghèo'),
  poor_out_above_near_poor: info('poor_out_above_near_poor', 'poor', 'b', 'P_OUT_ABOVE', 'Thoát nghèo, vượt chuẩn cận nghèo'),
  poor_out_other: info('poor_out_other', 'poor', 'c', 'P_OUT_OTHER', 'Giảm khác'),
  poor_in_from_near_poor: info('poor_in_from_near_poor', 'poor', 'd', 'P_IN_FROM_NEAR', 'Hộ cận nghèo trở thành hộ nghèo'),
  poor_in_relapse: info('poor_in_relapse', 'poor', 'e', 'P_IN_RELAPSE', 'Tái nghèo'),
  poor_in_new: info('poor_in_new', 'poor', 'f', 'P_IN_NEW', 'Phát sinh mới (nghèo mới)'),
  poor_in_other: info('poor_in_other', 'poor', 'g', 'P_IN_OTHER', 'Tăng khác'),
  near_poor_out_to_poor: info('near_poor_out_to_poor', 'near_poor', 'a', 'N_OUT_TO_POOR', 'Hộ cận nghèo trở thành hộ nghèo'),
  near_poor_out_above: info('near_poor_out_above', 'near_poor', 'b', 'N_OUT_ABOVE', 'Thoát cận nghèo, vượt chuẩn cận nghèo'),
  near_poor_out_other: info('near_poor_out_other', 'near_poor', 'c', 'N_OUT_OTHER', 'Giảm khác'),
  near_poor_in_from_poor: info('near_poor_in_from_poor', 'near_poor', 'd', 'N_IN_FROM_POOR', 'Hộ nghèo trở thành hộ cận nghèo'),
  near_poor_in_relapse: info('near_poor_in_relapse', 'near_poor', 'e', 'N_IN_RELAPSE', 'Tái cận nghèo'),
  near_poor_in_new: info('near_poor_in_new', 'near_poor', 'f', 'N_IN_NEW', 'Phát sinh mới (cận nghèo mới)'),
  near_poor_in_other: info('near_poor_in_other', 'near_poor', 'g', 'N_IN_OTHER', 'Tăng khác'),
});

export function isMovementCode(x: unknown): x is MovementCode {
  return typeof x === 'string' && (MOVEMENT_CODES as readonly string[]).includes(x);
}

/** The movement codes of one list, in report-column order (a … g). */
export function movementCodesOfList(list: PovertyList): readonly MovementCode[] {
  return list === 'poor' ? POOR_LIST_MOVEMENT_CODES : NEAR_POOR_LIST_MOVEMENT_CODES;
}

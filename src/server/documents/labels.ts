/** Vietnamese wording shared by the printed (HTML/PDF) and Excel outputs. */
import { LIST_MEMBERSHIP_FLAG_LABELS_VI } from '../../domain/movements/list-flags.ts';
import type { DecisionListKind } from '../../db/outputs/decision-lists.ts';

export { LIST_MEMBERSHIP_FLAG_LABELS_VI };

export const NATIONAL_NAME = 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập – Tự do – Hạnh phúc';

export const DECISION_LIST_TITLES: Readonly<Record<DecisionListKind, string>> = {
  poor: 'DANH SÁCH HỘ NGHÈO',
  near_poor: 'DANH SÁCH HỘ CẬN NGHÈO',
  escaped_poor: 'DANH SÁCH HỘ THOÁT NGHÈO',
  escaped_near_poor: 'DANH SÁCH HỘ THOÁT CẬN NGHÈO',
};

/** Short names for sheet tabs (Excel allows 31 characters, no slashes). */
export const DECISION_LIST_SHEET_NAMES: Readonly<Record<DecisionListKind, string>> = {
  poor: 'Hộ nghèo',
  near_poor: 'Hộ cận nghèo',
  escaped_poor: 'Hộ thoát nghèo',
  escaped_near_poor: 'Hộ thoát cận nghèo',
};

export const DECISION_LIST_FILE_NAMES: Readonly<Record<DecisionListKind | 'all', string>> = {
  poor: 'danh-sach-ho-ngheo',
  near_poor: 'danh-sach-ho-can-ngheo',
  escaped_poor: 'danh-sach-ho-thoat-ngheo',
  escaped_near_poor: 'danh-sach-ho-thoat-can-ngheo',
  all: 'danh-sach-kem-quyet-dinh',
};

const RELATIONS: Readonly<Record<string, string>> = {
  head: 'Chủ hộ',
  spouse: 'Vợ/chồng',
  child: 'Con',
  parent: 'Cha/mẹ',
  grandchild: 'Cháu',
  sibling: 'Anh/chị/em',
  other_relative: 'Họ hàng khác',
  other: 'Khác',
};

/** Relation to the head: the registry's code in words, or the registry's own text. */
export function relationLabel(relation: string | null | undefined): string {
  if (!relation) return '';
  return RELATIONS[relation] ?? relation.normalize('NFC');
}

export const STATUS_LABELS: Readonly<Record<'poor' | 'near_poor' | 'none', string>> = {
  poor: 'Hộ nghèo',
  near_poor: 'Hộ cận nghèo',
  none: 'Không thuộc diện nghèo, cận nghèo',
};

/** F14/F15 columns 14–19: support to access basic social services, by the survey's need codes. */
export const SUPPORT_NEEDS = [
  { code: 'health', label: 'Y tế' },
  { code: 'education', label: 'Giáo dục' },
  { code: 'production', label: 'Sản xuất' },
  { code: 'credit', label: 'Tín dụng' },
  { code: 'housing', label: 'Nhà ở' },
  { code: 'other', label: 'Khác' },
] as const;

export function sexLabel(sex: 'male' | 'female'): string {
  return sex === 'male' ? 'Nam' : 'Nữ';
}

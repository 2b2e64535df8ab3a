/**
 * Cell-level findings of the import validation: a stable code per check (written by the SQL validation
 * into import_error) and its Vietnamese / English text. Placeholders: {column} (the column header),
 * {value} (the cell as typed or the finding's figure), {min}, {max}, {maxLength} (from the column spec).
 */
import type { ImportColumn } from './column-types.ts';
import { fillMessage } from './file-messages.ts';

export const VALIDATION_MESSAGES_VI = {
  required: 'Thiếu "{column}".',
  too_long: '"{column}" dài quá {maxLength} ký tự.',
  household_code_format: '"{column}" = "{value}": chỉ gồm chữ, số và các dấu . _ / - (tối đa 30 ký tự).',
  phone_format: '"{column}" = "{value}" không phải số điện thoại (8–15 chữ số).',
  date: '"{column}" = "{value}" không phải ngày hợp lệ (ghi dd/mm/yyyy).',
  future_date: '"{column}" = {value} là ngày trong tương lai.',
  integer: '"{column}" = "{value}" phải là số nguyên.',
  number: '"{column}" = "{value}" phải là số.',
  range: '"{column}" = {value} phải trong khoảng {min} – {max}.',
  boolean: '"{column}" = "{value}" phải là "Có" hoặc "Không".',
  code: '"{column}" = "{value}" không có trong danh mục; hãy chọn trong danh sách thả xuống.',
  commune_unknown: 'Mã xã/phường "{value}" không tồn tại hoặc không có hiệu lực vào ngày tham chiếu.',
  commune_out_of_scope: 'Xã/phường "{value}" nằm ngoài phạm vi quản lý của bạn.',
  village_unknown: 'Thôn/tổ dân phố "{value}" không có trong xã của hộ.',
  duplicate_in_sheet: 'Mã hộ "{value}" xuất hiện nhiều lần trên trang này.',
  household_code_taken: 'Mã hộ "{value}" đã được dùng cho một hộ ngoài phạm vi của bạn; hãy kiểm tra lại mã hộ.',
  household_moved: 'Hộ "{value}" đang thuộc xã/phường khác; nhập liệu không chuyển hộ sang xã khác.',
  household_inactive: 'Hộ "{value}" không còn cư trú (đã chuyển đi, giải thể, …); nhập liệu không cập nhật hộ này.',
  household_no_members: 'Hộ "{value}" không có thành viên nào trên trang thành viên.',
  head_count: 'Hộ phải có đúng một thành viên quan hệ "chủ hộ"; trên trang thành viên có {value}.',
  housing_incomplete: 'Thiếu "{column}": diện tích nhà ở và vật liệu cột, tường, mái phải ghi cùng nhau.',
  no_household_row: 'Mã hộ "{value}" không có trên trang hộ gia đình.',
  birth_required: 'Thiếu ngày sinh hoặc năm sinh.',
  birth_year_mismatch: 'Năm sinh {value} khác năm của ngày sinh.',
  line_duplicate: 'STT {value} trùng với một thành viên khác của cùng hộ.',
  citizen_id_format: 'Số định danh "{value}" phải gồm đúng 12 chữ số.',
  citizen_id_sex: 'Chữ số thứ 4 của số định danh {value} (giới tính và thế kỷ sinh) không khớp với giới tính.',
  citizen_id_birth_year: 'Số định danh {value} ghi năm sinh khác với năm sinh của thành viên.',
  citizen_id_duplicate_file: 'Số định danh {value} trùng với một thành viên khác trong tệp.',
  citizen_id_taken: 'Số định danh {value} đã thuộc một người đang sinh sống ở hộ khác trong cơ sở dữ liệu.',
  child_older_than_head: 'Thành viên là "con" nhưng sinh năm {value}, không sau năm sinh của chủ hộ.',
  parent_younger_than_head: 'Thành viên là "cha/mẹ" nhưng sinh năm {value}, không trước năm sinh của chủ hộ.',
  grandchild_older_than_head: 'Thành viên là "cháu" nhưng sinh năm {value}, không sau năm sinh của chủ hộ.',
  child_older_than_parent: 'Thành viên là "con" (sinh năm {value}) không trẻ hơn cha/mẹ của chủ hộ.',
  review_missing: 'Đợt rà soát đã chọn không có rà soát của xã/phường {value}.',
  review_locked: 'Rà soát của xã/phường {value} đã khoá (đã có quyết định hoặc đã gửi); không nhập phiếu B.',
} as const;

export type ValidationCode = keyof typeof VALIDATION_MESSAGES_VI;

export const VALIDATION_MESSAGES_EN: Readonly<Record<ValidationCode, string>> = {
  required: '"{column}" is missing.',
  too_long: '"{column}" is longer than {maxLength} characters.',
  household_code_format: '"{column}" = "{value}": letters, digits and . _ / - only (at most 30 characters).',
  phone_format: '"{column}" = "{value}" is not a phone number (8–15 digits).',
  date: '"{column}" = "{value}" is not a valid date (write dd/mm/yyyy).',
  future_date: '"{column}" = {value} is in the future.',
  integer: '"{column}" = "{value}" must be a whole number.',
  number: '"{column}" = "{value}" must be a number.',
  range: '"{column}" = {value} must be between {min} and {max}.',
  boolean: '"{column}" = "{value}" must be "Có" (yes) or "Không" (no).',
  code: '"{column}" = "{value}" is not in the code list; pick from the drop-down.',
  commune_unknown: 'Commune code "{value}" does not exist or is not in force on the reference date.',
  commune_out_of_scope: 'Commune "{value}" is outside your scope.',
  village_unknown: 'Village "{value}" is not a village of the household’s commune.',
  duplicate_in_sheet: 'Household code "{value}" appears more than once on this sheet.',
  household_code_taken: 'Household code "{value}" is used by a household outside your scope; check the code.',
  household_moved: 'Household "{value}" belongs to another commune; an import does not move households.',
  household_inactive: 'Household "{value}" is no longer resident (moved, dissolved, …); an import does not update it.',
  household_no_members: 'Household "{value}" has no member on the members sheet.',
  head_count: 'A household needs exactly one member with relation "head"; the members sheet has {value}.',
  housing_incomplete: '"{column}" is missing: floor area and frame, wall and roof materials go together.',
  no_household_row: 'Household code "{value}" is not on the households sheet.',
  birth_required: 'Date of birth or birth year is missing.',
  birth_year_mismatch: 'Birth year {value} differs from the year of the date of birth.',
  line_duplicate: 'Line number {value} repeats another member of the same household.',
  citizen_id_format: 'Citizen ID "{value}" must be exactly 12 digits.',
  citizen_id_sex: 'The 4th digit of citizen ID {value} (sex and century) does not match the sex.',
  citizen_id_birth_year: 'Citizen ID {value} encodes another birth year than the member’s.',
  citizen_id_duplicate_file: 'Citizen ID {value} repeats another member in the file.',
  citizen_id_taken: 'Citizen ID {value} belongs to a living person of another household in the database.',
  child_older_than_head: 'Member is a "child" but born in {value}, not after the head.',
  parent_younger_than_head: 'Member is a "parent" but born in {value}, not before the head.',
  grandchild_older_than_head: 'Member is a "grandchild" but born in {value}, not after the head.',
  child_older_than_parent: 'Member is a "child" (born {value}) not younger than the head’s parent.',
  review_missing: 'The chosen campaign has no review of commune {value}.',
  review_locked: 'The review of commune {value} is locked (decided or submitted); form B is not imported.',
};

/** The message of one finding on a cell of `column` (or of the row when column is undefined). */
export function validationMessage(code: string, column: ImportColumn | undefined, value: string | null, locale: 'vi' | 'en' = 'vi'): string {
  const table: Readonly<Record<string, string>> = locale === 'en' ? VALIDATION_MESSAGES_EN : VALIDATION_MESSAGES_VI;
  const t = column?.type;
  return fillMessage(table[code] ?? code, {
    column: column ? (locale === 'en' ? column.headerEn : column.header) : '',
    value: value ?? '',
    min: t && (t.kind === 'integer' || t.kind === 'number') ? t.min : undefined,
    max: t && (t.kind === 'integer' || t.kind === 'number') ? t.max : undefined,
    maxLength: t?.kind === 'text' ? t.maxLength : undefined,
  });
}

/** File-level refusals of an import (Vietnamese first, English second), with their parameters in braces. */
export const FILE_MESSAGES_VI = {
  csv_encoding: 'Tệp CSV không phải mã UTF-8; hãy lưu lại tệp với kiểu "CSV UTF-8 (phân tách bằng dấu phẩy)".',
  csv_unclosed_quote: 'Tệp CSV có dấu ngoặc kép mở ở dòng {line} nhưng không đóng.',
  csv_field_too_long: 'Ô ở dòng {line} dài quá 100.000 ký tự (có thể thiếu dấu ngoặc kép đóng).',
  file_unreadable: 'Không đọc được tệp "{file}": {reason}',
  file_format: 'Tệp "{file}" không phải Excel (.xlsx) hay CSV (.csv).',
  no_header: 'Tệp "{file}" không có dòng tiêu đề nào khớp với mẫu nhập liệu (trang hộ gia đình, thành viên hoặc phiếu B).',
  missing_column: 'Trang "{sheet}" thiếu cột bắt buộc "{column}".',
  duplicate_sheet: 'Tệp có hai trang/tệp cùng là "{sheet}"; mỗi loại chỉ một.',
  sheet_missing: 'Thiếu trang "{sheet}" (bắt buộc với loại nhập "{kind}").',
  sheet_not_allowed: 'Trang "{sheet}" chỉ dùng khi nhập phiếu B (chọn đợt rà soát).',
  too_many_rows: 'Tệp có hơn {max} dòng; hãy chia nhỏ tệp.',
} as const;

export type FileErrorCode = keyof typeof FILE_MESSAGES_VI;

export const FILE_MESSAGES_EN: Readonly<Record<FileErrorCode, string>> = {
  csv_encoding: 'The CSV file is not UTF-8; save it again as "CSV UTF-8 (comma delimited)".',
  csv_unclosed_quote: 'The CSV file opens a quote on line {line} and never closes it.',
  csv_field_too_long: 'A cell on line {line} is longer than 100,000 characters (a closing quote may be missing).',
  file_unreadable: 'Cannot read file "{file}": {reason}',
  file_format: 'File "{file}" is neither Excel (.xlsx) nor CSV (.csv).',
  no_header: 'File "{file}" has no header row matching the import template (households, members or form B sheet).',
  missing_column: 'Sheet "{sheet}" lacks the required column "{column}".',
  duplicate_sheet: 'The upload holds two sheets/files of kind "{sheet}"; one of each only.',
  sheet_missing: 'Sheet "{sheet}" is missing (required for import kind "{kind}").',
  sheet_not_allowed: 'Sheet "{sheet}" is only for form B imports (choose a review campaign).',
  too_many_rows: 'The file has more than {max} rows; split it.',
};

/** Fills `{name}` placeholders. */
export function fillMessage(template: string, params: Readonly<Record<string, string | number | null | undefined>>): string {
  return template.replace(/\{(\w+)\}/gu, (m, k: string) => (params[k] == null ? m : String(params[k])));
}

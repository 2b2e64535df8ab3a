/**
 * Columns of the registry export. The households and members sheets start with exactly the import
 * columns (src/domain/import: same Vietnamese headers, same order, cells the importer reads back), so an
 * exported file can be uploaded again; the households sheet then adds read-only columns for people
 * (head, village name, registry status, recognised list status at the chosen date), which the import
 * does not read.
 */
import { HOUSEHOLD_COLUMNS } from '../../domain/import/household-columns.ts';
import { MEMBER_COLUMNS } from '../../domain/import/member-columns.ts';
import { formatIsoDateVi } from '../../domain/calendar/iso-date.ts';
import type { HouseholdExportRow, MemberExportRow } from '../../db/export/registry-pages.ts';
import { STATUS_LABELS } from '../documents/labels.ts';
import type { ExportColumn } from './export-table.ts';
import { importColumns } from './export-import-cells.ts';

export const HOUSEHOLD_STATUS_LABELS: Readonly<Record<HouseholdExportRow['status'], string>> = {
  active: 'Đang cư trú',
  moved_away: 'Đã chuyển đi',
  dissolved: 'Đã giải thể',
  deceased: 'Các thành viên đã mất',
  merged: 'Đã sáp nhập vào hộ khác',
};

const date = (d: string | null) => (d ? formatIsoDateVi(d) : null);

/** Import-column keys read from the household row itself (the others are facts). */
export const HOUSEHOLD_FIELDS: Readonly<Record<string, (h: HouseholdExportRow) => unknown>> = {
  household_code: (h) => h.code,
  commune_code: (h) => h.commune_code,
  village_code: (h) => h.village_code,
  address: (h) => h.address,
  phone: (h) => h.phone,
  resident_since: (h) => h.resident_since,
};

/** Import-column keys read from the member row itself (the others are facts). */
export const MEMBER_FIELDS: Readonly<Record<string, (m: MemberExportRow) => unknown>> = {
  household_code: (m) => m.household_code,
  line_no: (m) => m.line_no,
  full_name: (m) => m.full_name,
  date_of_birth: (m) => m.date_of_birth,
  birth_year: (m) => m.birth_year,
  sex: (m) => m.sex,
  ethnicity: (m) => m.ethnicity,
  citizen_id: (m) => m.citizen_id,
  relation: (m) => m.relation,
};

/** Read-only columns after the import columns; `asOf` names the date of the list status. */
function householdInfoColumns(asOf: string): ExportColumn<HouseholdExportRow>[] {
  return [
    { header: 'Họ và tên chủ hộ', width: 24, value: (h) => h.head_name.normalize('NFC') },
    { header: 'Số định danh cá nhân chủ hộ', width: 16, value: (h) => h.head_citizen_id },
    { header: 'Dân tộc', width: 10, value: (h) => h.ethnicity },
    { header: 'Tên thôn/tổ dân phố', width: 18, value: (h) => h.village_name },
    { header: 'Số nhân khẩu', width: 9, value: (h) => h.member_count },
    { header: 'Trạng thái hộ', width: 14, value: (h) => HOUSEHOLD_STATUS_LABELS[h.status] ?? h.status },
    { header: 'Ngày đổi trạng thái', width: 12, value: (h) => date(h.status_date) },
    { header: `Diện hộ theo danh sách công nhận tại ngày ${formatIsoDateVi(asOf)}`, width: 22, value: (h) => (h.list_status ? STATUS_LABELS[h.list_status] : 'Chưa có quyết định') },
    { header: 'Năm danh sách', width: 9, value: (h) => h.list_year },
    { header: 'Số quyết định công nhận', width: 16, value: (h) => h.decision_number },
    { header: 'Ngày quyết định', width: 12, value: (h) => date(h.decision_date) },
  ];
}

export function householdExportColumns(asOf: string): ExportColumn<HouseholdExportRow>[] {
  return [...importColumns<HouseholdExportRow>(HOUSEHOLD_COLUMNS, (h, key) => HOUSEHOLD_FIELDS[key]?.(h), (h) => h.facts), ...householdInfoColumns(asOf)];
}

export const MEMBER_EXPORT_COLUMNS: readonly ExportColumn<MemberExportRow>[] = importColumns<MemberExportRow>(MEMBER_COLUMNS, (m, key) => MEMBER_FIELDS[key]?.(m), (m) => m.facts);

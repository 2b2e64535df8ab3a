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

function householdField(h: HouseholdExportRow, key: string): unknown {
  switch (key) {
    case 'household_code':
      return h.code;
    case 'commune_code':
      return h.commune_code;
    case 'village_code':
      return h.village_code;
    case 'address':
      return h.address;
    case 'phone':
      return h.phone;
    case 'resident_since':
      return h.resident_since;
    default:
      return undefined;
  }
}

function memberField(m: MemberExportRow, key: string): unknown {
  switch (key) {
    case 'household_code':
      return m.household_code;
    case 'line_no':
      return m.line_no;
    case 'full_name':
      return m.full_name;
    case 'date_of_birth':
      return m.date_of_birth;
    case 'birth_year':
      return m.birth_year;
    case 'sex':
      return m.sex;
    case 'ethnicity':
      return m.ethnicity;
    case 'citizen_id':
      return m.citizen_id;
    case 'relation':
      return m.relation;
    default:
      return undefined;
  }
}

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
  return [...importColumns<HouseholdExportRow>(HOUSEHOLD_COLUMNS, householdField, (h) => h.facts), ...householdInfoColumns(asOf)];
}

export const MEMBER_EXPORT_COLUMNS: readonly ExportColumn<MemberExportRow>[] = importColumns<MemberExportRow>(MEMBER_COLUMNS, memberField, (m) => m.facts);

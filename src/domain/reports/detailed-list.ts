/**
 * The detailed lists F14 (near-poor) and F15 (poor): one row per member, grouped by household
 * (report-forms.md, columns 1–19 [S]). Pure: the column tree and the mapping of one household page.
 */
import type { ListMembershipFlag } from '../movements/movement-rules.ts';
import type { CellValue, ColumnNode, ReportRow } from './report-table.ts';

export interface ListMember {
  lineNo: number;
  fullName: string;
  birthYear: number | null;
  sex: 'male' | 'female';
  ethnicity: string | null;
  relation: string;
}

export interface ListHousehold {
  householdId: number;
  code: string;
  communeCode: string;
  villageCode: string | null;
  villageName: string | null;
  flag: ListMembershipFlag | null;
  merit: boolean;
  noWorkingCapacity: boolean;
  needs: readonly string[];
  members: readonly ListMember[];
}

/** Support needs (columns 14–19): code and column title, in form order (the registry's code list). */
export type NeedColumns = ReadonlyArray<{ code: string; title: string }>;

const text = (title: string, key: string): ColumnNode => ({ title, key, kind: 'text' });

export function detailedListColumns(list: 'poor' | 'near_poor', needs: NeedColumns): ColumnNode[] {
  const w = list === 'poor' ? 'nghèo' : 'cận nghèo';
  return [
    text('STT thành viên', 'member_no'),
    text('Họ và tên', 'name'),
    { title: 'Năm sinh', children: [text('Nam', 'born_male'), text('Nữ', 'born_female')] },
    text('Dân tộc', 'ethnicity'),
    text('Quan hệ với chủ hộ', 'relation'),
    { title: 'Phân loại', children: [text(`${w[0]!.toUpperCase()}${w.slice(1)} mới`, 'flag_new'), text(`Tái ${w}`, 'flag_relapsed'), text(`${w[0]!.toUpperCase()}${w.slice(1)} cũ`, 'flag_continuing')] },
    text('Hộ có người có công với cách mạng', 'merit'),
    text('Hộ không có khả năng lao động', 'no_labour'),
    { title: 'Nhu cầu hỗ trợ tiếp cận dịch vụ xã hội cơ bản', children: needs.map((n) => text(n.title, `need_${n.code}`)) },
  ];
}

const X = 'x';

/** Rows of one page of households; `firstNo` is the household number (STT chủ hộ) of the first one. */
export function detailedListRows(households: readonly ListHousehold[], firstNo: number, needs: NeedColumns, relationLabel: (r: string) => string): ReportRow[] {
  const rows: ReportRow[] = [];
  households.forEach((h, i) => {
    h.members.forEach((m, j) => {
      const first = j === 0;
      const values: Record<string, CellValue> = {
        member_no: m.lineNo,
        name: m.fullName,
        born_male: m.sex === 'male' ? m.birthYear : null,
        born_female: m.sex === 'female' ? m.birthYear : null,
        ethnicity: m.ethnicity,
        relation: relationLabel(m.relation),
        flag_new: first && h.flag === 'new' ? X : null,
        flag_relapsed: first && h.flag === 'relapsed' ? X : null,
        flag_continuing: first && h.flag === 'continuing' ? X : null,
        merit: first && h.merit ? X : null,
        no_labour: first && h.noWorkingCapacity ? X : null,
        ...Object.fromEntries(needs.map((n) => [`need_${n.code}`, first && h.needs.includes(n.code) ? X : null])),
      };
      rows.push({ no: first ? firstNo + i : null, label: first ? h.code : '', code: String(h.householdId), values });
    });
  });
  return rows;
}

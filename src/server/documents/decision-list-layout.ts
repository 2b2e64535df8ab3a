/**
 * The tables of the lists attached to a commune decision. Poor and near-poor lists follow the F14/F15
 * detailed-list layout (report-forms.md, [S]): one row per member grouped by household, year of birth
 * under male / female, the new / relapsed / continuing flags, household groups and the support needs.
 * The escaped lists have one row per household with its status before and after the decision.
 * Households are grouped by village (a spanning row per village).
 */
import type { DecisionListHousehold, DecisionListKind } from '../../db/outputs/decision-lists.ts';
import type { PovertyList } from '../../domain/movements/list-status.ts';
import { documentText } from './html.ts';
import { LIST_MEMBERSHIP_FLAG_LABELS_VI, relationLabel, STATUS_LABELS, SUPPORT_NEEDS } from './labels.ts';
import type { BodyRow, Cell, Heading, TableLayout } from './table-layout.ts';

const MARK = 'x';
const FLAGS = ['new', 'relapsed', 'continuing'] as const;

function memberListHeadings(list: PovertyList): Heading[] {
  const flagLabels = LIST_MEMBERSHIP_FLAG_LABELS_VI[list];
  return [
    { title: 'STT hộ', width: 5, align: 'center' },
    { title: 'STT thành viên', width: 6, align: 'center' },
    { title: 'Họ và tên', width: 24 },
    { title: 'Năm sinh', children: [{ title: 'Nam', width: 6, align: 'center' }, { title: 'Nữ', width: 6, align: 'center' }] },
    { title: 'Dân tộc', width: 9, align: 'center' },
    { title: 'Quan hệ với chủ hộ', width: 10, align: 'center' },
    { title: 'Phân loại hộ', children: FLAGS.map((f) => ({ title: flagLabels[f], width: 7, align: 'center' as const })) },
    { title: 'Hộ có người có công với cách mạng', width: 8, align: 'center' },
    { title: 'Hộ dân tộc thiểu số tại chỗ', width: 8, align: 'center' },
    { title: 'Hộ không có khả năng lao động', width: 8, align: 'center' },
    {
      title: 'Chính sách hỗ trợ tiếp cận dịch vụ xã hội cơ bản (nhu cầu)',
      children: SUPPORT_NEEDS.map((n) => ({ title: n.label, width: 6, align: 'center' as const })),
    },
  ];
}

const ESCAPED_HEADINGS: Heading[] = [
  { title: 'STT', width: 5, align: 'center' },
  { title: 'Mã hộ', width: 11, align: 'center' },
  { title: 'Họ và tên chủ hộ', width: 24 },
  { title: 'Dân tộc', width: 9, align: 'center' },
  { title: 'Thôn, bản', width: 16 },
  { title: 'Số nhân khẩu', width: 8, align: 'center' },
  { title: 'Kết quả rà soát', children: [{ title: 'Trước rà soát', width: 14, align: 'center' }, { title: 'Sau rà soát', width: 22, align: 'center' }] },
  { title: 'Ghi chú', width: 14 },
];

function villageTitle(h: DecisionListHousehold): string {
  return documentText(h.villageName) || (h.villageCode ? `Thôn, bản ${h.villageCode}` : 'Chưa ghi thôn, bản');
}

/** Village group rows are inserted whenever the village changes (households come sorted by village). */
function withVillages(households: readonly DecisionListHousehold[], rowsOf: (h: DecisionListHousehold, index: number) => BodyRow[]): BodyRow[] {
  const rows: BodyRow[] = [];
  let village: string | undefined;
  households.forEach((h, i) => {
    const title = villageTitle(h);
    if (title !== village) rows.push({ kind: 'group', text: title });
    village = title;
    rows.push(...rowsOf(h, i));
  });
  return rows;
}

function memberListLayout(list: PovertyList, households: readonly DecisionListHousehold[]): TableLayout {
  const headings = memberListHeadings(list);
  const flagTotals = FLAGS.map((f) => households.filter((h) => h.flag === f).length);
  const needTotals = SUPPORT_NEEDS.map((n) => households.filter((h) => h.needs.includes(n.code)).length);
  const persons = households.reduce((n, h) => n + h.members.length, 0);
  const rows = withVillages(households, (h, i) => {
    const household: Cell[] = [
      ...FLAGS.map((f) => (h.flag === f ? MARK : null)),
      null,
      null,
      h.noWorkingCapacity ? MARK : null,
      ...SUPPORT_NEEDS.map((n) => (h.needs.includes(n.code) ? MARK : null)),
    ];
    const members = h.members.length ? h.members : [{ lineNo: 1, fullName: h.headName, birthYear: null, sex: 'male' as const, ethnicity: h.ethnicity, relation: 'head' }];
    return members.map((m, j) => ({
      kind: 'data' as const,
      firstOfHousehold: j === 0,
      cells: [
        j === 0 ? i + 1 : null,
        j + 1,
        documentText(m.fullName),
        m.sex === 'male' ? m.birthYear : null,
        m.sex === 'female' ? m.birthYear : null,
        documentText(m.ethnicity ?? h.ethnicity),
        relationLabel(m.relation),
        ...(j === 0 ? household : household.map(() => null)),
      ],
    }));
  });
  return {
    headings,
    rows,
    totals: { label: `Tổng cộng: ${households.length} hộ, ${persons} nhân khẩu`, labelSpan: 7, cells: [...flagTotals, null, null, households.filter((h) => h.noWorkingCapacity).length, ...needTotals] },
  };
}

function escapedLayout(households: readonly DecisionListHousehold[]): TableLayout {
  const persons = households.reduce((n, h) => n + h.members.length, 0);
  const rows = withVillages(households, (h, i) => [
    {
      kind: 'data',
      firstOfHousehold: true,
      cells: [
        i + 1,
        h.code,
        documentText(h.headName),
        documentText(h.ethnicity),
        villageTitle(h),
        h.members.length,
        STATUS_LABELS[h.previousStatus],
        h.status === 'near_poor' ? 'Hộ cận nghèo' : 'Vượt chuẩn cận nghèo',
        null,
      ],
    },
  ]);
  return { headings: ESCAPED_HEADINGS, rows, totals: { label: `Tổng cộng: ${households.length} hộ`, labelSpan: 5, cells: [persons, null, null, null] } };
}

export function decisionListLayout(kind: DecisionListKind, households: readonly DecisionListHousehold[]): TableLayout {
  if (kind === 'poor' || kind === 'near_poor') return memberListLayout(kind, households);
  return escapedLayout(households);
}

/** Count of households on a layout (data rows that start a household). */
export function householdRows(layout: TableLayout): number {
  return layout.rows.filter((r) => r.kind === 'data' && r.firstOfHousehold).length;
}

/**
 * Columns of a beneficiary list and how one household becomes rows: one row per person (health
 * insurance, tuition) or per household (credit, electricity), each with its group, benefit, legal basis,
 * validity and the recognition decision it rests on (policies.md §8.5).
 */
import type { BeneficiaryHousehold } from '../../db/outputs/beneficiaries.ts';
import type { BeneficiaryPolicy } from '../../db/outputs/beneficiary-policies.ts';
import { GROUP_LABELS } from '../../db/outputs/beneficiary-policies.ts';
import { formatIsoDateVi } from '../../domain/calendar/iso-date.ts';
import { documentText } from '../documents/html.ts';
import { relationLabel, sexLabel } from '../documents/labels.ts';
import type { Cell, Heading } from '../documents/table-layout.ts';

const TAIL: Heading[] = [
  { title: 'Nhóm đối tượng', width: 16, align: 'center' },
  { title: 'Chế độ, mức hỗ trợ', width: 34 },
  { title: 'Căn cứ pháp lý', width: 26 },
  { title: 'Thời hạn', children: [{ title: 'Từ ngày', width: 11, align: 'center' }, { title: 'Đến ngày', width: 11, align: 'center' }] },
  { title: 'Quyết định công nhận', children: [{ title: 'Số', width: 14, align: 'center' }, { title: 'Ngày', width: 11, align: 'center' }] },
];

/** The policy-specific number column, if any. */
function extraHeading(policy: BeneficiaryPolicy): Heading[] {
  if (policy.id === 'health_insurance') return [{ title: 'Tỷ lệ ngân sách hỗ trợ (%)', width: 10, align: 'center' }];
  if (policy.id === 'tuition') return [{ title: 'Tuổi tại ngày áp dụng', width: 8, align: 'center' }];
  if (policy.id === 'electricity') return [{ title: 'Mức hỗ trợ (đồng/tháng)', width: 12, align: 'right' }];
  return [];
}

export function beneficiaryHeadings(policy: BeneficiaryPolicy): Heading[] {
  if (policy.subject === 'person') {
    return [
      { title: 'STT', width: 6, align: 'center' },
      { title: 'Mã hộ', width: 11, align: 'center' },
      { title: 'Họ và tên', width: 24 },
      { title: 'Ngày, năm sinh', width: 11, align: 'center' },
      { title: 'Giới tính', width: 7, align: 'center' },
      { title: 'Dân tộc', width: 9, align: 'center' },
      { title: 'Số định danh cá nhân / CCCD', width: 15, align: 'center' },
      { title: 'Quan hệ với chủ hộ', width: 10, align: 'center' },
      { title: 'Thôn, bản', width: 14 },
      ...extraHeading(policy),
      ...TAIL,
    ];
  }
  return [
    { title: 'STT', width: 6, align: 'center' },
    { title: 'Mã hộ', width: 11, align: 'center' },
    { title: 'Họ và tên chủ hộ', width: 24 },
    { title: 'Số định danh cá nhân / CCCD chủ hộ', width: 15, align: 'center' },
    { title: 'Dân tộc', width: 9, align: 'center' },
    { title: 'Thôn, bản', width: 14 },
    { title: 'Số nhân khẩu', width: 8, align: 'center' },
    ...extraHeading(policy),
    ...TAIL,
  ];
}

/** "Hộ mới thoát nghèo" / "Hộ mới thoát cận nghèo" by the exit that opened the window. */
function groupLabel(h: BeneficiaryHousehold): string {
  if (h.group === 'ESCAPED_POOR_RECENT' && h.exitMovement === 'near_poor_out_above') return 'Hộ mới thoát cận nghèo';
  return GROUP_LABELS[h.group];
}

function tail(h: BeneficiaryHousehold): Cell[] {
  return [groupLabel(h), h.benefit.text, h.legalBasis, formatIsoDateVi(h.validFrom), formatIsoDateVi(h.validTo), h.decisionNumber, formatIsoDateVi(h.decisionDate)];
}

/** The rows of one household; `start` is the running number of its first row. */
export function beneficiaryRows(policy: BeneficiaryPolicy, h: BeneficiaryHousehold, start: number): Cell[][] {
  const village = documentText(h.villageName);
  if (policy.subject === 'household') {
    const extra: Cell[] = policy.id === 'electricity' ? [h.benefit.amountVnd ?? null] : [];
    return [[start, h.code, documentText(h.headName), h.headCitizenId, documentText(h.ethnicity), village, h.memberCount, ...extra, ...tail(h)]];
  }
  return h.persons.map((p, i) => {
    const extra: Cell[] = policy.id === 'health_insurance' ? [h.benefit.percent ?? null] : policy.id === 'tuition' ? [p.age] : [];
    return [
      start + i,
      h.code,
      documentText(p.fullName),
      p.dateOfBirth ? formatIsoDateVi(p.dateOfBirth) : p.birthYear,
      sexLabel(p.sex),
      documentText(p.ethnicity ?? h.ethnicity),
      p.citizenId,
      relationLabel(p.relation),
      village,
      ...extra,
      ...tail(h),
    ];
  });
}

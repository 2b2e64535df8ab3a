/**
 * Columns of the review results export: per listed household of a commune review, where it got to
 * (stage), the class the engine computed under the campaign's national standard, the proposed and final
 * class, the deprivations with their Vietnamese names and the explanation, and the latest village
 * meeting vote.
 */
import type { ExportReview, ReviewResult } from '../../db/export/review-pages.ts';
import { formatIsoDateVi } from '../../domain/calendar/iso-date.ts';
import { defaultStandardRegistry } from '../../domain/standards/registry.ts';
import type { Cell } from '../documents/table-layout.ts';
import type { ExportColumn } from './export-table.ts';

export const CLASS_LABELS: Readonly<Record<string, string>> = {
  poor: 'Hộ nghèo',
  near_poor: 'Hộ cận nghèo',
  average: 'Hộ có mức sống trung bình',
  none: 'Không thuộc diện',
};

export const STAGE_LABELS: Readonly<Record<string, string>> = {
  listed: 'Chờ rà soát',
  surveyed: 'Đã rà soát',
  agreed: 'Họp dân đồng ý',
  rejected: 'Họp dân không đồng ý',
  final: 'Đã công nhận',
};

const LISTING_REASON_LABELS: Readonly<Record<string, string>> = {
  on_poor_list: 'Đang là hộ nghèo',
  on_near_poor_list: 'Đang là hộ cận nghèo',
  applied: 'Hộ có đơn đề nghị',
  added: 'Thôn, xã bổ sung',
};

const SUBTYPE_LABELS: Readonly<Record<string, string>> = {
  income: 'Nghèo về thu nhập',
  multidimensional: 'Nghèo do thiếu hụt dịch vụ xã hội cơ bản',
};

const label = (labels: Readonly<Record<string, string>>, v: string | null): Cell => (v ? (labels[v] ?? v) : null);

/** Indicator id → Vietnamese name, per standard (ids of an unknown standard stay as they are). */
const indicatorNames = new Map<string, ReadonlyMap<string, string>>();

function indicatorName(standardId: string, id: string): string {
  let names = indicatorNames.get(standardId);
  if (!names) {
    names = defaultStandardRegistry.has(standardId as never)
      ? new Map(defaultStandardRegistry.get(standardId as never).indicators.map((i) => [i.id as string, i.label]))
      : new Map<string, string>();
    indicatorNames.set(standardId, names);
  }
  return names.get(id) ?? id;
}

function agreePercent(agree: number | null, attendees: number | null): Cell {
  if (agree === null || !attendees) return null;
  return Math.round((agree / attendees) * 1000) / 10;
}

const reviewColumn = (header: string, width: number, f: (r: ExportReview) => Cell): ExportColumn<ReviewResult> => ({ header, width, value: (x) => f(x.review) });

export const REVIEW_RESULT_COLUMNS: readonly ExportColumn<ReviewResult>[] = [
  reviewColumn('Mã xã/phường', 9, (r) => r.communeCode),
  reviewColumn('Tên xã/phường', 18, (r) => r.communeName),
  reviewColumn('Đợt rà soát', 30, (r) => r.campaignTitle),
  { header: 'Mã hộ', width: 14, value: ({ row }) => row.code },
  { header: 'Họ và tên chủ hộ', width: 24, value: ({ row }) => row.head_name.normalize('NFC') },
  { header: 'Số định danh cá nhân chủ hộ', width: 16, value: ({ row }) => row.head_citizen_id },
  { header: 'Thôn/tổ dân phố', width: 16, value: ({ row }) => row.village_name },
  { header: 'Lý do đưa vào danh sách rà soát', width: 20, value: ({ row }) => label(LISTING_REASON_LABELS, row.listing_reason) },
  { header: 'Bước rà soát', width: 16, value: ({ row }) => label(STAGE_LABELS, row.stage) },
  { header: 'Ngày khảo sát', width: 12, value: ({ row }) => (row.surveyed_on ? formatIsoDateVi(row.surveyed_on) : null) },
  { header: 'Tổng điểm B1 (điểm A)', width: 10, value: ({ row }) => row.score_a },
  { header: 'Thu nhập bình quân đầu người/tháng (đồng)', width: 14, value: ({ row }) => row.income },
  { header: 'Kết quả phân loại theo chuẩn', width: 18, value: ({ row }) => label(CLASS_LABELS, row.computed_class) ?? 'Chưa phân loại' },
  { header: 'Loại hộ nghèo', width: 20, value: ({ row }) => label(SUBTYPE_LABELS, row.subtype) },
  { header: 'Số chỉ số thiếu hụt', width: 9, value: ({ row }) => row.deprivation_count },
  {
    header: 'Các chỉ số thiếu hụt',
    width: 40,
    value: ({ review, row }) => (row.deprivations?.length ? row.deprivations.map((d) => indicatorName(review.standardId, d)).join('; ') : null),
  },
  { header: 'Giải thích kết quả phân loại', width: 60, value: ({ row }) => row.explanation },
  { header: 'Phân loại đề xuất', width: 18, value: ({ row }) => label(CLASS_LABELS, row.proposed_class) },
  { header: 'Phân loại cuối cùng', width: 18, value: ({ row }) => label(CLASS_LABELS, row.final_class) },
  { header: 'Họp dân: lần họp', width: 8, value: ({ row }) => row.meeting_no },
  { header: 'Họp dân: số người dự', width: 9, value: ({ row }) => row.vote_attendees },
  { header: 'Họp dân: số đồng ý', width: 9, value: ({ row }) => row.vote_agree },
  { header: 'Họp dân: số không đồng ý', width: 9, value: ({ row }) => row.vote_disagree },
  { header: 'Họp dân: tỷ lệ đồng ý (%)', width: 9, value: ({ row }) => agreePercent(row.vote_agree, row.vote_attendees) },
];

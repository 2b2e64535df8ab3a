/**
 * The four policies a beneficiary list can be produced for (policies.md §1, §2, §3, §5): who is listed
 * (persons or households), which recognised groups count, which "newly escaped" window applies, the
 * legal basis in force on the service date and the benefit of each group under the rules in force.
 */
import { compareIsoDates } from '../../domain/calendar/iso-date.ts';
import { NEWLY_ESCAPED_WINDOWS, type NewlyEscapedWindow } from '../../domain/movements/newly-escaped.ts';
import type { PovertyListStatus } from '../../domain/movements/list-status.ts';
import type { BeneficiaryPolicyId, BeneficiaryRules, LoanTerms } from './beneficiary-rules.ts';

/** Group ids as in policies.md. */
export type BeneficiaryGroup = 'POOR' | 'NEAR_POOR' | 'ESCAPED_POOR_RECENT';

export const GROUP_LABELS: Readonly<Record<BeneficiaryGroup, string>> = {
  POOR: 'Hộ nghèo',
  NEAR_POOR: 'Hộ cận nghèo',
  ESCAPED_POOR_RECENT: 'Hộ mới thoát nghèo',
};

export interface Benefit {
  text: string;
  /** Support rate (health insurance). */
  percent?: number;
  /** Amount in đồng per month (electricity). */
  amountVnd?: number;
}

export interface BenefitContext {
  rules: BeneficiaryRules;
  serviceDate: string;
  communeCode: string;
}

export interface BeneficiaryPolicy {
  id: BeneficiaryPolicyId;
  /** Title on the sheet, e.g. "DANH SÁCH NGƯỜI THUỘC HỘ NGHÈO, HỘ CẬN NGHÈO ĐƯỢC HỖ TRỢ ĐÓNG BẢO HIỂM Y TẾ". */
  titleVi: string;
  fileName: string;
  subject: 'person' | 'household';
  /** Statuses on the recognised list at the service date that qualify by themselves. */
  statuses(rules: BeneficiaryRules): PovertyListStatus[];
  /** Which exits open the newly-escaped window, and which statuses still qualify. */
  window: NewlyEscapedWindow;
  legalBasis(group: BeneficiaryGroup, serviceDate: string): string;
  benefit(group: BeneficiaryGroup, ctx: BenefitContext): Benefit;
  /** Notes printed under the list: open questions that affect it. */
  notes(rules: BeneficiaryRules, serviceDate: string): string[];
}

const vnd = (n: number) => `${n.toLocaleString('vi-VN')} đồng`;
const percent = (n: number) => `${n.toLocaleString('vi-VN')}%`;
const onOrAfter = (date: string, since: string) => compareIsoDates(date, since) >= 0;

const HEALTH_DECREE_188_FROM = '2025-08-15';
const TUITION_DECREE_238_FROM = '2025-09-03';

const healthInsurance: BeneficiaryPolicy = {
  id: 'health_insurance',
  titleVi: 'DANH SÁCH NGƯỜI THUỘC HỘ NGHÈO, HỘ CẬN NGHÈO ĐƯỢC NGÂN SÁCH NHÀ NƯỚC ĐÓNG, HỖ TRỢ ĐÓNG BẢO HIỂM Y TẾ',
  fileName: 'danh-sach-bhyt',
  subject: 'person',
  statuses: () => ['poor', 'near_poor'],
  window: NEWLY_ESCAPED_WINDOWS.ntp_program_support,
  legalBasis: (_g, date) =>
    onOrAfter(date, HEALTH_DECREE_188_FROM) ? 'Luật Bảo hiểm y tế (sửa đổi 2024); Nghị định 188/2025/NĐ-CP' : 'Luật Bảo hiểm y tế; Nghị định 146/2018/NĐ-CP',
  benefit(group, { rules, communeCode }) {
    const h = rules.healthInsurance;
    if (group === 'POOR') return { text: 'Ngân sách nhà nước đóng 100%', percent: 100 };
    if (group === 'NEAR_POOR') {
      if (h.poorCommuneCodes.includes(communeCode)) return { text: 'Ngân sách nhà nước hỗ trợ 100% (cư trú tại xã nghèo)', percent: 100 };
      return { text: `Ngân sách nhà nước hỗ trợ ${percent(h.nearPoorSupportPercent)}`, percent: h.nearPoorSupportPercent };
    }
    return { text: `Hỗ trợ ${percent(h.newlyEscapedSupportPercent)} (chính sách địa phương)`, percent: h.newlyEscapedSupportPercent };
  },
  notes(rules, date) {
    const n = ['Thời hạn thẻ theo năm của danh sách được công nhận; người thuộc nhiều nhóm hưởng mức cao nhất.'];
    if (onOrAfter(date, HEALTH_DECREE_188_FROM)) n.push('Hộ nghèo được đóng 100% theo Nghị định 188/2025/NĐ-CP: chưa xác nhận (tiếp tục quy định của Nghị định 146/2018/NĐ-CP).');
    if (rules.newlyEscapedWindowMonths.health_insurance !== null) n.push('Nhóm hộ mới thoát nghèo: không có trong quy định toàn quốc, áp dụng theo chính sách địa phương.');
    return n;
  },
};

const tuition: BeneficiaryPolicy = {
  id: 'tuition',
  titleVi: 'DANH SÁCH NGƯỜI HỌC THUỘC HỘ NGHÈO, HỘ CẬN NGHÈO ĐƯỢC MIỄN, GIẢM HỌC PHÍ, HỖ TRỢ CHI PHÍ HỌC TẬP',
  fileName: 'danh-sach-hoc-phi',
  subject: 'person',
  statuses: (rules) => (rules.tuition.includeNearPoor ? ['poor', 'near_poor'] : ['poor']),
  window: NEWLY_ESCAPED_WINDOWS.ntp_program_support,
  legalBasis: (_g, date) =>
    onOrAfter(date, TUITION_DECREE_238_FROM) ? 'Nghị quyết 217/2025/QH15; Nghị định 238/2025/NĐ-CP' : 'Nghị định 81/2021/NĐ-CP',
  benefit(group, { serviceDate }) {
    const before = !onOrAfter(serviceDate, TUITION_DECREE_238_FROM);
    if (group === 'POOR') {
      return before
        ? { text: 'Miễn học phí; hỗ trợ chi phí học tập 150.000 đồng/tháng, tối đa 9 tháng/năm' }
        : { text: 'Hỗ trợ chi phí học tập (mức theo Nghị định 238/2025/NĐ-CP — chưa xác nhận)' };
    }
    if (group === 'NEAR_POOR') return before ? { text: 'Miễn học phí (chưa xác nhận)' } : { text: 'Miễn, giảm học phí giáo dục nghề nghiệp, đại học (chưa xác nhận)' };
    return { text: 'Theo chính sách địa phương' };
  },
  notes(rules, date) {
    const n = [`Danh sách người từ ${rules.tuition.minAge} đến ${rules.tuition.maxAge} tuổi tại ngày áp dụng; cơ sở giáo dục xác nhận việc đang học.`];
    if (onOrAfter(date, TUITION_DECREE_238_FROM)) {
      n.push('Từ năm học 2025–2026 học sinh trường công lập được miễn học phí; chế độ riêng cho hộ nghèo, cận nghèo theo Nghị định 238/2025/NĐ-CP: chưa xác nhận.');
    }
    return n;
  },
};

const loan = (name: string, l: LoanTerms) =>
  `${name}: tối đa ${vnd(l.maxLoanVnd)}, thời hạn tối đa ${l.maxTermYears} năm, lãi suất ${l.ratePercentPerYear.toLocaleString('vi-VN')}%/năm`;

const credit: BeneficiaryPolicy = {
  id: 'credit',
  titleVi: 'DANH SÁCH HỘ ĐƯỢC VAY VỐN ƯU ĐÃI NGÂN HÀNG CHÍNH SÁCH XÃ HỘI (HỘ NGHÈO, HỘ CẬN NGHÈO, HỘ MỚI THOÁT NGHÈO)',
  fileName: 'danh-sach-vay-von',
  subject: 'household',
  statuses: () => ['poor', 'near_poor'],
  window: NEWLY_ESCAPED_WINDOWS.vbsp_newly_escaped_loan,
  legalBasis: (g) =>
    g === 'POOR' ? 'Nghị định 78/2002/NĐ-CP' : g === 'NEAR_POOR' ? 'Quyết định 15/2013/QĐ-TTg' : 'Quyết định 28/2015/QĐ-TTg',
  benefit(group, { rules }) {
    if (group === 'POOR') return { text: loan('Cho vay hộ nghèo', rules.credit.poor) };
    if (group === 'NEAR_POOR') return { text: loan('Cho vay hộ cận nghèo', rules.credit.nearPoor) };
    return { text: loan('Cho vay hộ mới thoát nghèo', rules.credit.newlyEscaped) };
  },
  notes: (rules) => [
    rules.newlyEscapedWindowMonths.credit === null
      ? 'Không lập nhóm hộ mới thoát nghèo (thiết lập).'
      : `Hộ mới thoát nghèo: hộ nghèo, hộ cận nghèo ra khỏi danh sách không quá ${rules.newlyEscapedWindowMonths.credit} tháng kể từ ngày quyết định.`,
    'Mức vay, thời hạn, lãi suất theo thông báo của Ngân hàng Chính sách xã hội (thiết lập); số hiệu văn bản sửa đổi: chưa xác nhận.',
  ],
};

const electricity: BeneficiaryPolicy = {
  id: 'electricity',
  titleVi: 'DANH SÁCH HỘ NGHÈO ĐƯỢC HỖ TRỢ TIỀN ĐIỆN',
  fileName: 'danh-sach-tien-dien',
  subject: 'household',
  statuses: () => ['poor'],
  window: NEWLY_ESCAPED_WINDOWS.ntp_program_support,
  legalBasis: () => 'Quyết định 28/2014/QĐ-TTg (Điều 3 khoản 7); Quyết định 60/2014/QĐ-TTg',
  benefit: (_g, { rules }) => ({
    text: `${vnd(rules.electricity.monthlyAmountVnd)}/tháng (${rules.electricity.kwhPerMonth} kWh theo giá bậc 1), chi trả theo quý`,
    amountVnd: rules.electricity.monthlyAmountVnd,
  }),
  notes: () => ['Hộ chính sách xã hội (không thuộc hộ nghèo) không có trong danh sách này.', 'Mức hỗ trợ tính lại khi giá điện bậc 1 thay đổi (thiết lập).'],
};

export const BENEFICIARY_POLICIES: Readonly<Record<BeneficiaryPolicyId, BeneficiaryPolicy>> = {
  health_insurance: healthInsurance,
  tuition,
  credit,
  electricity,
};

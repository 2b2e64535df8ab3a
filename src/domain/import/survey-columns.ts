/**
 * Columns of the form B survey sheet (Phiếu B): one row per surveyed household of the chosen review
 * campaign. The survey snapshots the household and member facts of the other two sheets; form A's
 * items are the registry's checklist (src/db/registry/survey-codes.ts FORM_A_ITEMS, keys `form_a_<item>`).
 */
import type { ImportColumn, ImportSheet } from './column-types.ts';

/** Form A checklist items, in checklist order (same keys as FORM_A_ITEMS). */
export const FORM_A_ITEM_KEYS = ['salaried_member', 'car', 'durable_large_house', 'business_with_employees', 'high_value_assets'] as const;

const FORM_A_HEADERS: Readonly<Record<(typeof FORM_A_ITEM_KEYS)[number], [string, string]>> = {
  salaried_member: ['Phiếu A: có người hưởng lương, lương hưu', 'Form A: salaried or pensioned member'],
  car: ['Phiếu A: có ô tô', 'Form A: car'],
  durable_large_house: ['Phiếu A: nhà kiên cố, diện tích lớn', 'Form A: durable large house'],
  business_with_employees: ['Phiếu A: cơ sở kinh doanh thuê lao động', 'Form A: business with employees'],
  high_value_assets: ['Phiếu A: tài sản giá trị lớn khác', 'Form A: other high-value assets'],
};

export const SURVEY_COLUMNS: readonly ImportColumn[] = [
  { key: 'household_code', header: 'Mã hộ', headerEn: 'Household code', type: { kind: 'household_code' }, required: true, note: 'Hộ phải có trên trang "Hộ gia đình" hoặc đã có trong cơ sở dữ liệu.' },
  { key: 'surveyed_on', header: 'Ngày khảo sát', headerEn: 'Survey date', type: { kind: 'date' }, required: true },
  { key: 'score_a', header: 'Tổng điểm B1 (điểm A)', headerEn: 'Score A (form B1)', type: { kind: 'integer', min: 0, max: 1000 }, required: false, fact: 'scoreA' },
  { key: 'income', header: 'Thu nhập bình quân đầu người/tháng (đồng)', headerEn: 'Monthly income per person (VND)', type: { kind: 'integer', min: 0, max: 1_000_000_000 }, required: false, fact: 'income' },
  ...FORM_A_ITEM_KEYS.map((k): ImportColumn => ({ key: `form_a_${k}`, header: FORM_A_HEADERS[k][0], headerEn: FORM_A_HEADERS[k][1], type: { kind: 'boolean' }, required: false, fact: `formA.${k}` })),
  { key: 'causes', header: 'Nguyên nhân nghèo', headerEn: 'Causes of poverty', type: { kind: 'codes', list: 'poverty_cause' }, required: false, note: 'Nhiều giá trị ngăn cách bằng dấu chấm phẩy (;).' },
  { key: 'needs', header: 'Nhu cầu hỗ trợ', headerEn: 'Support needs', type: { kind: 'codes', list: 'support_need' }, required: false, note: 'Nhiều giá trị ngăn cách bằng dấu chấm phẩy (;).' },
];

export const SURVEY_SHEET: ImportSheet = { id: 'surveys', name: 'Phiếu B', nameEn: 'Form B survey', columns: SURVEY_COLUMNS };

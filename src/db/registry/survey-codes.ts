/**
 * Code lists of the survey record: the form A quick-identification checklist with its exclusion rule,
 * causes of poverty and support needs. Form A's exact items under Circular 07/2021 are UNCONFIRMED
 * (review-procedure.md §4 Step 2): the checklist is data here, and a household answering "yes" to at
 * least FORM_A_EXCLUSION_MIN_YES items is excluded from scoring (system setting, not law).
 */
import { RegistryError } from './errors.ts';

export const FORM_A_ITEMS = {
  salaried_member: 'Có thành viên là cán bộ, công chức, viên chức, lực lượng vũ trang hoặc hưởng lương hưu',
  car: 'Có ô tô',
  durable_large_house: 'Có nhà ở kiên cố, diện tích lớn',
  business_with_employees: 'Có cơ sở sản xuất, kinh doanh, dịch vụ thuê lao động thường xuyên',
  high_value_assets: 'Có tài sản giá trị lớn khác (máy móc, tàu thuyền, đất cho thuê, …)',
} as const;
export type FormAItem = keyof typeof FORM_A_ITEMS;

/** UNCONFIRMED / system: how many "yes" answers exclude a household from scoring. */
export const FORM_A_EXCLUSION_MIN_YES = 1;

/** Causes of poverty (nguyên nhân nghèo), multi-select [S]; wording and codes UNCONFIRMED. */
export const POVERTY_CAUSES = {
  no_production_land: 'Thiếu đất sản xuất',
  no_capital: 'Thiếu vốn sản xuất, kinh doanh',
  no_labour: 'Thiếu lao động',
  no_means_of_production: 'Thiếu công cụ, phương tiện sản xuất',
  no_production_knowledge: 'Không biết cách làm ăn, không có kỹ năng sản xuất',
  no_vocational_skills: 'Không có tay nghề',
  illness_or_accident: 'Có người ốm đau, bệnh nặng, tai nạn',
  other: 'Nguyên nhân khác',
} as const;

/** Support needs (nhu cầu hỗ trợ), the columns 14–19 of the F14/F15 detailed lists [S]. */
export const SUPPORT_NEEDS = {
  health: 'Y tế',
  education: 'Giáo dục',
  production: 'Sản xuất',
  credit: 'Tín dụng',
  housing: 'Nhà ở',
  other: 'Khác',
} as const;

export interface FormA {
  /** Item code → answer (true = the household has it). */
  answers: Partial<Record<FormAItem, boolean>>;
  note?: string | null;
}

/** The "yes" items of form A, in checklist order; throws on unknown items. */
export function formAYesItems(formA: FormA | null | undefined): FormAItem[] {
  if (!formA) return [];
  for (const k of Object.keys(formA.answers ?? {})) {
    if (!Object.hasOwn(FORM_A_ITEMS, k)) throw new RegistryError('field_unknown', { field: `formA.answers.${k}` });
  }
  return (Object.keys(FORM_A_ITEMS) as FormAItem[]).filter((k) => formA.answers?.[k] === true);
}

export function excludedByFormA(yes: readonly FormAItem[]): boolean {
  return yes.length >= FORM_A_EXCLUSION_MIN_YES;
}

/** The explanation stored for a household excluded by form A. */
export function formAExplanation(yes: readonly FormAItem[]): string {
  return `Loại khỏi chấm điểm theo phiếu A (nhận dạng nhanh): ${yes.map((k) => FORM_A_ITEMS[k].toLowerCase()).join('; ')}. Không thuộc hộ nghèo, hộ cận nghèo.`;
}

export function checkCodes(values: readonly string[] | undefined, codes: object, field: string): string[] {
  const out: string[] = [];
  for (const v of values ?? []) {
    if (!Object.hasOwn(codes, v)) throw new RegistryError('field_enum', { field, values: Object.keys(codes).join(', ') });
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

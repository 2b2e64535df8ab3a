/**
 * Code lists for raw household facts. Standards refer to them in their parameters (e.g. which water
 * sources count as safe) and the household input model uses them as field values. Each list carries the
 * Vietnamese label shown in reasons and forms.
 */

/** Domestic water source (nguồn nước sinh hoạt chính). */
export type WaterSource =
  | 'piped'
  | 'drilled_well'
  | 'protected_dug_well'
  | 'unprotected_dug_well'
  | 'protected_spring'
  | 'unprotected_spring'
  | 'rainwater'
  | 'bottled'
  | 'tanker_or_vendor'
  | 'surface_water'
  | 'other';

export const WATER_SOURCE_LABELS: Readonly<Record<WaterSource, string>> = {
  piped: 'nước máy',
  drilled_well: 'giếng khoan',
  protected_dug_well: 'giếng đào được bảo vệ',
  unprotected_dug_well: 'giếng đào không được bảo vệ',
  protected_spring: 'nước khe, mó được bảo vệ',
  unprotected_spring: 'nước khe, mó không được bảo vệ',
  rainwater: 'nước mưa',
  bottled: 'nước đóng bình, đóng chai',
  tanker_or_vendor: 'nước mua từ xe bồn, người bán',
  surface_water: 'nước sông, suối, ao, hồ',
  other: 'nguồn khác',
};

/** Latrine type (loại nhà tiêu). */
export type LatrineType =
  | 'septic'
  | 'semi_septic'
  | 'pour_flush'
  | 'double_vault'
  | 'ventilated_pit'
  | 'simple_pit'
  | 'hanging'
  | 'other'
  | 'none';

export const LATRINE_LABELS: Readonly<Record<LatrineType, string>> = {
  septic: 'tự hoại',
  semi_septic: 'bán tự hoại',
  pour_flush: 'thấm dội nước',
  double_vault: 'hai ngăn',
  ventilated_pit: 'chìm có ống thông hơi',
  simple_pit: 'hố đào đơn giản',
  hanging: 'cầu tõm, trên ao',
  other: 'loại khác',
  none: 'không có nhà tiêu',
};

/** Material of a main structural part of the dwelling. `durable` / `non_durable` are generic codes for surveys that record durability directly. */
export type StructuralMaterial =
  | 'reinforced_concrete'
  | 'brick_stone'
  | 'steel'
  | 'durable_wood'
  | 'tile'
  | 'fibre_cement'
  | 'metal_sheet'
  | 'bamboo'
  | 'non_durable_wood'
  | 'earth'
  | 'leaves_straw'
  | 'tarpaulin_plastic'
  | 'durable'
  | 'non_durable'
  | 'other';

export const STRUCTURAL_MATERIAL_LABELS: Readonly<Record<StructuralMaterial, string>> = {
  reinforced_concrete: 'bê tông cốt thép',
  brick_stone: 'gạch, đá',
  steel: 'sắt, thép',
  durable_wood: 'gỗ bền chắc',
  tile: 'ngói',
  fibre_cement: 'tấm xi măng, fibrô',
  metal_sheet: 'tôn',
  bamboo: 'tre, nứa',
  non_durable_wood: 'gỗ tạp',
  earth: 'đất, vách đất',
  leaves_straw: 'lá, rơm rạ',
  tarpaulin_plastic: 'bạt, nhựa',
  durable: 'vật liệu bền chắc',
  non_durable: 'vật liệu không bền chắc',
  other: 'vật liệu khác',
};

/** The three main structural parts recorded for housing quality (kết cấu chính). */
export type StructuralPart = 'frame' | 'walls' | 'roof';

export const STRUCTURAL_PARTS: readonly StructuralPart[] = ['frame', 'walls', 'roof'];

export const STRUCTURAL_PART_LABELS: Readonly<Record<StructuralPart, string>> = {
  frame: 'cột (khung)',
  walls: 'tường',
  roof: 'mái',
};

/** Devices for access to information (phương tiện / tài sản phục vụ tiếp cận thông tin). */
export type InformationDevice = 'tv' | 'radio' | 'computer' | 'smartphone' | 'tablet' | 'basic_phone';

export const INFORMATION_DEVICE_LABELS: Readonly<Record<InformationDevice, string>> = {
  tv: 'ti vi',
  radio: 'radio',
  computer: 'máy vi tính',
  smartphone: 'điện thoại thông minh',
  tablet: 'máy tính bảng',
  basic_phone: 'điện thoại thường',
};

/** Treatment of domestic waste (xử lý rác thải sinh hoạt), recorded for the 2027–2030 standard. */
export type WasteTreatment = 'collected' | 'composted' | 'buried' | 'burned' | 'dumped';

export const WASTE_TREATMENT_LABELS: Readonly<Record<WasteTreatment, string>> = {
  collected: 'được thu gom',
  composted: 'tự xử lý hợp vệ sinh (ủ, phân loại)',
  buried: 'chôn lấp',
  burned: 'đốt',
  dumped: 'vứt bỏ tự do',
};

/** Highest completed general-education level (trình độ giáo dục phổ thông cao nhất đã hoàn thành). */
export type EducationLevel = 'none' | 'primary' | 'lower_secondary' | 'upper_secondary' | 'tertiary';

export const EDUCATION_LEVEL_RANK: Readonly<Record<EducationLevel, number>> = {
  none: 0,
  primary: 1,
  lower_secondary: 2,
  upper_secondary: 3,
  tertiary: 4,
};

export const EDUCATION_LEVEL_LABELS: Readonly<Record<EducationLevel, string>> = {
  none: 'chưa hoàn thành cấp học nào',
  primary: 'tiểu học',
  lower_secondary: 'trung học cơ sở',
  upper_secondary: 'trung học phổ thông',
  tertiary: 'cao đẳng, đại học trở lên',
};

/** Level currently attended (bậc học đang theo học). */
export type AttendingLevel =
  | 'preschool'
  | 'primary'
  | 'lower_secondary'
  | 'upper_secondary'
  | 'vocational'
  | 'tertiary';

export const ATTENDING_LEVEL_RANK: Readonly<Record<AttendingLevel, number>> = {
  preschool: 0,
  primary: 1,
  lower_secondary: 2,
  upper_secondary: 3,
  vocational: 3,
  tertiary: 4,
};

export const ATTENDING_LEVEL_LABELS: Readonly<Record<AttendingLevel, string>> = {
  preschool: 'mầm non',
  primary: 'tiểu học',
  lower_secondary: 'trung học cơ sở',
  upper_secondary: 'trung học phổ thông',
  vocational: 'giáo dục nghề nghiệp',
  tertiary: 'cao đẳng, đại học',
};

/** Vocational qualification or certified training (bằng cấp, chứng chỉ nghề). */
export type VocationalQualification = 'none' | 'elementary' | 'intermediate' | 'college' | 'enterprise_certified';

export const VOCATIONAL_QUALIFICATION_LABELS: Readonly<Record<VocationalQualification, string>> = {
  none: 'không có',
  elementary: 'sơ cấp',
  intermediate: 'trung cấp',
  college: 'cao đẳng',
  enterprise_certified: 'đào tạo tại doanh nghiệp có xác nhận',
};

/** Employment status of a member (tình trạng việc làm). */
export type EmploymentStatus =
  | 'wage_employed'
  | 'self_employed'
  | 'unpaid_family_worker'
  | 'unemployed'
  | 'not_in_labour_force';

export const EMPLOYMENT_STATUS_LABELS: Readonly<Record<EmploymentStatus, string>> = {
  wage_employed: 'làm công ăn lương',
  self_employed: 'tự làm, sản xuất kinh doanh',
  unpaid_family_worker: 'lao động gia đình không hưởng lương',
  unemployed: 'thất nghiệp (muốn làm việc nhưng không tìm được việc)',
  not_in_labour_force: 'không tham gia lao động',
};

/** Farm, forestry, fishery or salt-production occupation of the household. */
export type FarmOccupation = 'agriculture' | 'forestry' | 'fishery' | 'salt';

export const FARM_OCCUPATION_LABELS: Readonly<Record<FarmOccupation, string>> = {
  agriculture: 'nông nghiệp',
  forestry: 'lâm nghiệp',
  fishery: 'ngư nghiệp',
  salt: 'diêm nghiệp',
};

export type Sex = 'male' | 'female';

export type Relation =
  | 'head'
  | 'spouse'
  | 'child'
  | 'parent'
  | 'grandchild'
  | 'sibling'
  | 'other_relative'
  | 'other';

export type Disability = 'none' | 'mild' | 'severe' | 'very_severe';

/** Convention for members whose full date of birth is unknown (only the birth year). */
export type BirthYearConvention = 'january_first' | 'july_first' | 'december_31';

/**
 * The code lists of the household facts, in the order of the domain's label tables (the labels shown
 * come from the i18n catalogs: `fact.<list>.<code>`).
 */
import {
  ATTENDING_LEVEL_LABELS,
  EDUCATION_LEVEL_LABELS,
  EMPLOYMENT_STATUS_LABELS,
  FARM_OCCUPATION_LABELS,
  INFORMATION_DEVICE_LABELS,
  LATRINE_LABELS,
  STRUCTURAL_MATERIAL_LABELS,
  VOCATIONAL_QUALIFICATION_LABELS,
  WASTE_TREATMENT_LABELS,
  WATER_SOURCE_LABELS,
  type AttendingLevel,
  type Disability,
  type EducationLevel,
  type EmploymentStatus,
  type FarmOccupation,
  type InformationDevice,
  type LatrineType,
  type Relation,
  type StructuralMaterial,
  type VocationalQualification,
  type WasteTreatment,
  type WaterSource,
} from '../../domain/standards/fact-codes.ts';

function keys<K extends string>(labels: Readonly<Record<K, string>>): K[] {
  return Object.keys(labels) as K[];
}

export const WATER_SOURCES: WaterSource[] = keys(WATER_SOURCE_LABELS);
export const LATRINES: LatrineType[] = keys(LATRINE_LABELS);
export const MATERIALS: StructuralMaterial[] = keys(STRUCTURAL_MATERIAL_LABELS).filter((m) => m !== 'durable' && m !== 'non_durable');
export const DEVICES: InformationDevice[] = keys(INFORMATION_DEVICE_LABELS);
export const WASTE: WasteTreatment[] = keys(WASTE_TREATMENT_LABELS);
export const FARM: FarmOccupation[] = keys(FARM_OCCUPATION_LABELS);
export const EDUCATION: EducationLevel[] = keys(EDUCATION_LEVEL_LABELS);
export const ATTENDING: AttendingLevel[] = keys(ATTENDING_LEVEL_LABELS);
export const VOCATIONAL: VocationalQualification[] = keys(VOCATIONAL_QUALIFICATION_LABELS);
export const EMPLOYMENT: EmploymentStatus[] = keys(EMPLOYMENT_STATUS_LABELS);
export const DISABILITY: Disability[] = ['none', 'mild', 'severe', 'very_severe'];
export const RELATIONS: Relation[] = ['head', 'spouse', 'child', 'parent', 'grandchild', 'sibling', 'other_relative', 'other'];

/** Ethnic groups most often met in the northern mountains first, then the rest of the 54 (free text is allowed too). */
export const ETHNICITIES = [
  'Kinh', 'Thái', 'Mông', 'Dao', 'Hà Nhì', 'Giáy', 'Lự', 'Khơ Mú', 'Lào', 'La Hủ', 'Cống', 'Mảng', 'Si La', 'Kháng', 'Phù Lá',
  'Tày', 'Nùng', 'Mường', 'Hoa', 'Khmer', 'Sán Dìu', 'Sán Chay', 'Xơ Đăng', 'Ê Đê', 'Ba Na', 'Gia Rai', 'Chăm', 'Cơ Ho', 'Hrê',
  'Ra Glai', 'Mnông', 'Thổ', 'Xtiêng', 'Bru - Vân Kiều', 'Cơ Tu', 'Giẻ Triêng', 'Tà Ôi', 'Mạ', 'Co', 'Chơ Ro', 'Xinh Mun', 'Chu Ru',
  'Lô Lô', 'Pà Thẻn', 'La Chí', 'Chứt', 'La Ha', 'Pu Péo', 'Brâu', 'Ơ Đu', 'Rơ Măm', 'Bố Y', 'Ngái', 'Cơ Lao',
];

/** Lower case without Vietnamese diacritics, for matching what is typed against labels. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** Search in a select by its label, with or without diacritics ("la, rom" finds "Lá, rơm rạ"). */
export const SEARCH = {
  filterOption: (input: string, option?: { label?: unknown }) => fold(String(option?.label ?? '')).includes(fold(input)),
};

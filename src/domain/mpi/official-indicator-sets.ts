/**
 * Official dimension → indicator structure of each national multidimensional poverty standard
 * (see ../shared/domain/poverty-standards.md §2.2, §3.2, §5.3). Indicator ids are shared with the
 * rest of the system; dimension order and indicator order follow the legal texts.
 */
import type { MpiDimensionStructure } from './nested-weights.ts';

export type MpiStandardId = 'QD59_2015' | 'ND07_2021' | 'ND351_2025';

export const OFFICIAL_INDICATOR_SETS: Readonly<Record<MpiStandardId, MpiDimensionStructure>> = {
  // Decision 59/2015/QĐ-TTg (2016–2021): 5 services, 10 indicators.
  QD59_2015: [
    { id: 'health', indicators: ['health_access', 'health_insurance'] },
    { id: 'education', indicators: ['adult_education', 'child_schooling'] },
    { id: 'housing', indicators: ['housing_quality', 'housing_area'] },
    { id: 'water_sanitation', indicators: ['water_source', 'latrine'] },
    { id: 'information', indicators: ['telecom', 'information_assets'] },
  ],
  // Decree 07/2021/NĐ-CP Art. 3 (2022–2026): 6 services, 12 indicators.
  ND07_2021: [
    { id: 'employment', indicators: ['employment', 'dependents'] },
    { id: 'health', indicators: ['nutrition', 'health_insurance'] },
    { id: 'education', indicators: ['adult_education', 'child_schooling'] },
    { id: 'housing', indicators: ['housing_quality', 'housing_area'] },
    { id: 'water_sanitation', indicators: ['water_source', 'latrine'] },
    { id: 'information', indicators: ['telecom', 'information_assets'] },
  ],
  // Decree 351/2025/NĐ-CP (2027–2030): 6 dimensions, 12 indicators; waste treatment added to water,
  // sanitation and environment (id kept as water_sanitation, as in src/domain/standards),
  // information-access means removed.
  ND351_2025: [
    { id: 'employment', indicators: ['employment', 'dependents'] },
    { id: 'health', indicators: ['nutrition', 'health_insurance'] },
    { id: 'education', indicators: ['adult_education', 'child_schooling'] },
    { id: 'housing', indicators: ['housing_quality', 'housing_area'] },
    { id: 'water_sanitation', indicators: ['water_source', 'latrine', 'waste_treatment'] },
    { id: 'information', indicators: ['telecom'] },
  ],
};

export const MPI_STANDARD_IDS = Object.keys(OFFICIAL_INDICATOR_SETS) as MpiStandardId[];

export function isMpiStandardId(value: string): value is MpiStandardId {
  return Object.hasOwn(OFFICIAL_INDICATOR_SETS, value);
}

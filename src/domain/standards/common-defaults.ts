/**
 * Default values shared by several standards. All of them are [S] or UNCONFIRMED readings of the legal
 * texts (see /work/shared/domain/poverty-standards.md) and are therefore overridable parameters.
 */
import type {
  FarmOccupation,
  InformationDevice,
  LatrineType,
  StructuralMaterial,
  WasteTreatment,
  WaterSource,
} from './fact-codes.ts';
import type { AdultEducationRule, ChildSchoolingRule, DependentsRule } from './parameters.ts';
import type { AreaThresholds, Threshold } from './types.ts';

/** Builds `{rural: {value: r, operator}, urban: {value: u, operator}}`. */
export function lines(rural: number, urban: number, operator: Threshold['operator'] = '<='): AreaThresholds {
  return { rural: { value: rural, operator }, urban: { value: urban, operator } };
}

/** [S] list (Decree 07/2021 annex reading): safe domestic water sources. */
export const SAFE_WATER_SOURCES: readonly WaterSource[] = [
  'piped',
  'drilled_well',
  'protected_dug_well',
  'protected_spring',
  'rainwater',
  'bottled',
];

/** [S] partial list: hygienic latrine types (septic/semi-septic, pour-flush, other types of the health sector). */
export const HYGIENIC_LATRINES: readonly LatrineType[] = [
  'septic',
  'semi_septic',
  'pour_flush',
  'double_vault',
  'ventilated_pit',
];

/** UNCONFIRMED: materials counted as durable for the main structural parts. */
export const DURABLE_MATERIALS: readonly StructuralMaterial[] = [
  'reinforced_concrete',
  'brick_stone',
  'steel',
  'durable_wood',
  'tile',
  'fibre_cement',
  'metal_sheet',
  'durable',
];

/** UNCONFIRMED: information-access devices listed for 2022–2025. */
export const INFORMATION_DEVICES_2022: readonly InformationDevice[] = ['tv', 'radio', 'computer', 'smartphone', 'tablet'];

/** UNCONFIRMED: information-access assets listed for 2016–2020. */
export const INFORMATION_DEVICES_2016: readonly InformationDevice[] = ['tv', 'radio', 'computer'];

/** UNCONFIRMED: adequate domestic-waste treatment (2027–2030). */
export const ADEQUATE_WASTE_TREATMENTS: readonly WasteTreatment[] = ['collected', 'composted'];

export const ALL_FARM_OCCUPATIONS: readonly FarmOccupation[] = ['agriculture', 'forestry', 'fishery', 'salt'];

/** [S] adult education from 2022: 16–<18 lower secondary; 18–30 upper secondary or vocational training. */
export const ADULT_EDUCATION_AGE_BANDS: AdultEducationRule = {
  kind: 'age_bands',
  bands: [
    { minAge: 16, maxAgeInclusive: 17, requiredLevel: 'lower_secondary', acceptedQualifications: [] },
    {
      minAge: 18,
      maxAgeInclusive: 30,
      requiredLevel: 'upper_secondary',
      acceptedQualifications: ['elementary', 'intermediate', 'college', 'enterprise_certified'],
    },
  ],
};

/** [S] school attendance from 2022: children 3 to < 16 attending the level appropriate for their age. */
export const CHILD_SCHOOLING_2022: ChildSchoolingRule = {
  minAge: 3,
  maxAgeExclusive: 16,
  requireAgeAppropriateLevel: true,
  expectedLevels: [
    { minAge: 3, maxAgeExclusive: 6, minimumLevel: 'preschool' },
    { minAge: 6, maxAgeExclusive: 12, minimumLevel: 'primary' },
    { minAge: 12, maxAgeExclusive: 16, minimumLevel: 'lower_secondary' },
  ],
};

/** UNCONFIRMED dependents rule (2026 draft wording): children < 16, elderly or disabled receiving monthly allowance; ratio > 50 %. */
export const DEPENDENTS_RULE: DependentsRule = {
  ratio: { value: 0.5, operator: '>' },
  childMaxAgeExclusive: 16,
  elderlyMinAge: 60,
  countElderlyWithSocialAllowance: true,
  countDisabledWithSocialAllowance: true,
};

/** Equal nested weights: each dimension 1/dimensions, split equally among its indicators. UNCONFIRMED for every standard. */
export function equalNestedWeights<K extends string>(dimensions: readonly (readonly K[])[]): Partial<Record<K, number>> {
  const weights: Partial<Record<K, number>> = {};
  for (const group of dimensions) for (const id of group) weights[id] = 1 / dimensions.length / group.length;
  return weights;
}

/**
 * The parameter set of a standard. Every value a rule reads lives here, tagged with its verification
 * status. Values tagged [S] or UNCONFIRMED can be overridden by a deployment (see overrides.ts); [C]
 * values only change by defining another standard (e.g. a local provincial one).
 */
import type {
  AttendingLevel,
  BirthYearConvention,
  EducationLevel,
  FarmOccupation,
  InformationDevice,
  LatrineType,
  StructuralMaterial,
  VocationalQualification,
  WasteTreatment,
  WaterSource,
} from './fact-codes.ts';
import type { AreaThresholds, IndicatorId, Threshold, ValueStatus } from './types.ts';

/** Adult-education band: members aged [minAge, maxAgeInclusive] must have completed `requiredLevel`, be attending, or hold one of the accepted qualifications. */
export interface AdultEducationBand {
  readonly minAge: number;
  readonly maxAgeInclusive: number;
  readonly requiredLevel: EducationLevel;
  readonly acceptedQualifications: readonly VocationalQualification[];
}

/**
 * Adult-education rule.
 * - `birth_cohort` (QĐ 59/2015): a member aged ≥ minAge, born in `bornFromYear` or later, who has not
 *   completed `requiredLevel` and is not attending school.
 * - `age_bands` (NĐ 07/2021 and later): see {@link AdultEducationBand}.
 */
export type AdultEducationRule =
  | {
      readonly kind: 'birth_cohort';
      readonly minAge: number;
      readonly bornFromYear: number;
      readonly requiredLevel: EducationLevel;
    }
  | { readonly kind: 'age_bands'; readonly bands: readonly AdultEducationBand[] };

/** Expected minimum level being attended by children of an age band. */
export interface SchoolingExpectation {
  readonly minAge: number;
  readonly maxAgeExclusive: number;
  readonly minimumLevel: AttendingLevel;
}

export interface ChildSchoolingRule {
  readonly minAge: number;
  readonly maxAgeExclusive: number;
  /** When true a child attending a level below `expectedLevels` for his/her age is deprived too. */
  readonly requireAgeAppropriateLevel: boolean;
  readonly expectedLevels: readonly SchoolingExpectation[];
}

export interface DependentsRule {
  /** Dependents / members, e.g. `> 0.5`. */
  readonly ratio: Threshold;
  readonly childMaxAgeExclusive: number;
  readonly elderlyMinAge: number;
  readonly countElderlyWithSocialAllowance: boolean;
  readonly countDisabledWithSocialAllowance: boolean;
}

/** Upper bound of working age: the Decree 135/2020 schedule, or the Labour Code 2012 fixed ages (60 men / 55 women). */
export type RetirementAgeRule = 'decree_135_2020' | 'labour_code_2012';

export interface StandardParameters {
  /** Income line (QĐ 59: chuẩn nghèo; from 2022: the single line) per area. */
  readonly incomeLine: AreaThresholds;
  /** Near-poverty income line (QĐ 59 only). */
  readonly nearPoorIncomeLine: AreaThresholds | null;
  /** Upper bound of the average-living-standard band; its lower bound is "above the highest poverty line". null = band not defined. */
  readonly averageLivingStandardUpper: AreaThresholds | null;
  /** Deprivation count rule for the poor class, e.g. `>= 3`. */
  readonly deprivationThreshold: Threshold;
  /** Score A (B1) value equivalent to the income line; null = no calibration known. */
  readonly scoreALine: AreaThresholds | null;
  /** Score A equivalent of the near-poverty line (QĐ 59 only). */
  readonly scoreANearPoorLine: AreaThresholds | null;
  /** Score B points per deprived indicator. */
  readonly scoreBPointsPerIndicator: number;
  /** Score B rule for the poor class, e.g. `>= 30`. */
  readonly scoreBThreshold: Threshold;
  /** Decree 30/2025 low-income-worker income line; null = not part of this standard. */
  readonly lowIncomeWorkerIncomeLine: AreaThresholds | null;
  /** First reference date (ISO) on which low-income-worker status is determined. */
  readonly lowIncomeWorkerEffectiveFrom: string | null;
  /** Last reference date (ISO), null = open-ended. */
  readonly lowIncomeWorkerEffectiveUntil: string | null;
  /** Whether a low-income worker must be of working age. */
  readonly lowIncomeWorkerRequiresWorkingAge: boolean;
  /** Occupations that qualify a household for the farm average-living-standard list. */
  readonly farmOccupations: readonly FarmOccupation[];
  /** Date assumed for members with only a birth year. */
  readonly birthYearConvention: BirthYearConvention;
  /** Lower bound of working age, in completed years. */
  readonly workingAgeMin: number;
  /** Upper bound of working age. */
  readonly retirementAgeRule: RetirementAgeRule;
  /** Health insurance: members aged ≥ this are counted. */
  readonly healthInsuranceMinAge: number;
  readonly adultEducation: AdultEducationRule;
  readonly childSchooling: ChildSchoolingRule;
  /** Housing quality: deprived when at least this many of the 3 main parts are non-durable. */
  readonly housingQualityMinNonDurableParts: number;
  /** Materials counted as durable (bền chắc). */
  readonly durableMaterials: readonly StructuralMaterial[];
  /** Per-capita floor area rule for deprivation, e.g. `< 8` m². */
  readonly housingAreaPerCapita: Threshold;
  /** Water sources counted as safe / hygienic. */
  readonly safeWaterSources: readonly WaterSource[];
  /** Latrine types counted as hygienic. */
  readonly hygienicLatrines: readonly LatrineType[];
  /** Telecom: whether a telephone subscription also satisfies the indicator (QĐ 59). */
  readonly telecomCountsTelephone: boolean;
  /** Information assets: devices that satisfy the indicator. */
  readonly informationDevices: readonly InformationDevice[];
  /** Information assets: whether hearing the commune/village loudspeaker satisfies it (QĐ 59). */
  readonly informationCountsLoudspeaker: boolean;
  readonly dependents: DependentsRule;
  /** Nutrition: children younger than this are counted. */
  readonly nutritionChildMaxAgeExclusive: number;
  /** Employment: whether a wage worker without a labour contract counts as deprived. */
  readonly employmentCountsWageWithoutContract: boolean;
  /** Waste treatments counted as adequate (2027–2030). */
  readonly adequateWasteTreatments: readonly WasteTreatment[];
  /** MPI weights per indicator (sum 1). */
  readonly indicatorWeights: Readonly<Partial<Record<IndicatorId, number>>>;
}

export type ParameterKey = keyof StandardParameters;

export interface ParameterInfo {
  readonly status: ValueStatus;
  /** Vietnamese description shown in documentation and the administration UI. */
  readonly description: string;
}

export type ParameterInfoTable = Readonly<Record<ParameterKey, ParameterInfo>>;

/** Builds an info entry. */
export function param(status: ValueStatus, description: string): ParameterInfo {
  return { status, description };
}

/**
 * Household input model: the raw facts collected for one household, from which every standard's
 * indicators are derived. Units: money in đồng (VND) per person per month, areas in m², dates as ISO
 * `YYYY-MM-DD`. Fields marked "required for …" must be present when the standard in use has that
 * indicator; a missing required fact is an input error, never silently "not deprived".
 * Full field reference: docs/classification.md.
 */
import type {
  AttendingLevel,
  Disability,
  EducationLevel,
  EmploymentStatus,
  FarmOccupation,
  InformationDevice,
  LatrineType,
  Relation,
  Sex,
  StructuralMaterial,
  VocationalQualification,
  WasteTreatment,
  WaterSource,
} from '../standards/fact-codes.ts';
import type { AreaType } from '../standards/types.ts';

export interface MemberInput {
  /** Member identifier (e.g. citizen ID or register key), echoed in person-level results. */
  readonly id?: string;
  /** Full name, used in reason sentences; "thành viên thứ N" when absent. */
  readonly name?: string;
  /** Date of birth `YYYY-MM-DD`; preferred over `birthYear`. */
  readonly dateOfBirth?: string;
  /** Year of birth when the full date is unknown (the standard's `birthYearConvention` fixes the day). */
  readonly birthYear?: number;
  /** Required: sex (working-age upper bound differs by sex). */
  readonly sex: Sex;
  /** Relation to the head of household. */
  readonly relation?: Relation;
  /** Ethnicity (GSO code or name), kept for reporting. */
  readonly ethnicity?: string;
  /** Disability level; default "none". */
  readonly disability?: Disability;
  /** Receives a monthly social allowance (trợ cấp xã hội hằng tháng); default false. */
  readonly monthlySocialAllowance?: boolean;
  /** Holds a valid health-insurance card. Required for members at or above the insurance age bound. */
  readonly healthInsurance?: boolean;
  /** Currently attending school or a training course; default false. Required for children in the school-attendance age band. */
  readonly attendingSchool?: boolean;
  /** Level currently attended. Required for attending children when the standard checks age-appropriate levels. */
  readonly attendingLevel?: AttendingLevel;
  /** Highest completed general-education level. Required for members in the adult-education band who are not attending. */
  readonly highestCompletedLevel?: EducationLevel;
  /** Vocational qualification or enterprise-certified training; default "none". */
  readonly vocationalQualification?: VocationalQualification;
  /** Employment status. Required for working-age members able to work when the standard has the employment indicator (students attending school default to "not_in_labour_force"). */
  readonly employment?: EmploymentStatus;
  /** Has a labour contract. Required for wage-employed working-age members. */
  readonly hasLabourContract?: boolean;
  /** Able to work; default true. Members unable to work are not counted by the employment indicator. */
  readonly ableToWork?: boolean;
  /** Stunted (low height-for-age); default false. */
  readonly stunted?: boolean;
  /** Underweight (low weight-for-age); default false. */
  readonly underweight?: boolean;
  /** Was ill and did not seek medical treatment (QĐ 59 "access to health services"); default false. */
  readonly illWithoutTreatment?: boolean;
  /**
   * A person with meritorious service to the revolution (người có công với cách mạng) or their relative
   * receiving the monthly allowance; default false. Not an input of any standard: the report forms count
   * households with such a member as a target group (src/domain/reports/summary-rules.ts `meritFact`).
   */
  readonly personWithMerit?: boolean;
}

export interface HousingInput {
  /** Total floor area of the dwelling in m² (≥ 0). */
  readonly floorArea: number;
  /** Material of the frame / columns (cột, khung). */
  readonly frame: StructuralMaterial;
  /** Material of the walls (tường). */
  readonly walls: StructuralMaterial;
  /** Material of the roof (mái). */
  readonly roof: StructuralMaterial;
}

export interface HouseholdInput {
  /** Household identifier (mã hộ), echoed in the result. */
  readonly id?: string | number;
  /** Area type of the household's commune-level unit as classified for the standard in force. */
  readonly area: AreaType;
  /** Measured monthly per-capita income in VND (actual income of the previous 12 months / 12 / members). */
  readonly income?: number;
  /** Score A (form B1 income-proxy points). When present it decides poor / near-poor; `income` then only serves the average band and low-income workers. */
  readonly scoreA?: number;
  /** Members of the household (at least one). */
  readonly members: readonly MemberInput[];
  /** Dwelling. Required for the housing indicators. */
  readonly housing?: HousingInput;
  /** Main domestic water source. Required for the water indicator. */
  readonly waterSource?: WaterSource;
  /** Latrine type used. Required for the latrine indicator. */
  readonly latrine?: LatrineType;
  /** Some member uses internet services. Required for the telecom indicator. */
  readonly usesInternet?: boolean;
  /** Some member has a telephone subscription. Required for telecom when the standard counts telephones (QĐ 59). */
  readonly usesTelephone?: boolean;
  /** Information devices owned. Required for the information-assets indicator. */
  readonly informationDevices?: readonly InformationDevice[];
  /** Can hear the commune/village loudspeaker. Required for information assets when the standard counts it (QĐ 59). */
  readonly hearsLoudspeaker?: boolean;
  /** Domestic-waste treatment. Required for the waste indicator (2027+). */
  readonly wasteTreatment?: WasteTreatment;
  /** Farm, forestry, fishery or salt occupations of the household (farm average-living-standard list). */
  readonly farmOccupations?: readonly FarmOccupation[];
  /** Reference date of the review (ngày rà soát) `YYYY-MM-DD`; overrides the caller's default. */
  readonly referenceDate?: string;
}

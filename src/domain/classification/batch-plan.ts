/**
 * A standard's indicator rules as numbers and bit masks over the codes of a HouseholdBatch, prepared
 * once per compiled standard for the batch classifier. Reads the same parameters as the indicator
 * evaluators in indicators/ (which build the reason sentences).
 */
import { ATTENDING_LEVEL_RANK, EDUCATION_LEVEL_RANK } from '../standards/fact-codes.ts';
import type { Threshold } from '../standards/types.ts';
import type { CompiledStandard } from './compiled-standard.ts';
import { birthYearToYmd } from './dates.ts';
import { RetirementCache } from './evaluation-context.ts';
import { BATCH_CODE_LISTS } from './household-batch.ts';

export interface BatchPlan {
  /** Bit of each indicator in the deprivation mask (1 << index), 0 when the standard lacks it. */
  readonly bits: {
    readonly healthAccess: number;
    readonly healthInsurance: number;
    readonly adultEducation: number;
    readonly childSchooling: number;
    readonly housingQuality: number;
    readonly housingArea: number;
    readonly waterSource: number;
    readonly latrine: number;
    readonly wasteTreatment: number;
    readonly telecom: number;
    readonly informationAssets: number;
    readonly employment: number;
    readonly dependents: number;
    readonly nutrition: number;
  };
  /** month × 100 + day assumed for members known by birth year only. */
  readonly birthYearDay: number;
  readonly workingAgeMin: number;
  readonly retirement: RetirementCache;
  readonly hasScoreCalibration: boolean;
  readonly healthInsuranceMinAge: number;
  /** Adult education, QĐ 59 birth cohort (cohortMinAge < 0 when the standard uses age bands). */
  readonly cohortMinAge: number;
  readonly cohortBornFromYear: number;
  readonly cohortRequiredRank: number;
  /** Adult education by age bands: band index per age (−1 outside), required rank and accepted qualifications (bit per code) per band. */
  readonly bandOfAge: Int8Array;
  readonly bandRequiredRank: Int8Array;
  readonly bandAccepted: Int32Array;
  /** Rank of each education / attending-level code. */
  readonly educationRank: Int8Array;
  readonly attendingRank: Int8Array;
  readonly schoolMinAge: number;
  readonly schoolMaxAgeExclusive: number;
  /** Expected minimum attending rank per age, −1 when none. */
  readonly schoolExpectedRank: Int8Array;
  readonly dependentsRatio: Threshold;
  readonly dependentsChildMaxAgeExclusive: number;
  readonly dependentsElderlyMinAge: number;
  readonly dependentsCountElderly: boolean;
  readonly dependentsCountDisabled: boolean;
  readonly nutritionMaxAgeExclusive: number;
  readonly employmentCountsContract: boolean;
  readonly unemployedCode: number;
  readonly wageEmployedCode: number;
  /** Bit per code of the durable materials, safe water sources, hygienic latrines, adequate waste treatments, information devices. */
  readonly durableMaterials: number;
  readonly housingQualityMinParts: number;
  readonly housingAreaPerCapita: Threshold;
  readonly safeWater: number;
  readonly hygienicLatrines: number;
  readonly adequateWaste: number;
  readonly telecomCountsTelephone: boolean;
  readonly informationDevices: number;
  readonly informationCountsLoudspeaker: boolean;
}

/** Bit set of the codes of `values` in `list`. */
function codeMask(list: readonly string[], values: readonly string[]): number {
  let mask = 0;
  for (const v of values) mask |= 1 << list.indexOf(v);
  return mask;
}

function ranks(list: readonly string[], rank: Readonly<Record<string, number>>): Int8Array {
  return Int8Array.from(list, (code) => rank[code]);
}

function buildPlan(c: CompiledStandard): BatchPlan {
  const p = c.standard.parameters;
  const bit = (id: string): number => {
    const i = c.indexOf.get(id);
    return i === undefined ? 0 : 1 << i;
  };
  const ae = p.adultEducation;
  const bands = ae.kind === 'age_bands' ? ae.bands : [];
  const hi = bands.reduce((m, b) => Math.max(m, b.maxAgeInclusive), -1);
  const bandOfAge = new Int8Array(hi + 1).fill(-1);
  for (let a = 0; a <= hi; a++) bandOfAge[a] = bands.findIndex((b) => a >= b.minAge && a <= b.maxAgeInclusive);
  const school = p.childSchooling;
  const expected = new Int8Array(school.maxAgeExclusive + 1).fill(-1);
  if (school.requireAgeAppropriateLevel) {
    for (const e of school.expectedLevels) {
      for (let a = Math.max(0, e.minAge); a < Math.min(e.maxAgeExclusive, expected.length); a++) expected[a] = ATTENDING_LEVEL_RANK[e.minimumLevel];
    }
  }
  const dep = p.dependents;
  return {
    bits: {
      healthAccess: bit('health_access'),
      healthInsurance: bit('health_insurance'),
      adultEducation: bit('adult_education'),
      childSchooling: bit('child_schooling'),
      housingQuality: bit('housing_quality'),
      housingArea: bit('housing_area'),
      waterSource: bit('water_source'),
      latrine: bit('latrine'),
      wasteTreatment: bit('waste_treatment'),
      telecom: bit('telecom'),
      informationAssets: bit('information_assets'),
      employment: bit('employment'),
      dependents: bit('dependents'),
      nutrition: bit('nutrition'),
    },
    birthYearDay: birthYearToYmd(0, p.birthYearConvention),
    workingAgeMin: p.workingAgeMin,
    retirement: new RetirementCache(p.retirementAgeRule),
    hasScoreCalibration: c.rules.hasScoreCalibration,
    healthInsuranceMinAge: p.healthInsuranceMinAge,
    cohortMinAge: ae.kind === 'birth_cohort' ? ae.minAge : -1,
    cohortBornFromYear: ae.kind === 'birth_cohort' ? ae.bornFromYear : 0,
    cohortRequiredRank: ae.kind === 'birth_cohort' ? EDUCATION_LEVEL_RANK[ae.requiredLevel] : 0,
    bandOfAge,
    bandRequiredRank: Int8Array.from(bands, (b) => EDUCATION_LEVEL_RANK[b.requiredLevel]),
    bandAccepted: Int32Array.from(bands, (b) => codeMask(BATCH_CODE_LISTS.vocationalQualification, b.acceptedQualifications.filter((q) => q !== 'none'))),
    educationRank: ranks(BATCH_CODE_LISTS.educationLevel, EDUCATION_LEVEL_RANK),
    attendingRank: ranks(BATCH_CODE_LISTS.attendingLevel, ATTENDING_LEVEL_RANK),
    schoolMinAge: school.minAge,
    schoolMaxAgeExclusive: school.maxAgeExclusive,
    schoolExpectedRank: expected,
    dependentsRatio: dep.ratio,
    dependentsChildMaxAgeExclusive: dep.childMaxAgeExclusive,
    dependentsElderlyMinAge: dep.elderlyMinAge,
    dependentsCountElderly: dep.countElderlyWithSocialAllowance,
    dependentsCountDisabled: dep.countDisabledWithSocialAllowance,
    nutritionMaxAgeExclusive: p.nutritionChildMaxAgeExclusive,
    employmentCountsContract: p.employmentCountsWageWithoutContract,
    unemployedCode: BATCH_CODE_LISTS.employment.indexOf('unemployed'),
    wageEmployedCode: BATCH_CODE_LISTS.employment.indexOf('wage_employed'),
    durableMaterials: codeMask(BATCH_CODE_LISTS.material, p.durableMaterials),
    housingQualityMinParts: p.housingQualityMinNonDurableParts,
    housingAreaPerCapita: p.housingAreaPerCapita,
    safeWater: codeMask(BATCH_CODE_LISTS.waterSource, p.safeWaterSources),
    hygienicLatrines: codeMask(BATCH_CODE_LISTS.latrine, p.hygienicLatrines),
    adequateWaste: codeMask(BATCH_CODE_LISTS.wasteTreatment, p.adequateWasteTreatments),
    telecomCountsTelephone: p.telecomCountsTelephone,
    informationDevices: codeMask(BATCH_CODE_LISTS.informationDevice, p.informationDevices),
    informationCountsLoudspeaker: p.informationCountsLoudspeaker,
  };
}

const plans = new WeakMap<CompiledStandard, BatchPlan>();

/** The batch plan of a compiled standard (built once). */
export function batchPlanOf(c: CompiledStandard): BatchPlan {
  let plan = plans.get(c);
  if (plan === undefined) {
    plan = buildPlan(c);
    plans.set(c, plan);
  }
  return plan;
}

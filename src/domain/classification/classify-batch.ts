/**
 * Bulk classification of raw households held in a HouseholdBatch: one pass over the columns per
 * household (ages, working age, every indicator of the standard, class), writing only the class code
 * (with the QĐ 59 subtype) and the deprivation mask — no sentences, no objects. The full result with
 * reasons and explanation is rendered on demand for one household (classifyBatchHousehold), by the same
 * code as classifyHouseholdCompiled. Both paths agree (property test in test/domain/classification).
 */
import { satisfies } from '../standards/operators.ts';
import { CLASS_CODE } from './class-codes.ts';
import { decideByIncome, decideByScore } from './compiled-rules.ts';
import type { CompiledStandard } from './compiled-standard.ts';
import { classifyHouseholdCompiled } from './classify-household.ts';
import { householdInputOf } from './batch-from-inputs.ts';
import { batchPlanOf } from './batch-plan.ts';
import { monthIndex } from './dates.ts';
import { BATCH_ABSENT, BATCH_HOUSEHOLD_FLAG, BATCH_MEMBER_FLAG, type HouseholdBatch, type HouseholdBatchResult } from './household-batch.ts';
import type { HouseholdClassification } from './result.ts';

function popcount(x: number): number {
  let m = x - ((x >>> 1) & 0x55555555);
  m = (m & 0x33333333) + ((m >>> 2) & 0x33333333);
  return Math.imul((m + (m >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * Classifies households [from, to) of the batch at `referenceDate` (YYYY-MM-DD; a household's own date
 * wins) and writes, at the same positions of `out`, the CLASS_CODE and the deprivation mask (bit i = the
 * standard's i-th indicator). A household lacking a fact the standard needs gets CLASS_CODE.INVALID and
 * mask 0 — exactly the households for which classifyHouseholdCompiled throws; classifyBatchHousehold
 * gives the message.
 */
export function classifyHouseholdBatch(
  c: CompiledStandard,
  b: HouseholdBatch,
  referenceDate: string,
  out: HouseholdBatchResult,
  from = 0,
  to = b.length,
): void {
  if (!(from >= 0 && from <= to && to <= b.length && to <= out.classCode.length && to <= out.deprivationMask.length)) {
    throw new RangeError(`Khoảng hộ [${from}, ${to}) không hợp lệ cho lô ${b.length} hộ và kết quả ${out.classCode.length} phần tử`);
  }
  const defaultRef = c.context.referenceYmd(referenceDate);
  // Constants as locals: imported bindings cost a module-cell load (and hole check) at every use in the loop.
  const ABSENT = BATCH_ABSENT;
  const { HEALTH_INSURANCE_KNOWN, HEALTH_INSURANCE, ATTENDING_KNOWN, ATTENDING, SOCIAL_ALLOWANCE, STUNTED, UNDERWEIGHT } = BATCH_MEMBER_FLAG;
  const { ILL_WITHOUT_TREATMENT, UNABLE_TO_WORK, CONTRACT_KNOWN, CONTRACT } = BATCH_MEMBER_FLAG;
  const { HOUSING_PRESENT, INTERNET_KNOWN, INTERNET, TELEPHONE_KNOWN, TELEPHONE, LOUDSPEAKER_KNOWN, LOUDSPEAKER } = BATCH_HOUSEHOLD_FLAG;
  const plan = batchPlanOf(c);
  const rules = c.rules;
  const bits = plan.bits;
  const bHealthAccess = bits.healthAccess;
  const bHealthInsurance = bits.healthInsurance;
  const bAdultEducation = bits.adultEducation;
  const bChildSchooling = bits.childSchooling;
  const bEmployment = bits.employment;
  const bNutrition = bits.nutrition;
  const bDependents = bits.dependents;
  const bHousingQuality = bits.housingQuality;
  const bHousingArea = bits.housingArea;
  const bWater = bits.waterSource;
  const bLatrine = bits.latrine;
  const bWaste = bits.wasteTreatment;
  const bTelecom = bits.telecom;
  const bInformation = bits.informationAssets;
  const retirement = plan.retirement;
  const workingAgeMin = plan.workingAgeMin;
  const birthYearDay = plan.birthYearDay;
  const hiMinAge = plan.healthInsuranceMinAge;
  const cohortMinAge = plan.cohortMinAge;
  const cohortBornFrom = plan.cohortBornFromYear;
  const cohortRequired = plan.cohortRequiredRank;
  const bandOfAge = plan.bandOfAge;
  const bandMaxAge = bandOfAge.length - 1;
  const bandRequired = plan.bandRequiredRank;
  const bandAccepted = plan.bandAccepted;
  const educationRank = plan.educationRank;
  const attendingRank = plan.attendingRank;
  const schoolMin = plan.schoolMinAge;
  const schoolMax = plan.schoolMaxAgeExclusive;
  const schoolExpected = plan.schoolExpectedRank;
  const childMax = plan.dependentsChildMaxAgeExclusive;
  const elderlyMin = plan.dependentsElderlyMinAge;
  const countElderly = plan.dependentsCountElderly;
  const countDisabled = plan.dependentsCountDisabled;
  const nutritionMax = plan.nutritionMaxAgeExclusive;
  const countsContract = plan.employmentCountsContract;
  const unemployed = plan.unemployedCode;
  const wageEmployed = plan.wageEmployedCode;
  const dependentsRatio = plan.dependentsRatio;
  const durable = plan.durableMaterials;
  const minFragileParts = plan.housingQualityMinParts;
  const areaPerCapita = plan.housingAreaPerCapita;
  const safeWater = plan.safeWater;
  const hygienicLatrines = plan.hygienicLatrines;
  const adequateWaste = plan.adequateWaste;
  const countsTelephone = plan.telecomCountsTelephone;
  const informationDevices = plan.informationDevices;
  const countsLoudspeaker = plan.informationCountsLoudspeaker;
  const hasScoreCalibration = plan.hasScoreCalibration;

  const start = b.memberStart;
  const birthCol = b.birth;
  const sexCol = b.sex;
  const flagCol = b.memberFlags;
  const disabilityCol = b.disability;
  const attendingCol = b.attendingLevel;
  const educationCol = b.educationLevel;
  const vocationalCol = b.vocationalQualification;
  const employmentCol = b.employment;
  const classOut = out.classCode;
  const maskOut = out.deprivationMask;

  for (let i = from; i < to; i++) {
    let ref = defaultRef;
    const own = b.referenceYmd[i];
    if (own !== 0) ref = own;
    const refYear = (ref / 10000) | 0;
    const refMonth = monthIndex(ref);
    const first = start[i];
    const end = start[i + 1];
    let bad = false;
    let mask = 0;
    let dependents = 0;
    for (let j = first; j < end; j++) {
      let birth = birthCol[j];
      if (birth < 0) {
        const year = -birth;
        birth = year * 10000 + birthYearDay;
        if (year === refYear && birth > ref) birth = ref;
      }
      if (birth > ref) {
        bad = true;
        break;
      }
      const age = ((ref - birth) / 10000) | 0;
      const f = flagCol[j];
      const attending = (f & ATTENDING) !== 0;
      let working = 0;
      if (age >= workingAgeMin) {
        const sex = sexCol[j];
        if (sex === ABSENT) {
          bad = true;
          break;
        }
        if (bEmployment !== 0) working = retirement.workingAge(age, sex === 1, birth, refMonth);
      }
      if ((f & ILL_WITHOUT_TREATMENT) !== 0) mask |= bHealthAccess;
      if (bHealthInsurance !== 0 && age >= hiMinAge) {
        if ((f & HEALTH_INSURANCE_KNOWN) === 0) {
          bad = true;
          break;
        }
        if ((f & HEALTH_INSURANCE) === 0) mask |= bHealthInsurance;
      }
      if (bAdultEducation !== 0 && !attending) {
        let required = -1;
        if (cohortMinAge >= 0) {
          if (age >= cohortMinAge && ((birth / 10000) | 0) >= cohortBornFrom) required = cohortRequired;
        } else if (age <= bandMaxAge) {
          const band = bandOfAge[age];
          if (band >= 0) {
            const q = vocationalCol[j];
            if (q === ABSENT || ((bandAccepted[band] >>> q) & 1) === 0) required = bandRequired[band];
          }
        }
        if (required >= 0) {
          const level = educationCol[j];
          if (level === ABSENT) {
            bad = true;
            break;
          }
          if (educationRank[level] < required) mask |= bAdultEducation;
        }
      }
      if (bChildSchooling !== 0 && age >= schoolMin && age < schoolMax) {
        if ((f & ATTENDING_KNOWN) === 0) {
          bad = true;
          break;
        }
        if (!attending) mask |= bChildSchooling;
        else if (schoolExpected[age] >= 0) {
          const level = attendingCol[j];
          if (level === ABSENT) {
            bad = true;
            break;
          }
          if (attendingRank[level] < schoolExpected[age]) mask |= bChildSchooling;
        }
      }
      if (working !== 0 && (f & UNABLE_TO_WORK) === 0) {
        const status = employmentCol[j];
        if (status === ABSENT) {
          // A student without a recorded status is outside the labour force.
          if (!attending) {
            bad = true;
            break;
          }
        } else if (status === unemployed) mask |= bEmployment;
        else if (status === wageEmployed && countsContract) {
          if ((f & CONTRACT_KNOWN) === 0) {
            bad = true;
            break;
          }
          if ((f & CONTRACT) === 0) mask |= bEmployment;
        }
      }
      if (age < childMax) dependents++;
      else if ((f & SOCIAL_ALLOWANCE) !== 0) {
        if (countElderly && age >= elderlyMin) dependents++;
        else if (countDisabled && disabilityCol[j] !== 0 && disabilityCol[j] !== ABSENT) dependents++;
      }
      if (age < nutritionMax && (f & (STUNTED | UNDERWEIGHT)) !== 0) mask |= bNutrition;
    }
    const n = end - first;
    const hf = b.householdFlags[i];
    if (!bad && bDependents !== 0 && satisfies(dependents / n, dependentsRatio)) mask |= bDependents;
    if (!bad && bHousingQuality !== 0) {
      const frame = b.frame[i];
      const walls = b.walls[i];
      const roof = b.roof[i];
      if ((hf & HOUSING_PRESENT) === 0 || frame === ABSENT || walls === ABSENT || roof === ABSENT) bad = true;
      else {
        const fragile = (((durable >>> frame) & 1) ^ 1) + (((durable >>> walls) & 1) ^ 1) + (((durable >>> roof) & 1) ^ 1);
        if (fragile > 0 && fragile >= minFragileParts) mask |= bHousingQuality;
      }
    }
    if (!bad && bHousingArea !== 0) {
      const area = b.floorArea[i];
      if (Number.isNaN(area)) bad = true;
      else if (satisfies(area / n, areaPerCapita)) mask |= bHousingArea;
    }
    if (!bad && bWater !== 0) {
      const w = b.waterSource[i];
      if (w === ABSENT) bad = true;
      else if (((safeWater >>> w) & 1) === 0) mask |= bWater;
    }
    if (!bad && bLatrine !== 0) {
      const l = b.latrine[i];
      if (l === ABSENT) bad = true;
      else if (((hygienicLatrines >>> l) & 1) === 0) mask |= bLatrine;
    }
    if (!bad && bWaste !== 0) {
      const w = b.wasteTreatment[i];
      if (w === ABSENT) bad = true;
      else if (((adequateWaste >>> w) & 1) === 0) mask |= bWaste;
    }
    if (!bad && bTelecom !== 0) {
      if ((hf & INTERNET_KNOWN) === 0) bad = true;
      else if ((hf & INTERNET) === 0) {
        if (!countsTelephone) mask |= bTelecom;
        else if ((hf & TELEPHONE_KNOWN) === 0) bad = true;
        else if ((hf & TELEPHONE) === 0) mask |= bTelecom;
      }
    }
    if (!bad && bInformation !== 0) {
      const devices = b.informationDevices[i];
      if (devices < 0) bad = true;
      else {
        let has = false;
        for (let p = devices; p !== 0; p >>>= 4) {
          if (((informationDevices >>> ((p & 15) - 1)) & 1) !== 0) {
            has = true;
            break;
          }
        }
        if (!has) {
          if (!countsLoudspeaker) mask |= bInformation;
          else if ((hf & LOUDSPEAKER_KNOWN) === 0) bad = true;
          else if ((hf & LOUDSPEAKER) === 0) mask |= bInformation;
        }
      }
    }
    const scoreA = b.scoreA[i];
    const byScore = !Number.isNaN(scoreA);
    if (byScore && !hasScoreCalibration) bad = true;
    if (bad) {
      classOut[i] = CLASS_CODE.INVALID;
      maskOut[i] = 0;
      continue;
    }
    const d = popcount(mask);
    const area = b.area[i];
    classOut[i] = byScore ? decideByScore(rules, area, scoreA, d, b.income[i]) : decideByIncome(rules, area, b.income[i], d);
    maskOut[i] = mask;
  }
}

/**
 * The full result (indicators with reasons, explanation, low-income workers, farm flag) of household i
 * of the batch, identical to classifyHouseholdCompiled on the household's input; throws the same
 * ClassificationInputError for a household the batch classifier marked INVALID.
 */
export function classifyBatchHousehold(c: CompiledStandard, b: HouseholdBatch, i: number, referenceDate?: string): HouseholdClassification {
  if (!(i >= 0 && i < b.length)) throw new RangeError(`Không có hộ thứ ${i} trong lô (${b.length} hộ)`);
  return classifyHouseholdCompiled(c, householdInputOf(b, i), referenceDate);
}

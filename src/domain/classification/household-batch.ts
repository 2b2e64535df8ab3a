/**
 * Columnar form of raw households (household input model) for bulk classification: a batch of households
 * held in typed arrays, members of household i at positions memberStart[i] … memberStart[i + 1] − 1.
 * Code fields hold the position of the value in its code list (BATCH_CODE_LISTS), BATCH_ABSENT when the fact is
 * missing. Only the facts the classification reads are kept, plus household/member ids and names (for
 * rendering a full result on demand). Build one with appendHousehold (batch-from-inputs.ts).
 */
import * as facts from '../standards/fact-codes.ts';

/** Code of a missing fact in every code column. */
export const BATCH_ABSENT = 255;

const keys = <K extends string>(labels: Readonly<Record<K, string>>): readonly K[] => Object.freeze(Object.keys(labels) as K[]);

/** Code lists in code order: code = position in the list. */
export const BATCH_CODE_LISTS = Object.freeze({
  sex: Object.freeze<facts.Sex[]>(['male', 'female']),
  disability: Object.freeze<facts.Disability[]>(['none', 'mild', 'severe', 'very_severe']),
  attendingLevel: keys<facts.AttendingLevel>(facts.ATTENDING_LEVEL_LABELS),
  educationLevel: keys<facts.EducationLevel>(facts.EDUCATION_LEVEL_LABELS),
  vocationalQualification: keys<facts.VocationalQualification>(facts.VOCATIONAL_QUALIFICATION_LABELS),
  employment: keys<facts.EmploymentStatus>(facts.EMPLOYMENT_STATUS_LABELS),
  material: keys<facts.StructuralMaterial>(facts.STRUCTURAL_MATERIAL_LABELS),
  waterSource: keys<facts.WaterSource>(facts.WATER_SOURCE_LABELS),
  latrine: keys<facts.LatrineType>(facts.LATRINE_LABELS),
  wasteTreatment: keys<facts.WasteTreatment>(facts.WASTE_TREATMENT_LABELS),
  informationDevice: keys<facts.InformationDevice>(facts.INFORMATION_DEVICE_LABELS),
  farmOccupation: keys<facts.FarmOccupation>(facts.FARM_OCCUPATION_LABELS),
});

/** Bits of `memberFlags`. "KNOWN" bits mark a boolean fact that is present; the next bit is its value. */
export const BATCH_MEMBER_FLAG = Object.freeze({
  HEALTH_INSURANCE_KNOWN: 1,
  HEALTH_INSURANCE: 2,
  ATTENDING_KNOWN: 4,
  ATTENDING: 8,
  SOCIAL_ALLOWANCE: 16,
  STUNTED: 32,
  UNDERWEIGHT: 64,
  ILL_WITHOUT_TREATMENT: 128,
  UNABLE_TO_WORK: 256,
  CONTRACT_KNOWN: 512,
  CONTRACT: 1024,
} as const);

/** Bits of `householdFlags`. */
export const BATCH_HOUSEHOLD_FLAG = Object.freeze({
  HOUSING_PRESENT: 1,
  INTERNET_KNOWN: 2,
  INTERNET: 4,
  TELEPHONE_KNOWN: 8,
  TELEPHONE: 16,
  LOUDSPEAKER_KNOWN: 32,
  LOUDSPEAKER: 64,
} as const);

/**
 * Lists (information devices, farm occupations) are packed as 4-bit codes + 1 in input order, first
 * entry in the low bits, up to this many entries; −1 = list absent.
 */
export const BATCH_MAX_PACKED_LIST = 7;

/**
 * Birth of a member in `birth`: ymd (year × 10000 + month × 100 + day) when the date of birth is known;
 * −year when only the birth year is (the standard's convention fixes the day at classification).
 */
export class HouseholdBatch {
  /** Number of households. */
  length = 0;
  /** Number of members (= memberStart[length]). */
  memberCount = 0;

  // Households.
  memberStart: Int32Array;
  /** 0 rural, 1 urban (AREA_CODE). */
  area: Uint8Array;
  /** Measured per-capita income (VND/month), NaN when absent. */
  income: Float64Array;
  /** Score A, NaN when absent. */
  scoreA: Float64Array;
  /** Floor area m², NaN when absent. */
  floorArea: Float64Array;
  frame: Uint8Array;
  walls: Uint8Array;
  roof: Uint8Array;
  waterSource: Uint8Array;
  latrine: Uint8Array;
  wasteTreatment: Uint8Array;
  householdFlags: Uint8Array;
  /** Packed information devices (see BATCH_MAX_PACKED_LIST). */
  informationDevices: Int32Array;
  /** Packed farm occupations (see BATCH_MAX_PACKED_LIST). */
  farmOccupations: Int32Array;
  /** Household's own reference date as ymd, 0 = the batch's reference date. */
  referenceYmd: Int32Array;
  householdId: (string | number | undefined)[] = [];

  // Members.
  birth: Int32Array;
  sex: Uint8Array;
  memberFlags: Uint16Array;
  disability: Uint8Array;
  attendingLevel: Uint8Array;
  educationLevel: Uint8Array;
  vocationalQualification: Uint8Array;
  employment: Uint8Array;
  memberId: (string | undefined)[] = [];
  memberName: (string | undefined)[] = [];

  constructor(householdCapacity = 1024, memberCapacity = householdCapacity * 4) {
    const h = Math.max(1, householdCapacity);
    const m = Math.max(1, memberCapacity);
    this.memberStart = new Int32Array(h + 1);
    this.area = new Uint8Array(h);
    this.income = new Float64Array(h);
    this.scoreA = new Float64Array(h);
    this.floorArea = new Float64Array(h);
    this.frame = new Uint8Array(h);
    this.walls = new Uint8Array(h);
    this.roof = new Uint8Array(h);
    this.waterSource = new Uint8Array(h);
    this.latrine = new Uint8Array(h);
    this.wasteTreatment = new Uint8Array(h);
    this.householdFlags = new Uint8Array(h);
    this.informationDevices = new Int32Array(h);
    this.farmOccupations = new Int32Array(h);
    this.referenceYmd = new Int32Array(h);
    this.birth = new Int32Array(m);
    this.sex = new Uint8Array(m);
    this.memberFlags = new Uint16Array(m);
    this.disability = new Uint8Array(m);
    this.attendingLevel = new Uint8Array(m);
    this.educationLevel = new Uint8Array(m);
    this.vocationalQualification = new Uint8Array(m);
    this.employment = new Uint8Array(m);
  }

  /** Household capacity. */
  get capacity(): number {
    return this.area.length;
  }

  /** Empties the batch (capacity kept), e.g. to reuse it for the next chunk of a stream. */
  clear(): void {
    this.length = 0;
    this.memberCount = 0;
    this.householdId.length = 0;
    this.memberId.length = 0;
    this.memberName.length = 0;
  }

  /** Makes room for `households` more households with `members` more members in total. */
  reserve(households: number, members: number): void {
    const needH = this.length + households;
    if (needH > this.capacity) {
      const n = Math.max(needH, this.capacity * 2);
      this.memberStart = grow(this.memberStart, n + 1);
      this.area = grow(this.area, n);
      this.income = grow(this.income, n);
      this.scoreA = grow(this.scoreA, n);
      this.floorArea = grow(this.floorArea, n);
      this.frame = grow(this.frame, n);
      this.walls = grow(this.walls, n);
      this.roof = grow(this.roof, n);
      this.waterSource = grow(this.waterSource, n);
      this.latrine = grow(this.latrine, n);
      this.wasteTreatment = grow(this.wasteTreatment, n);
      this.householdFlags = grow(this.householdFlags, n);
      this.informationDevices = grow(this.informationDevices, n);
      this.farmOccupations = grow(this.farmOccupations, n);
      this.referenceYmd = grow(this.referenceYmd, n);
    }
    const needM = this.memberCount + members;
    if (needM > this.birth.length) {
      const n = Math.max(needM, this.birth.length * 2);
      this.birth = grow(this.birth, n);
      this.sex = grow(this.sex, n);
      this.memberFlags = grow(this.memberFlags, n);
      this.disability = grow(this.disability, n);
      this.attendingLevel = grow(this.attendingLevel, n);
      this.educationLevel = grow(this.educationLevel, n);
      this.vocationalQualification = grow(this.vocationalQualification, n);
      this.employment = grow(this.employment, n);
    }
  }
}

type TypedArray = Int32Array | Uint8Array | Uint16Array | Float64Array;

function grow<T extends TypedArray>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a as never);
  return b;
}

/** Output of a batch classification, one entry per household. */
export interface HouseholdBatchResult {
  /**
   * CLASS_CODE per household: the class and the QĐ 59 poor subtype (POOR_INCOME / POOR_MULTIDIMENSIONAL);
   * INVALID when the household lacks a fact the standard needs (render it for the message).
   */
  readonly classCode: Uint8Array;
  /** Deprived indicators, bit i = the standard's i-th indicator; 0 for INVALID households. */
  readonly deprivationMask: Uint32Array;
}

export function createBatchResult(households: number): HouseholdBatchResult {
  return { classCode: new Uint8Array(households), deprivationMask: new Uint32Array(households) };
}

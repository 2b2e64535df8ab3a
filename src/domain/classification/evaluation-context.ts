/**
 * Per-household scratch data shared by the indicator evaluators: each member's age and working-age
 * status at the reference date. One context is reused for every household classified with a compiled
 * standard, so classification allocates nothing per member.
 */
import type { MemberInput, HouseholdInput } from './household-input.ts';
import type { StandardParameters } from '../standards/parameters.ts';
import { LABOUR_CODE_2012_RETIREMENT_MONTHS, RETIREMENT_AGE_SCHEDULE, retirementMonthIndex } from '../standards/retirement-age.ts';
import { birthYearToYmd, formatYmdVi, monthIndex, parseIsoDate } from './dates.ts';
import { ClassificationInputError } from './input-error.ts';

/** Earliest accepted birth year. */
export const MIN_BIRTH_YEAR = 1850;
const CACHE_YEARS = 300;

const UNNAMED: readonly string[] = Array.from({ length: 32 }, (_, i) => `thành viên thứ ${i + 1}`);
const AGE_TEXT: readonly string[] = Array.from({ length: 151 }, (_, a) => ` (${a} tuổi)`);

/** " (34 tuổi)". */
export function ageText(age: number): string {
  return age >= 0 && age < AGE_TEXT.length ? AGE_TEXT[age] : ` (${age} tuổi)`;
}

/** Retirement month per (sex, birth month), computed lazily; 0 = not yet computed. */
export class RetirementCache {
  readonly #male = new Int32Array(CACHE_YEARS * 12);
  readonly #female = new Int32Array(CACHE_YEARS * 12);
  /** Completed years below which everyone is under retirement age, and above which everyone is over it. */
  readonly minYears: number;
  readonly maxYears: number;

  constructor(private readonly rule: StandardParameters['retirementAgeRule']) {
    const months = rule === 'labour_code_2012'
      ? Object.values(LABOUR_CODE_2012_RETIREMENT_MONTHS)
      : RETIREMENT_AGE_SCHEDULE.flatMap((r) => [r.maleMonths, r.femaleMonths]);
    this.minYears = Math.floor(Math.min(...months) / 12);
    this.maxYears = Math.ceil(Math.max(...months) / 12);
  }

  get(female: boolean, birthMonth: number): number {
    const slot = birthMonth - MIN_BIRTH_YEAR * 12;
    const table = female ? this.#female : this.#male;
    let v = table[slot];
    if (v === 0) {
      v = retirementMonthIndex(female ? 'female' : 'male', birthMonth, this.rule);
      table[slot] = v;
    }
    return v;
  }

  /**
   * 1 when a person aged `age` completed years (≥ the working-age minimum), born on `birthYmd`, is below
   * retirement age in month `refMonth`; 0 otherwise. Below the lowest retirement age every adult is of
   * working age; above the highest, none is.
   */
  workingAge(age: number, female: boolean, birthYmd: number, refMonth: number): number {
    if (age < this.minYears) return 1;
    if (age > this.maxYears) return 0;
    return refMonth <= this.get(female, monthIndex(birthYmd)) ? 1 : 0;
  }
}

export class EvaluationContext {
  household!: HouseholdInput;
  members!: readonly MemberInput[];
  /** Number of members. */
  count = 0;
  refYmd = 0;
  refYear = 0;
  /** Completed years of age at the reference date. */
  age = new Int16Array(16);
  birthYear = new Int16Array(16);
  /** 1 when the member is of working age at the reference date. */
  workingAge = new Uint8Array(16);
  readonly #params: StandardParameters;
  readonly #retirement: RetirementCache;
  #lastRefText = '';
  #lastRefYmd = 0;

  constructor(params: StandardParameters) {
    this.#params = params;
    this.#retirement = new RetirementCache(params.retirementAgeRule);
  }

  /** Parses the reference date once per distinct text. */
  referenceYmd(text: string): number {
    if (text === this.#lastRefText) return this.#lastRefYmd;
    const ymd = parseIsoDate(text);
    if (ymd < 0) throw new ClassificationInputError(`Ngày rà soát phải có dạng YYYY-MM-DD (nhận được: ${JSON.stringify(text)})`);
    this.#lastRefText = text;
    this.#lastRefYmd = ymd;
    return ymd;
  }

  /** Fills ages and working-age flags for the household's members. */
  prepare(h: HouseholdInput, refYmd: number): void {
    const members = h.members;
    const n = members.length;
    if (n === 0) throw new ClassificationInputError('Hộ phải có ít nhất một thành viên (members)');
    if (n > this.age.length) {
      const size = Math.max(n, this.age.length * 2);
      this.age = new Int16Array(size);
      this.birthYear = new Int16Array(size);
      this.workingAge = new Uint8Array(size);
    }
    this.household = h;
    this.members = members;
    this.count = n;
    this.refYmd = refYmd;
    this.refYear = (refYmd / 10000) | 0;
    const p = this.#params;
    const refMonth = monthIndex(refYmd);
    const ages = this.age;
    const birthYears = this.birthYear;
    const working = this.workingAge;
    const minWorking = p.workingAgeMin;
    for (let i = 0; i < n; i++) {
      const m = members[i];
      let birth: number;
      const dob = m.dateOfBirth;
      if (dob !== undefined) {
        birth = typeof dob === 'string' ? parseIsoDate(dob) : -1;
        if (birth < 0) throw this.memberError(i, `ngày sinh phải có dạng YYYY-MM-DD (nhận được: ${JSON.stringify(dob)})`);
      } else if (m.birthYear !== undefined) {
        if (!Number.isInteger(m.birthYear) || m.birthYear < MIN_BIRTH_YEAR) {
          throw this.memberError(i, `năm sinh không hợp lệ (${JSON.stringify(m.birthYear)})`);
        }
        birth = birthYearToYmd(m.birthYear, p.birthYearConvention);
        if (m.birthYear === this.refYear && birth > refYmd) birth = refYmd;
      } else {
        throw this.memberError(i, 'thiếu ngày sinh (dateOfBirth) hoặc năm sinh (birthYear)');
      }
      if (birth > refYmd) throw this.memberError(i, `ngày sinh ${formatYmdVi(birth)} sau ngày rà soát ${formatYmdVi(refYmd)}`);
      if (birth < MIN_BIRTH_YEAR * 10000) throw this.memberError(i, 'năm sinh trước 1850');
      // Integer arithmetic: ymd values are non-negative int32.
      const age = ((refYmd - birth) / 10000) | 0;
      ages[i] = age;
      birthYears[i] = (birth / 10000) | 0;
      let w = 0;
      if (age >= minWorking) {
        const sex = m.sex;
        if (sex !== 'male' && sex !== 'female') throw this.memberError(i, 'giới tính (sex) phải là "male" hoặc "female"');
        w = this.#retirement.workingAge(age, sex === 'female', birth, refMonth);
      }
      working[i] = w;
    }
  }

  /** "Nguyễn Văn A" or "thành viên thứ 2". */
  label(i: number): string {
    const name = this.members[i].name;
    if (name !== undefined && name !== '') return name;
    return i < UNNAMED.length ? UNNAMED[i] : `thành viên thứ ${i + 1}`;
  }

  /** "Nguyễn Văn A (34 tuổi)". */
  labelWithAge(i: number): string {
    return this.label(i) + ageText(this.age[i]);
  }

  /** Input error about member i. */
  memberError(i: number, problem: string): ClassificationInputError {
    return new ClassificationInputError(`Thành viên thứ ${i + 1}${this.members[i]?.name ? ` (${this.members[i].name})` : ''}: ${problem}`);
  }

  /** Input error for a missing member fact needed by an indicator. */
  missingMemberFact(i: number, field: string, meaning: string, indicatorLabel: string): ClassificationInputError {
    return this.memberError(i, `thiếu ${field} (${meaning}), cần cho chỉ số ${indicatorLabel}`);
  }
}

/** Input error for a missing household fact needed by an indicator. */
export function missingHouseholdFact(field: string, meaning: string, indicatorLabel: string): ClassificationInputError {
  return new ClassificationInputError(`Thiếu ${field} (${meaning}), cần cho chỉ số ${indicatorLabel}`);
}

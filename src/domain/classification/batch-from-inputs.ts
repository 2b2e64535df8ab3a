/**
 * Conversion between the household input model (objects) and the columnar HouseholdBatch.
 *
 * appendHousehold checks what does not depend on the standard (area, income / score A, dates of birth,
 * code values) and rejects the household with a Vietnamese message before writing anything; facts a
 * standard may need but the household lacks are kept as BATCH_ABSENT and make the batch classifier return
 * INVALID for that household under a standard that reads them — exactly where classifyHouseholdCompiled
 * throws. Like the CLI's input parser, a value outside its code list is rejected even when no standard
 * would read it.
 */
import type { HouseholdInput, MemberInput } from './household-input.ts';
import { BATCH_ABSENT, BATCH_CODE_LISTS, BATCH_HOUSEHOLD_FLAG, HouseholdBatch, BATCH_MAX_PACKED_LIST, BATCH_MEMBER_FLAG } from './household-batch.ts';
import { areaCodeOf, readAmounts, type Measures } from './measures.ts';
import { ClassificationInputError } from './input-error.ts';
import { formatYmdIso, parseIsoDate } from './dates.ts';
import { MIN_BIRTH_YEAR } from './evaluation-context.ts';

const amounts: Measures = { income: NaN, scoreA: NaN };

type CodeField = keyof typeof BATCH_CODE_LISTS;

const CODE_MAPS = Object.fromEntries(
  Object.entries(BATCH_CODE_LISTS).map(([k, list]) => [k, new Map<unknown, number>((list as readonly string[]).map((v, i) => [v, i]))]),
) as unknown as Record<CodeField, ReadonlyMap<unknown, number>>;
const SEX = CODE_MAPS.sex;
const DISABILITY = CODE_MAPS.disability;
const ATTENDING = CODE_MAPS.attendingLevel;
const EDUCATION = CODE_MAPS.educationLevel;
const VOCATIONAL = CODE_MAPS.vocationalQualification;
const EMPLOYMENT = CODE_MAPS.employment;

/** "Thành viên thứ 2 (Lan): " for member k, '' for a household fact. */
function where(m: MemberInput | null, k: number): string {
  if (m === null) return '';
  return `Thành viên thứ ${k + 1}${m.name ? ` (${m.name})` : ''}: `;
}

function badCode(field: CodeField, value: unknown, name: string, m: MemberInput | null, k: number): never {
  throw new ClassificationInputError(`${where(m, k)}${name} = ${JSON.stringify(value)} không hợp lệ; giá trị cho phép: ${BATCH_CODE_LISTS[field].join(', ')}`);
}

/** Code of a household fact's optional code value; throws when present and not in the list. */
function code(field: CodeField, value: unknown, name: string): number {
  if (value === undefined) return BATCH_ABSENT;
  const c = CODE_MAPS[field].get(value);
  return c === undefined ? badCode(field, value, name, null, 0) : c;
}

/** Code of member k's optional code value (map = CODE_MAPS[field]). */
function memberCode(map: ReadonlyMap<unknown, number>, field: CodeField, value: unknown, name: string, m: MemberInput, k: number): number {
  if (value === undefined) return BATCH_ABSENT;
  const c = map.get(value);
  return c === undefined ? badCode(field, value, name, m, k) : c;
}

/** Packed list (see BATCH_MAX_PACKED_LIST); `distinct` drops repeated values (used where only membership and first match matter). */
function packList(field: CodeField, list: readonly unknown[] | undefined, name: string, distinct: boolean): number {
  if (list === undefined) return -1;
  if (!Array.isArray(list)) throw new ClassificationInputError(`${name} phải là một mảng`);
  let packed = 0;
  let n = 0;
  let seen = 0;
  for (const value of list) {
    const c = code(field, value, name);
    if (distinct && (seen & (1 << c)) !== 0) continue;
    seen |= 1 << c;
    if (n === BATCH_MAX_PACKED_LIST) throw new ClassificationInputError(`${name} có quá ${BATCH_MAX_PACKED_LIST} mục`);
    packed |= (c + 1) << (4 * n);
    n++;
  }
  return packed;
}

function unpackList<T>(list: readonly T[], packed: number): T[] | undefined {
  if (packed < 0) return undefined;
  const out: T[] = [];
  for (let p = packed; p !== 0; p >>>= 4) out.push(list[(p & 15) - 1]);
  return out;
}

function tri(value: boolean | undefined, known: number, yes: number, name: string, m: MemberInput | null, k: number): number {
  if (value === undefined) return 0;
  if (value === true) return known | yes;
  if (value === false) return known;
  throw new ClassificationInputError(`${where(m, k)}${name} phải là true hoặc false`);
}

function birthOf(m: MemberInput, k: number): number {
  const dob = m.dateOfBirth;
  if (dob !== undefined) {
    const ymd = typeof dob === 'string' ? parseIsoDate(dob) : -1;
    if (ymd < 0) throw new ClassificationInputError(`${where(m, k)}ngày sinh phải có dạng YYYY-MM-DD (nhận được: ${JSON.stringify(dob)})`);
    if (ymd < MIN_BIRTH_YEAR * 10000) throw new ClassificationInputError(`${where(m, k)}năm sinh trước 1850`);
    return ymd;
  }
  const y = m.birthYear;
  if (y === undefined) throw new ClassificationInputError(`${where(m, k)}thiếu ngày sinh (dateOfBirth) hoặc năm sinh (birthYear)`);
  if (!Number.isInteger(y) || y < MIN_BIRTH_YEAR) throw new ClassificationInputError(`${where(m, k)}năm sinh không hợp lệ (${JSON.stringify(y)})`);
  return -y;
}

/**
 * Appends one household to the batch, or throws ClassificationInputError (Vietnamese, naming the member
 * and field) and leaves the batch unchanged. Returns the household's position in the batch.
 */
export function appendHousehold(batch: HouseholdBatch, h: HouseholdInput): number {
  const members = h.members;
  if (!Array.isArray(members) || members.length === 0) throw new ClassificationInputError('Hộ phải có ít nhất một thành viên (members)');
  const i = batch.length;
  const n = members.length;
  batch.reserve(1, n);
  const area = areaCodeOf(h.area);
  const { income, scoreA } = readAmounts(h.income, h.scoreA, amounts);
  let ref = 0;
  if (h.referenceDate !== undefined) {
    ref = typeof h.referenceDate === 'string' ? parseIsoDate(h.referenceDate) : -1;
    if (ref < 0) throw new ClassificationInputError(`Ngày rà soát phải có dạng YYYY-MM-DD (nhận được: ${JSON.stringify(h.referenceDate)})`);
  }
  const housing = h.housing;
  let floorArea = NaN;
  let flags = 0;
  let frame = BATCH_ABSENT;
  let walls = BATCH_ABSENT;
  let roof = BATCH_ABSENT;
  if (housing !== undefined) {
    flags |= BATCH_HOUSEHOLD_FLAG.HOUSING_PRESENT;
    const fa = housing.floorArea;
    if (fa !== undefined) {
      if (typeof fa !== 'number' || !(fa >= 0) || !Number.isFinite(fa)) {
        throw new ClassificationInputError(`Diện tích nhà ở (housing.floorArea) phải là số m² không âm (nhận được: ${JSON.stringify(fa)})`);
      }
      floorArea = fa;
    }
    frame = code('material', housing.frame, 'housing.frame');
    walls = code('material', housing.walls, 'housing.walls');
    roof = code('material', housing.roof, 'housing.roof');
  }
  const water = code('waterSource', h.waterSource, 'waterSource');
  const latrine = code('latrine', h.latrine, 'latrine');
  const waste = code('wasteTreatment', h.wasteTreatment, 'wasteTreatment');
  flags |= tri(h.usesInternet, BATCH_HOUSEHOLD_FLAG.INTERNET_KNOWN, BATCH_HOUSEHOLD_FLAG.INTERNET, 'usesInternet', null, 0);
  flags |= tri(h.usesTelephone, BATCH_HOUSEHOLD_FLAG.TELEPHONE_KNOWN, BATCH_HOUSEHOLD_FLAG.TELEPHONE, 'usesTelephone', null, 0);
  flags |= tri(h.hearsLoudspeaker, BATCH_HOUSEHOLD_FLAG.LOUDSPEAKER_KNOWN, BATCH_HOUSEHOLD_FLAG.LOUDSPEAKER, 'hearsLoudspeaker', null, 0);
  const devices = packList('informationDevice', h.informationDevices, 'informationDevices', true);
  const farm = packList('farmOccupation', h.farmOccupations, 'farmOccupations', false);

  // Members are written past memberCount and only committed when every one is valid.
  const base = batch.memberCount;
  for (let k = 0; k < n; k++) {
    const m = members[k];
    const j = base + k;
    batch.birth[j] = birthOf(m, k);
    batch.sex[j] = memberCode(SEX, 'sex', m.sex, 'sex', m, k);
    batch.disability[j] = memberCode(DISABILITY, 'disability', m.disability, 'disability', m, k);
    batch.attendingLevel[j] = memberCode(ATTENDING, 'attendingLevel', m.attendingLevel, 'attendingLevel', m, k);
    batch.educationLevel[j] = memberCode(EDUCATION, 'educationLevel', m.highestCompletedLevel, 'highestCompletedLevel', m, k);
    batch.vocationalQualification[j] = memberCode(VOCATIONAL, 'vocationalQualification', m.vocationalQualification, 'vocationalQualification', m, k);
    batch.employment[j] = memberCode(EMPLOYMENT, 'employment', m.employment, 'employment', m, k);
    let f = tri(m.healthInsurance, BATCH_MEMBER_FLAG.HEALTH_INSURANCE_KNOWN, BATCH_MEMBER_FLAG.HEALTH_INSURANCE, 'healthInsurance', m, k)
      | tri(m.attendingSchool, BATCH_MEMBER_FLAG.ATTENDING_KNOWN, BATCH_MEMBER_FLAG.ATTENDING, 'attendingSchool', m, k)
      | tri(m.hasLabourContract, BATCH_MEMBER_FLAG.CONTRACT_KNOWN, BATCH_MEMBER_FLAG.CONTRACT, 'hasLabourContract', m, k);
    if (m.monthlySocialAllowance === true) f |= BATCH_MEMBER_FLAG.SOCIAL_ALLOWANCE;
    if (m.stunted === true) f |= BATCH_MEMBER_FLAG.STUNTED;
    if (m.underweight === true) f |= BATCH_MEMBER_FLAG.UNDERWEIGHT;
    if (m.illWithoutTreatment === true) f |= BATCH_MEMBER_FLAG.ILL_WITHOUT_TREATMENT;
    if (m.ableToWork === false) f |= BATCH_MEMBER_FLAG.UNABLE_TO_WORK;
    batch.memberFlags[j] = f;
  }
  for (let k = 0; k < n; k++) {
    batch.memberId.push(members[k].id);
    batch.memberName.push(members[k].name);
  }
  batch.memberCount = base + n;
  batch.memberStart[i] = base;
  batch.memberStart[i + 1] = base + n;
  batch.area[i] = area;
  batch.income[i] = income;
  batch.scoreA[i] = scoreA;
  batch.floorArea[i] = floorArea;
  batch.frame[i] = frame;
  batch.walls[i] = walls;
  batch.roof[i] = roof;
  batch.waterSource[i] = water;
  batch.latrine[i] = latrine;
  batch.wasteTreatment[i] = waste;
  batch.householdFlags[i] = flags;
  batch.informationDevices[i] = devices;
  batch.farmOccupations[i] = farm;
  batch.referenceYmd[i] = ref;
  batch.householdId.push(h.id);
  batch.length = i + 1;
  return i;
}

/** A batch holding the given households (throws on the first invalid one, naming its position). */
export function householdBatchOf(households: readonly HouseholdInput[]): HouseholdBatch {
  let members = 0;
  for (const h of households) members += Array.isArray(h.members) ? h.members.length : 0;
  const batch = new HouseholdBatch(households.length, members);
  households.forEach((h, i) => {
    try {
      appendHousehold(batch, h);
    } catch (e) {
      if (e instanceof ClassificationInputError) throw new ClassificationInputError(`Hộ thứ ${i + 1}${h.id === undefined ? '' : ` (${h.id})`}: ${e.message}`);
      throw e;
    }
  });
  return batch;
}

function bool(flags: number, known: number, yes: number): boolean | undefined {
  return (flags & known) === 0 ? undefined : (flags & yes) !== 0;
}

function codeValue<T>(list: readonly T[], c: number): T | undefined {
  return c === BATCH_ABSENT ? undefined : list[c];
}

function memberInputOf(b: HouseholdBatch, j: number): MemberInput {
  const birth = b.birth[j];
  const f = b.memberFlags[j];
  const m: { -readonly [K in keyof MemberInput]: MemberInput[K] } = {
    sex: codeValue(BATCH_CODE_LISTS.sex, b.sex[j])!,
  };
  if (b.memberId[j] !== undefined) m.id = b.memberId[j];
  if (b.memberName[j] !== undefined) m.name = b.memberName[j];
  if (birth >= 0) m.dateOfBirth = formatYmdIso(birth);
  else m.birthYear = -birth;
  m.disability = codeValue(BATCH_CODE_LISTS.disability, b.disability[j]);
  m.healthInsurance = bool(f, BATCH_MEMBER_FLAG.HEALTH_INSURANCE_KNOWN, BATCH_MEMBER_FLAG.HEALTH_INSURANCE);
  m.attendingSchool = bool(f, BATCH_MEMBER_FLAG.ATTENDING_KNOWN, BATCH_MEMBER_FLAG.ATTENDING);
  m.hasLabourContract = bool(f, BATCH_MEMBER_FLAG.CONTRACT_KNOWN, BATCH_MEMBER_FLAG.CONTRACT);
  m.attendingLevel = codeValue(BATCH_CODE_LISTS.attendingLevel, b.attendingLevel[j]);
  m.highestCompletedLevel = codeValue(BATCH_CODE_LISTS.educationLevel, b.educationLevel[j]);
  m.vocationalQualification = codeValue(BATCH_CODE_LISTS.vocationalQualification, b.vocationalQualification[j]);
  m.employment = codeValue(BATCH_CODE_LISTS.employment, b.employment[j]);
  if ((f & BATCH_MEMBER_FLAG.SOCIAL_ALLOWANCE) !== 0) m.monthlySocialAllowance = true;
  if ((f & BATCH_MEMBER_FLAG.STUNTED) !== 0) m.stunted = true;
  if ((f & BATCH_MEMBER_FLAG.UNDERWEIGHT) !== 0) m.underweight = true;
  if ((f & BATCH_MEMBER_FLAG.ILL_WITHOUT_TREATMENT) !== 0) m.illWithoutTreatment = true;
  if ((f & BATCH_MEMBER_FLAG.UNABLE_TO_WORK) !== 0) m.ableToWork = false;
  return m;
}

/** The household input model of household i of the batch (the facts the classification reads, ids and names). */
export function householdInputOf(b: HouseholdBatch, i: number): HouseholdInput {
  const members: MemberInput[] = [];
  for (let j = b.memberStart[i]; j < b.memberStart[i + 1]; j++) members.push(memberInputOf(b, j));
  const flags = b.householdFlags[i];
  const h: { -readonly [K in keyof HouseholdInput]: HouseholdInput[K] } = { area: b.area[i] === 0 ? 'rural' : 'urban', members };
  if (b.householdId[i] !== undefined) h.id = b.householdId[i];
  if (!Number.isNaN(b.income[i])) h.income = b.income[i];
  if (!Number.isNaN(b.scoreA[i])) h.scoreA = b.scoreA[i];
  if ((flags & BATCH_HOUSEHOLD_FLAG.HOUSING_PRESENT) !== 0) {
    h.housing = {
      floorArea: Number.isNaN(b.floorArea[i]) ? undefined! : b.floorArea[i],
      frame: codeValue(BATCH_CODE_LISTS.material, b.frame[i])!,
      walls: codeValue(BATCH_CODE_LISTS.material, b.walls[i])!,
      roof: codeValue(BATCH_CODE_LISTS.material, b.roof[i])!,
    };
  }
  h.waterSource = codeValue(BATCH_CODE_LISTS.waterSource, b.waterSource[i]);
  h.latrine = codeValue(BATCH_CODE_LISTS.latrine, b.latrine[i]);
  h.wasteTreatment = codeValue(BATCH_CODE_LISTS.wasteTreatment, b.wasteTreatment[i]);
  h.usesInternet = bool(flags, BATCH_HOUSEHOLD_FLAG.INTERNET_KNOWN, BATCH_HOUSEHOLD_FLAG.INTERNET);
  h.usesTelephone = bool(flags, BATCH_HOUSEHOLD_FLAG.TELEPHONE_KNOWN, BATCH_HOUSEHOLD_FLAG.TELEPHONE);
  h.hearsLoudspeaker = bool(flags, BATCH_HOUSEHOLD_FLAG.LOUDSPEAKER_KNOWN, BATCH_HOUSEHOLD_FLAG.LOUDSPEAKER);
  h.informationDevices = unpackList(BATCH_CODE_LISTS.informationDevice, b.informationDevices[i]);
  h.farmOccupations = unpackList(BATCH_CODE_LISTS.farmOccupation, b.farmOccupations[i]);
  if (b.referenceYmd[i] !== 0) h.referenceDate = formatYmdIso(b.referenceYmd[i]);
  return h;
}

/**
 * Validation of untyped input (a parsed JSON line, an HTTP body) into the household input model or a
 * summary record. Checks types and code lists and reports problems in Vietnamese; the business checks
 * (area, measures, indicator membership, facts required by a standard) happen during classification.
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
} from '../standards/fact-codes.ts';
import type { HouseholdInput, MemberInput } from './household-input.ts';
import { ClassificationInputError } from './input-error.ts';
import type { SummaryRecord } from './summary-record.ts';

export type ParsedInput =
  | { readonly kind: 'household'; readonly household: HouseholdInput }
  | { readonly kind: 'summary'; readonly record: SummaryRecord };

type Obj = Record<string, unknown>;

const SEX = { male: 'nam', female: 'nữ' };
const RELATION = {
  head: 'chủ hộ', spouse: 'vợ/chồng', child: 'con', parent: 'cha/mẹ', grandchild: 'cháu',
  sibling: 'anh/chị/em', other_relative: 'họ hàng khác', other: 'khác',
};
const DISABILITY = { none: 'không', mild: 'nhẹ', severe: 'nặng', very_severe: 'đặc biệt nặng' };

function fail(where: string, message: string): never {
  throw new ClassificationInputError(`${where}${message}`);
}

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function optBool(o: Obj, key: string, where: string): void {
  const v = o[key];
  if (v !== undefined && typeof v !== 'boolean') fail(where, `${key} phải là true hoặc false`);
}

function optString(o: Obj, key: string, where: string): void {
  const v = o[key];
  if (v !== undefined && typeof v !== 'string') fail(where, `${key} phải là chuỗi ký tự`);
}

function optCode(o: Obj, key: string, codes: object, where: string): void {
  const v = o[key];
  if (v === undefined) return;
  if (typeof v !== 'string' || !Object.hasOwn(codes, v)) {
    fail(where, `${key} = ${JSON.stringify(v)} không hợp lệ; giá trị cho phép: ${Object.keys(codes).join(', ')}`);
  }
}

function optCodeList(o: Obj, key: string, codes: object, where: string): void {
  const v = o[key];
  if (v === undefined) return;
  if (!Array.isArray(v)) fail(where, `${key} phải là một mảng`);
  for (const item of v) {
    if (typeof item !== 'string' || !Object.hasOwn(codes, item)) {
      fail(where, `${key} chứa ${JSON.stringify(item)} không hợp lệ; giá trị cho phép: ${Object.keys(codes).join(', ')}`);
    }
  }
}

function optNumber(o: Obj, key: string, where: string): void {
  const v = o[key];
  if (v !== undefined && v !== null && (typeof v !== 'number' || !Number.isFinite(v))) fail(where, `${key} phải là một số`);
}

function checkId(o: Obj): void {
  const id = o.id;
  if (id !== undefined && id !== null && typeof id !== 'string' && typeof id !== 'number') {
    fail('', 'mã hộ (id) phải là chuỗi hoặc số');
  }
}

function checkMember(m: unknown, index: number): MemberInput {
  const where = `Thành viên thứ ${index + 1}: `;
  if (!isObject(m)) fail(where, 'phải là một đối tượng JSON');
  optString(m, 'id', where);
  optString(m, 'name', where);
  optString(m, 'dateOfBirth', where);
  optString(m, 'ethnicity', where);
  const by = m.birthYear;
  if (by !== undefined && (typeof by !== 'number' || !Number.isInteger(by))) fail(where, 'birthYear phải là số nguyên');
  if (m.dateOfBirth === undefined && by === undefined) fail(where, 'thiếu ngày sinh (dateOfBirth) hoặc năm sinh (birthYear)');
  if (m.sex === undefined) fail(where, 'thiếu giới tính (sex): "male" hoặc "female"');
  optCode(m, 'sex', SEX, where);
  optCode(m, 'relation', RELATION, where);
  optCode(m, 'disability', DISABILITY, where);
  optCode(m, 'attendingLevel', ATTENDING_LEVEL_LABELS, where);
  optCode(m, 'highestCompletedLevel', EDUCATION_LEVEL_LABELS, where);
  optCode(m, 'vocationalQualification', VOCATIONAL_QUALIFICATION_LABELS, where);
  optCode(m, 'employment', EMPLOYMENT_STATUS_LABELS, where);
  for (const key of ['monthlySocialAllowance', 'healthInsurance', 'attendingSchool', 'hasLabourContract', 'ableToWork', 'stunted', 'underweight', 'illWithoutTreatment', 'personWithMerit']) {
    optBool(m, key, where);
  }
  return m as unknown as MemberInput;
}

function checkHousehold(o: Obj): HouseholdInput {
  checkId(o);
  const members = o.members;
  if (!Array.isArray(members) || members.length === 0) fail('', 'danh sách thành viên (members) phải là mảng có ít nhất một thành viên');
  members.forEach(checkMember);
  const housing = o.housing;
  if (housing !== undefined) {
    if (!isObject(housing)) fail('', 'housing phải là một đối tượng');
    optNumber(housing, 'floorArea', 'Nhà ở: ');
    for (const part of ['frame', 'walls', 'roof']) optCode(housing, part, STRUCTURAL_MATERIAL_LABELS, 'Nhà ở: ');
  }
  optCode(o, 'waterSource', WATER_SOURCE_LABELS, '');
  optCode(o, 'latrine', LATRINE_LABELS, '');
  optCode(o, 'wasteTreatment', WASTE_TREATMENT_LABELS, '');
  optCodeList(o, 'informationDevices', INFORMATION_DEVICE_LABELS, '');
  optCodeList(o, 'farmOccupations', FARM_OCCUPATION_LABELS, '');
  for (const key of ['usesInternet', 'usesTelephone', 'hearsLoudspeaker']) optBool(o, key, '');
  optString(o, 'referenceDate', '');
  return o as unknown as HouseholdInput;
}

/**
 * Validates one untyped input: an object with `members` is a raw household, otherwise a summary
 * record. Area and measures are left to the classifier so that its messages are the same for every caller.
 */
export function parseClassificationInput(value: unknown): ParsedInput {
  if (!isObject(value)) throw new ClassificationInputError('Mỗi bản ghi phải là một đối tượng JSON {…}');
  if (value.members !== undefined) return { kind: 'household', household: checkHousehold(value) };
  checkId(value);
  return { kind: 'summary', record: value as unknown as SummaryRecord };
}

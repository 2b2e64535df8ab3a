/**
 * The columnar batch path (HouseholdBatch, classifyHouseholdBatch, classifyBatchHousehold) against the
 * object path (classifyHouseholdCompiled): same class, subtype and deprivations for random households of
 * every standard, INVALID exactly where the object path throws, and the same full result on demand.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  CLASS_CODE,
  BATCH_CODE_LISTS,
  ClassificationInputError,
  HouseholdBatch,
  appendHousehold,
  classOfCode,
  classifyBatchHousehold,
  classifyHouseholdBatch,
  classifyHouseholdCompiled,
  compileStandard,
  createBatchResult,
  getStandard,
  householdBatchOf,
  householdInputOf,
  subtypeOfCode,
  withParameterOverrides,
  type HouseholdInput,
  type MemberInput,
  type PovertyStandard,
} from '../../../src/domain/index.ts';
import { household, REFERENCE_DATE } from './household-fixtures.ts';

const NATIONAL_AND_LOCAL = ['QD59_2015', 'ND07_2021', 'ND351_2025', 'BAC_NINH_2022_2025'].map(getStandard);
/** ND07 with other values of parameters the batch plan reads (retirement rule, birth-year day, contract rule, ages). */
const OVERRIDDEN = withParameterOverrides(getStandard('ND07_2021'), {
  retirementAgeRule: 'labour_code_2012',
  birthYearConvention: 'july_first',
  employmentCountsWageWithoutContract: false,
  healthInsuranceMinAge: 0,
  housingQualityMinNonDurableParts: 1,
});
const STANDARDS: readonly PovertyStandard[] = [...NATIONAL_AND_LOCAL, OVERRIDDEN];

/** Mostly present, sometimes absent (absent facts make some households invalid under some standards). */
function mostly<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined, freq: 25 });
}

const code = <T extends string>(list: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...list);
const REFERENCE_DATES = ['2019-06-30', '2021-01-01', REFERENCE_DATE, '2026-02-28', '2027-12-31'];

function memberArb(refYear: number): fc.Arbitrary<MemberInput> {
  const birth = fc.oneof(
    { weight: 5, arbitrary: fc.record({ age: fc.nat(95), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
      .map(({ age, month, day }) => ({ dateOfBirth: `${refYear - age}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` })) },
    { weight: 1, arbitrary: fc.integer({ min: refYear - 95, max: refYear + 1 }).map((birthYear) => ({ birthYear })) },
  );
  return fc.record({
    birth,
    name: fc.option(fc.constantFrom('An', 'Bình', 'Chi'), { nil: undefined }),
    id: fc.option(fc.constantFrom('M1', 'M2'), { nil: undefined }),
    sex: mostly(code(BATCH_CODE_LISTS.sex)),
    disability: fc.option(code(BATCH_CODE_LISTS.disability), { nil: undefined }),
    monthlySocialAllowance: fc.option(fc.boolean(), { nil: undefined }),
    healthInsurance: mostly(fc.boolean()),
    attendingSchool: mostly(fc.boolean()),
    attendingLevel: mostly(code(BATCH_CODE_LISTS.attendingLevel)),
    highestCompletedLevel: mostly(code(BATCH_CODE_LISTS.educationLevel)),
    vocationalQualification: fc.option(code(BATCH_CODE_LISTS.vocationalQualification), { nil: undefined }),
    employment: mostly(code(BATCH_CODE_LISTS.employment)),
    hasLabourContract: mostly(fc.boolean()),
    ableToWork: fc.option(fc.boolean(), { nil: undefined }),
    stunted: fc.option(fc.boolean(), { nil: undefined }),
    underweight: fc.option(fc.boolean(), { nil: undefined }),
    illWithoutTreatment: fc.option(fc.boolean(), { nil: undefined }),
  }).map(({ birth: born, ...m }) => ({ ...m, ...born }) as MemberInput);
}

function householdArb(refYear: number): fc.Arbitrary<HouseholdInput> {
  const material = code(BATCH_CODE_LISTS.material);
  return fc.record({
    id: fc.option(fc.oneof(fc.constantFrom('H1', 'H2'), fc.nat(99)), { nil: undefined }),
    area: fc.constantFrom('rural', 'urban'),
    measures: fc.oneof(
      { weight: 6, arbitrary: fc.record({ income: fc.oneof(fc.integer({ min: 0, max: 4_000_000 }), fc.constantFrom(1_500_000, 2_000_000, 2_250_000, 3_000_000)) }) },
      { weight: 1, arbitrary: fc.record({ scoreA: fc.integer({ min: 0, max: 250 }) }) },
      { weight: 1, arbitrary: fc.record({ scoreA: fc.integer({ min: 0, max: 250 }), income: fc.integer({ min: 0, max: 4_000_000 }) }) },
    ),
    members: fc.array(memberArb(refYear), { minLength: 1, maxLength: 7 }),
    housing: mostly(fc.record({ floorArea: mostly(fc.oneof(fc.nat(150), fc.double({ min: 0, max: 150, noNaN: true }))), frame: mostly(material), walls: mostly(material), roof: mostly(material) })),
    waterSource: mostly(code(BATCH_CODE_LISTS.waterSource)),
    latrine: mostly(code(BATCH_CODE_LISTS.latrine)),
    wasteTreatment: mostly(code(BATCH_CODE_LISTS.wasteTreatment)),
    usesInternet: mostly(fc.boolean()),
    usesTelephone: mostly(fc.boolean()),
    hearsLoudspeaker: mostly(fc.boolean()),
    informationDevices: mostly(fc.array(code(BATCH_CODE_LISTS.informationDevice), { maxLength: 8 })),
    farmOccupations: fc.option(fc.array(code(BATCH_CODE_LISTS.farmOccupation), { maxLength: 7 }), { nil: undefined }),
    referenceDate: fc.option(fc.constantFrom(...REFERENCE_DATES), { nil: undefined, freq: 8 }),
  }).map(({ measures, ...h }) => ({ ...h, ...measures }) as HouseholdInput);
}

const caseArb = fc.constantFrom(...REFERENCE_DATES).chain((ref) => fc.record({
  standard: fc.constantFrom(...STANDARDS),
  ref: fc.constant(ref),
  households: fc.array(householdArb(Number(ref.slice(0, 4))), { minLength: 1, maxLength: 12 }),
}));

function objectPath(s: PovertyStandard, h: HouseholdInput, ref: string): ReturnType<typeof classifyHouseholdCompiled> | ClassificationInputError {
  try {
    return classifyHouseholdCompiled(compileStandard(s), h, ref);
  } catch (e) {
    if (e instanceof ClassificationInputError) return e;
    throw e;
  }
}

test('batch path: same class, subtype and deprivations as the object path for random households of every standard', () => {
  let valid = 0;
  let invalid = 0;
  fc.assert(
    fc.property(caseArb, ({ standard, ref, households }) => {
      const c = compileStandard(standard);
      const batch = householdBatchOf(households);
      const out = createBatchResult(households.length);
      classifyHouseholdBatch(c, batch, ref, out);
      households.forEach((h, i) => {
        const expected = objectPath(standard, h, ref);
        if (expected instanceof ClassificationInputError) {
          invalid++;
          assert.equal(out.classCode[i], CLASS_CODE.INVALID, `hộ ${i}: lỗi "${expected.message}" nhưng lô phân loại được`);
          assert.throws(() => classifyBatchHousehold(c, batch, i, ref), { message: expected.message });
          return;
        }
        valid++;
        assert.notEqual(out.classCode[i], CLASS_CODE.INVALID, `hộ ${i}: lô báo thiếu dữ liệu`);
        assert.equal(classOfCode(out.classCode[i]), expected.class);
        assert.equal(subtypeOfCode(out.classCode[i]), expected.subtype);
        const ids = c.indicatorIds.filter((_, k) => (out.deprivationMask[i] & (1 << k)) !== 0);
        assert.deepEqual(ids, expected.deprivations);
        assert.deepEqual(classifyBatchHousehold(c, batch, i, ref), expected);
      });
    }),
    { numRuns: 600 },
  );
  // The generator must exercise both outcomes.
  assert.ok(valid > 500 && invalid > 500, `hợp lệ ${valid}, không hợp lệ ${invalid}`);
});

test('batch path: a range [from, to) leaves the other households untouched', () => {
  const c = compileStandard(getStandard('ND07_2021'));
  const batch = householdBatchOf([household(), household({ income: 3_500_000 }), household({ income: 1_000 })]);
  const out = createBatchResult(3);
  out.classCode.fill(99);
  classifyHouseholdBatch(c, batch, REFERENCE_DATE, out, 1, 2);
  assert.deepEqual([...out.classCode], [99, CLASS_CODE.NONE, 99]);
});

test('batch: grows from a small capacity, and after clear() is reused with the same results', () => {
  const c = compileStandard(getStandard('ND351_2025'));
  const households = Array.from({ length: 40 }, (_, i) => household({ id: i, income: 50_000 * i, usesInternet: i % 3 !== 0, latrine: i % 4 === 0 ? 'hanging' : 'septic' }));
  const expected = createBatchResult(households.length);
  classifyHouseholdBatch(c, householdBatchOf(households), REFERENCE_DATE, expected);
  const batch = new HouseholdBatch(1, 1);
  for (const round of [1, 2]) {
    if (round === 2) batch.clear();
    for (const h of households) appendHousehold(batch, h);
    assert.equal(batch.length, households.length);
    const out = createBatchResult(households.length);
    classifyHouseholdBatch(c, batch, REFERENCE_DATE, out);
    assert.deepEqual(out, expected);
    assert.deepEqual(classifyBatchHousehold(c, batch, 39, REFERENCE_DATE), classifyHouseholdCompiled(c, households[39], REFERENCE_DATE));
  }
  assert.throws(() => classifyHouseholdBatch(c, batch, REFERENCE_DATE, createBatchResult(10)), RangeError);
  assert.throws(() => classifyBatchHousehold(c, batch, 40, REFERENCE_DATE), RangeError);
});

test('converter: round trip of the facts the classification reads', () => {
  const h = household({ id: 7, scoreA: 120, farmOccupations: ['fishery', 'agriculture', 'fishery'], informationDevices: ['radio', 'tv', 'radio'] });
  const batch = householdBatchOf([h]);
  const back = householdInputOf(batch, 0);
  assert.equal(back.id, 7);
  assert.equal(back.scoreA, 120);
  assert.deepEqual(back.farmOccupations, ['fishery', 'agriculture', 'fishery']);
  assert.deepEqual(back.informationDevices, ['radio', 'tv']);
  assert.deepEqual(back.members.map((m) => m.dateOfBirth), h.members.map((m) => m.dateOfBirth));
  assert.equal(back.referenceDate, REFERENCE_DATE);
});

test('converter: a household with a bad fact is rejected with a Vietnamese message and the batch is unchanged', () => {
  const batch = new HouseholdBatch(1, 1);
  appendHousehold(batch, household());
  const before = { length: batch.length, members: batch.memberCount };
  const bad: HouseholdInput[] = [
    household({ area: 'city' as never }),
    household({ income: -1 }),
    household({ income: undefined }),
    household({ waterSource: 'lake' as never }),
    household({ members: [] }),
    household({ members: [{ sex: 'male', dateOfBirth: '2020-02-30' }] }),
    household({ members: [{ sex: 'male', birthYear: 1700 }] }),
    household({ members: [{ sex: 'male', dateOfBirth: '1990-01-01', employment: 'retired' as never }] }),
    household({ farmOccupations: Array.from({ length: 8 }, () => 'salt' as const) }),
  ];
  for (const h of bad) {
    assert.throws(() => appendHousehold(batch, h), ClassificationInputError);
    assert.deepEqual({ length: batch.length, members: batch.memberCount }, before);
  }
  assert.throws(() => householdBatchOf([household(), household({ latrine: 'x' as never })]), /^ClassificationInputError: Hộ thứ 2 \(HH-1\): latrine = "x" không hợp lệ/);
});

test('batch path: a bad reference date is an input error', () => {
  const c = compileStandard(getStandard('ND07_2021'));
  assert.throws(() => classifyHouseholdBatch(c, householdBatchOf([household()]), '15/11/2025', createBatchResult(1)), /Ngày rà soát phải có dạng YYYY-MM-DD/);
});

/**
 * Indicator derivation from raw facts: age and threshold bounds of every indicator, per standard.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ClassificationInputError,
  deriveIndicators,
  getStandard,
  withParameterOverrides,
  type HouseholdInput,
  type IndicatorId,
  type MemberInput,
  type PovertyStandard,
} from '../../../src/domain/index.ts';
import { REFERENCE_DATE, adult, bornForAge, child, household, withMember } from './household-fixtures.ts';

const QD59 = getStandard('QD59_2015');
const ND07 = getStandard('ND07_2021');
const ND351 = getStandard('ND351_2025');
const ALL = [QD59, ND07, ND351];

function evaluate(standard: PovertyStandard, h: HouseholdInput, id: IndicatorId): { deprived: boolean; reason: string } {
  const found = deriveIndicators(h, standard, REFERENCE_DATE).find((e) => e.id === id);
  assert.ok(found, `${standard.id} has no indicator ${id}`);
  return found;
}

function isDeprived(standard: PovertyStandard, h: HouseholdInput, id: IndicatorId): boolean {
  return evaluate(standard, h, id).deprived;
}

test('the base fixture is deprived in no indicator of any standard', () => {
  for (const s of ALL) {
    const deprived = deriveIndicators(household(), s, REFERENCE_DATE).filter((e) => e.deprived).map((e) => e.id);
    assert.deepEqual(deprived, [], s.id);
  }
});

test('every evaluation has a non-empty Vietnamese reason, in standard order', () => {
  for (const s of ALL) {
    const evals = deriveIndicators(household(), s, REFERENCE_DATE);
    assert.deepEqual(evals.map((e) => e.id), s.indicators.map((i) => i.id));
    for (const e of evals) assert.ok(e.reason.length > 10, `${s.id}/${e.id}`);
  }
});

test('health insurance counts members aged ≥ 6 (all standards)', () => {
  const cases: [number, boolean][] = [[5, false], [6, true], [7, true], [80, true]];
  for (const s of ALL) {
    for (const [age, expected] of cases) {
      const h = withMember(child({ dateOfBirth: bornForAge(age), healthInsurance: false, attendingSchool: age >= 3, attendingLevel: age < 6 ? 'preschool' : 'primary' }));
      assert.equal(isDeprived(s, h, 'health_insurance'), expected, `${s.id} age ${age}`);
    }
  }
  const e = evaluate(ND07, withMember(adult({ name: 'Lò Văn Sáu', healthInsurance: false })), 'health_insurance');
  assert.equal(e.reason, 'Thành viên từ 6 tuổi trở lên không có thẻ BHYT: Lò Văn Sáu (45 tuổi)');
});

test('health insurance age bound is an overridable parameter', () => {
  const s = withParameterOverrides(ND07, { healthInsuranceMinAge: 0 });
  const h = withMember(child({ dateOfBirth: bornForAge(2), healthInsurance: false, attendingSchool: false }));
  assert.equal(isDeprived(ND07, h, 'health_insurance'), false);
  assert.equal(isDeprived(s, h, 'health_insurance'), true);
  assert.deepEqual(s.overriddenParameters, ['healthInsuranceMinAge']);
});

test('housing area: deprived when per-capita area < 8 m² (strict)', () => {
  // 3 members: 24 m² → exactly 8 m²/person.
  const cases: [number, boolean][] = [[24, false], [23.99, true], [24.01, false], [0, true], [1000, false]];
  for (const s of ALL) {
    for (const [area, expected] of cases) {
      const h = household({ housing: { floorArea: area, frame: 'brick_stone', walls: 'brick_stone', roof: 'tile' } });
      assert.equal(isDeprived(s, h, 'housing_area'), expected, `${s.id} ${area} m²`);
    }
  }
  assert.equal(
    evaluate(ND07, household({ housing: { floorArea: 23, frame: 'brick_stone', walls: 'brick_stone', roof: 'tile' } }), 'housing_area').reason,
    'Diện tích nhà ở bình quân 7,67 m²/người (23 m², 3 người) < 8 m²',
  );
});

test('housing quality: deprived from 2 of 3 non-durable structural parts', () => {
  const cases: [[string, string, string], boolean][] = [
    [['brick_stone', 'brick_stone', 'tile'], false],
    [['bamboo', 'brick_stone', 'tile'], false],
    [['bamboo', 'earth', 'tile'], true],
    [['bamboo', 'earth', 'leaves_straw'], true],
    [['durable', 'non_durable', 'metal_sheet'], false],
    [['non_durable', 'non_durable', 'durable'], true],
  ];
  for (const s of ALL) {
    for (const [[frame, walls, roof], expected] of cases) {
      const h = household({ housing: { floorArea: 60, frame, walls, roof } as HouseholdInput['housing'] });
      assert.equal(isDeprived(s, h, 'housing_quality'), expected, `${s.id} ${frame}/${walls}/${roof}`);
    }
  }
});

test('water source and latrine follow the safe / hygienic lists', () => {
  const water: [string, boolean][] = [['piped', false], ['drilled_well', false], ['protected_dug_well', false], ['rainwater', false],
    ['bottled', false], ['protected_spring', false], ['unprotected_dug_well', true], ['unprotected_spring', true], ['surface_water', true],
    ['tanker_or_vendor', true], ['other', true]];
  const latrines: [string, boolean][] = [['septic', false], ['semi_septic', false], ['pour_flush', false], ['double_vault', false],
    ['ventilated_pit', false], ['simple_pit', true], ['hanging', true], ['none', true], ['other', true]];
  for (const s of ALL) {
    for (const [code, expected] of water) {
      assert.equal(isDeprived(s, household({ waterSource: code as never }), 'water_source'), expected, `${s.id} ${code}`);
    }
    for (const [code, expected] of latrines) {
      assert.equal(isDeprived(s, household({ latrine: code as never }), 'latrine'), expected, `${s.id} ${code}`);
    }
  }
});

test('telecom: internet only from 2022; QĐ 59 also counts a telephone subscription', () => {
  const noInternetPhone = household({ usesInternet: false, usesTelephone: true });
  const none = household({ usesInternet: false, usesTelephone: false });
  assert.equal(isDeprived(QD59, noInternetPhone, 'telecom'), false);
  assert.equal(isDeprived(QD59, none, 'telecom'), true);
  assert.equal(isDeprived(ND07, noInternetPhone, 'telecom'), true);
  assert.equal(isDeprived(ND351, noInternetPhone, 'telecom'), true);
  assert.equal(isDeprived(ND07, household({ usesInternet: true, usesTelephone: false }), 'telecom'), false);
});

test('information assets: device lists; QĐ 59 also counts the loudspeaker', () => {
  assert.equal(isDeprived(ND07, household({ informationDevices: [] }), 'information_assets'), true);
  assert.equal(isDeprived(ND07, household({ informationDevices: ['basic_phone'] }), 'information_assets'), true);
  assert.equal(isDeprived(ND07, household({ informationDevices: ['smartphone'] }), 'information_assets'), false);
  assert.equal(isDeprived(QD59, household({ informationDevices: ['smartphone'], hearsLoudspeaker: false }), 'information_assets'), true);
  assert.equal(isDeprived(QD59, household({ informationDevices: [], hearsLoudspeaker: true }), 'information_assets'), false);
  assert.equal(isDeprived(QD59, household({ informationDevices: ['radio'], hearsLoudspeaker: false }), 'information_assets'), false);
  assert.ok(!ND351.indicators.some((i) => i.id === 'information_assets'));
});

test('waste treatment (2027–2030 only)', () => {
  const cases: [string, boolean][] = [['collected', false], ['composted', false], ['buried', true], ['burned', true], ['dumped', true]];
  for (const [code, expected] of cases) {
    assert.equal(isDeprived(ND351, household({ wasteTreatment: code as never }), 'waste_treatment'), expected, code);
  }
  // Not needed by the earlier standards.
  assert.doesNotThrow(() => deriveIndicators(household({ wasteTreatment: undefined }), ND07, REFERENCE_DATE));
  assert.throws(() => deriveIndicators(household({ wasteTreatment: undefined }), ND351, REFERENCE_DATE), ClassificationInputError);
});

test('child schooling from 2022: ages 3 to < 16 attending the level expected for their age', () => {
  const notAttending: [number, boolean][] = [[2, false], [3, true], [10, true], [15, true], [16, false]];
  for (const s of [ND07, ND351]) {
    for (const [age, expected] of notAttending) {
      const h = withMember(child({ dateOfBirth: bornForAge(age), attendingSchool: false, employment: 'not_in_labour_force' }));
      assert.equal(isDeprived(s, h, 'child_schooling'), expected, `${s.id} age ${age} not attending`);
    }
  }
  const levels: [number, string, boolean][] = [
    [5, 'preschool', false],
    [6, 'preschool', true],
    [6, 'primary', false],
    [11, 'primary', false],
    [12, 'primary', true],
    [12, 'lower_secondary', false],
    [15, 'upper_secondary', false],
  ];
  for (const [age, level, expected] of levels) {
    const h = withMember(child({ dateOfBirth: bornForAge(age), attendingLevel: level as never }));
    assert.equal(isDeprived(ND07, h, 'child_schooling'), expected, `age ${age} in ${level}`);
  }
});

test('child schooling under QĐ 59: ages 5 to < 15 not attending school (level not checked)', () => {
  const cases: [number, boolean][] = [[4, false], [5, true], [14, true], [15, false]];
  for (const [age, expected] of cases) {
    const h = withMember(child({ dateOfBirth: bornForAge(age), attendingSchool: false, healthInsurance: true }));
    assert.equal(isDeprived(QD59, h, 'child_schooling'), expected, `age ${age}`);
  }
  const behind = withMember(child({ dateOfBirth: bornForAge(13), attendingLevel: 'primary' }));
  assert.equal(isDeprived(QD59, behind, 'child_schooling'), false);
  assert.equal(isDeprived(ND07, behind, 'child_schooling'), true);
});

test('adult education from 2022: 16–<18 need lower secondary, 18–30 upper secondary or vocational, inclusive bounds', () => {
  const cases: [number, string, string | undefined, boolean][] = [
    [15, 'primary', undefined, false],
    [16, 'primary', undefined, true],
    [16, 'lower_secondary', undefined, false],
    [17, 'lower_secondary', undefined, false],
    [18, 'lower_secondary', undefined, true],
    [18, 'lower_secondary', 'elementary', false],
    [18, 'lower_secondary', 'enterprise_certified', false],
    [18, 'upper_secondary', undefined, false],
    [30, 'lower_secondary', undefined, true],
    [31, 'none', undefined, false],
  ];
  for (const s of [ND07, ND351]) {
    for (const [age, level, qualification, expected] of cases) {
      const h = withMember(adult({
        name: 'Thanh niên',
        dateOfBirth: bornForAge(age),
        highestCompletedLevel: level as never,
        vocationalQualification: qualification as never,
      }));
      assert.equal(isDeprived(s, h, 'adult_education'), expected, `${s.id} age ${age} ${level} ${qualification ?? ''}`);
    }
  }
  const attending = withMember(adult({ dateOfBirth: bornForAge(20), highestCompletedLevel: 'lower_secondary', attendingSchool: true }));
  assert.equal(isDeprived(ND07, attending, 'adult_education'), false);
});

test('adult education under QĐ 59: aged ≥ 15, born 1986 or later, without lower secondary and not at school', () => {
  const cases: [string, string, boolean][] = [
    ['1985-12-31', 'primary', false],
    ['1986-01-01', 'primary', true],
    ['1986-01-01', 'lower_secondary', false],
    ['2010-11-15', 'primary', true],
    ['2010-11-16', 'primary', false],
  ];
  for (const [dob, level, expected] of cases) {
    const h = withMember(adult({ dateOfBirth: dob, highestCompletedLevel: level as never }));
    assert.equal(isDeprived(QD59, h, 'adult_education'), expected, `${dob} ${level}`);
  }
});

test('health access (QĐ 59): a member ill without treatment', () => {
  assert.equal(isDeprived(QD59, withMember(adult({ illWithoutTreatment: true })), 'health_access'), true);
  assert.equal(isDeprived(QD59, withMember(adult({ illWithoutTreatment: false })), 'health_access'), false);
});

test('nutrition: stunted or underweight children under 16', () => {
  const cases: [number, boolean, boolean, boolean][] = [
    [4, true, false, true],
    [4, false, true, true],
    [15, true, false, true],
    [16, true, false, false],
    [4, false, false, false],
  ];
  for (const s of [ND07, ND351]) {
    for (const [age, stunted, underweight, expected] of cases) {
      const h = withMember(child({ dateOfBirth: bornForAge(age), stunted, underweight, attendingLevel: age < 6 ? 'preschool' : 'upper_secondary', highestCompletedLevel: 'lower_secondary' }));
      assert.equal(isDeprived(s, h, 'nutrition'), expected, `${s.id} age ${age}`);
    }
  }
});

const kid = (age: number) => child({ dateOfBirth: bornForAge(age), attendingLevel: age < 6 ? 'preschool' : age < 12 ? 'primary' : 'lower_secondary' });
const elder = (allowance: boolean) => adult({ dateOfBirth: bornForAge(75), monthlySocialAllowance: allowance });

test('dependents: share of dependents > 50 % (children < 16, elderly or disabled with monthly allowance)', () => {
  // Base: 2 adults + 1 child. One more child → 2/4 = 50 % (not > 50 %); two more → 3/5.
  assert.equal(isDeprived(ND07, withMember(kid(8)), 'dependents'), false);
  const twoMore: HouseholdInput = { ...household(), members: [...household().members, kid(8), kid(10)] };
  assert.equal(isDeprived(ND07, twoMore, 'dependents'), true);
  // A 16-year-old is not a child dependent.
  const teen: HouseholdInput = { ...household(), members: [...household().members, kid(8), adult({ dateOfBirth: bornForAge(16), highestCompletedLevel: 'lower_secondary', employment: 'not_in_labour_force' })] };
  assert.equal(isDeprived(ND07, teen, 'dependents'), false);
  // Elderly with allowance count, without allowance do not.
  assert.equal(isDeprived(ND07, { ...household(), members: [...household().members, kid(8), elder(true)] }, 'dependents'), true);
  assert.equal(isDeprived(ND07, { ...household(), members: [...household().members, kid(8), elder(false)] }, 'dependents'), false);
  // Disabled working-age member with allowance counts.
  const disabled = adult({ dateOfBirth: bornForAge(40), disability: 'severe', monthlySocialAllowance: true, ableToWork: false });
  assert.equal(isDeprived(ND07, { ...household(), members: [...household().members, kid(8), disabled] }, 'dependents'), true);
  assert.equal(evaluate(ND07, twoMore, 'dependents').reason, 'Tỷ lệ người phụ thuộc 3/5 (60%) > 50%');
});

test('employment: working-age members unemployed or wage workers without contract', () => {
  const cases: [Partial<MemberInput>, boolean][] = [
    [{ employment: 'unemployed' }, true],
    [{ employment: 'wage_employed', hasLabourContract: false }, true],
    [{ employment: 'wage_employed', hasLabourContract: true }, false],
    [{ employment: 'self_employed' }, false],
    [{ employment: 'not_in_labour_force' }, false],
    [{ employment: 'unemployed', ableToWork: false }, false],
    [{ employment: 'unemployed', dateOfBirth: bornForAge(14) }, false],
    [{ employment: 'unemployed', dateOfBirth: bornForAge(15), highestCompletedLevel: 'lower_secondary' }, true],
  ];
  for (const s of [ND07, ND351]) {
    for (const [facts, expected] of cases) {
      const member = adult({ name: 'Lao động', ...facts });
      const h = withMember(facts.dateOfBirth === bornForAge(14) ? { ...member, attendingSchool: true, attendingLevel: 'lower_secondary' } : member);
      assert.equal(isDeprived(s, h, 'employment'), expected, `${s.id} ${JSON.stringify(facts)}`);
    }
  }
});

test('employment: upper bound of working age follows the Decree 135/2020 schedule by sex and year', () => {
  // At 2025-11-15 the retirement age is 61y3m (men) and 56y8m (women); retirement at the end of the month reached.
  const cases: [string, 'male' | 'female', boolean][] = [
    ['1964-08-20', 'male', true], // reaches 61y3m in Nov 2025 → still working age in Nov 2025
    ['1964-07-20', 'male', false], // reached in Oct 2025
    ['1969-03-10', 'female', true], // reaches 56y8m in Nov 2025
    ['1969-02-10', 'female', false],
  ];
  for (const [dob, sex, expected] of cases) {
    const h = withMember(adult({ dateOfBirth: dob, sex, employment: 'unemployed' }));
    assert.equal(isDeprived(ND07, h, 'employment'), expected, `${sex} ${dob}`);
  }
});

test('missing facts needed by an indicator are input errors, not silent non-deprivation', () => {
  const noInsurance = withMember(adult({ healthInsurance: undefined }));
  assert.throws(() => deriveIndicators(noInsurance, ND07, REFERENCE_DATE), /healthInsurance/);
  const noEmployment = withMember(adult({ employment: undefined }));
  assert.throws(() => deriveIndicators(noEmployment, ND07, REFERENCE_DATE), /employment/);
  assert.doesNotThrow(() => deriveIndicators(noEmployment, QD59, REFERENCE_DATE));
  assert.throws(() => deriveIndicators(household({ housing: undefined }), ND07, REFERENCE_DATE), /housing/);
  assert.throws(() => deriveIndicators(household({ usesTelephone: undefined, usesInternet: false }), QD59, REFERENCE_DATE), /usesTelephone/);
  assert.throws(() => deriveIndicators(withMember(child({ attendingSchool: undefined })), ND07, REFERENCE_DATE), /attendingSchool/);
});

test('ages: birth year only uses the configurable convention (default 1 January)', () => {
  // Born 2019, reference 2025-11-15: 6 years old under 1 January, 5 under 31 December.
  const h = withMember(child({ dateOfBirth: undefined, birthYear: 2019, healthInsurance: false, attendingLevel: 'primary' }));
  assert.equal(isDeprived(ND07, h, 'health_insurance'), true);
  const lateConvention = withParameterOverrides(ND07, { birthYearConvention: 'december_31' });
  assert.equal(isDeprived(lateConvention, h, 'health_insurance'), false);
});

test('bad dates are input errors', () => {
  assert.throws(() => deriveIndicators(withMember(adult({ dateOfBirth: '1980-02-30' })), ND07, REFERENCE_DATE), /ngày sinh/);
  assert.throws(() => deriveIndicators(withMember(adult({ dateOfBirth: '2026-01-01' })), ND07, REFERENCE_DATE), /sau ngày rà soát/);
  assert.throws(() => deriveIndicators({ ...household(), referenceDate: '15/11/2025' }, ND07, REFERENCE_DATE), /YYYY-MM-DD/);
});

/** Standards as data: identifiers, lines, parameters, overrides, local standards, registry. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BAC_NINH_2022_2025,
  ND07_2021,
  NATIONAL_STANDARDS,
  ParameterOverrideError,
  StandardRegistry,
  UnknownStandardError,
  defineLocalStandard,
  describeParameters,
  findStandardProblems,
  getStandard,
  lines,
  listIndicators,
  overridableParameters,
  withParameterOverrides,
} from '../../../src/domain/index.ts';

test('indicator ids per standard are exactly those of the issue, in order', () => {
  const expected: Record<string, string[]> = {
    QD59_2015: ['health_access', 'health_insurance', 'adult_education', 'child_schooling', 'housing_quality', 'housing_area',
      'water_source', 'latrine', 'telecom', 'information_assets'],
    ND07_2021: ['employment', 'dependents', 'nutrition', 'health_insurance', 'adult_education', 'child_schooling',
      'housing_quality', 'housing_area', 'water_source', 'latrine', 'telecom', 'information_assets'],
    ND351_2025: ['employment', 'dependents', 'nutrition', 'health_insurance', 'adult_education', 'child_schooling',
      'housing_quality', 'housing_area', 'water_source', 'latrine', 'waste_treatment', 'telecom'],
  };
  for (const [id, ids] of Object.entries(expected)) assert.deepEqual(getStandard(id).indicators.map((i) => i.id), ids);
});

test('confirmed income lines and years', () => {
  const q = getStandard('QD59_2015').parameters;
  assert.deepEqual([q.incomeLine.rural.value, q.incomeLine.urban.value, q.nearPoorIncomeLine?.rural.value, q.nearPoorIncomeLine?.urban.value], [700_000, 900_000, 1_000_000, 1_300_000]);
  const n = getStandard('ND07_2021').parameters;
  assert.deepEqual([n.incomeLine.rural.value, n.incomeLine.urban.value, n.scoreALine?.rural.value, n.scoreALine?.urban.value], [1_500_000, 2_000_000, 140, 175]);
  assert.deepEqual([n.averageLivingStandardUpper?.rural.value, n.averageLivingStandardUpper?.urban.value], [2_250_000, 3_000_000]);
  assert.deepEqual([n.lowIncomeWorkerIncomeLine?.rural.value, n.lowIncomeWorkerIncomeLine?.urban.value], [2_250_000, 3_000_000]);
  assert.equal(n.scoreBPointsPerIndicator, 10);
  const r = getStandard('ND351_2025').parameters;
  assert.deepEqual([r.incomeLine.rural.value, r.incomeLine.urban.value], [2_200_000, 2_800_000]);
  assert.equal(r.averageLivingStandardUpper, null);
  for (const s of NATIONAL_STANDARDS) {
    assert.equal(s.parameters.incomeLine.rural.operator, '<=');
    assert.deepEqual(s.parameters.deprivationThreshold, { value: 3, operator: '>=' });
  }
  assert.deepEqual(NATIONAL_STANDARDS.map((s) => [s.years.from, s.years.to]), [[2016, 2021], [2022, 2026], [2027, 2030]]);
});

test('every standard is valid, frozen, fully described and its MPI weights sum to 1', () => {
  const registry = new StandardRegistry();
  for (const s of registry.list()) {
    assert.deepEqual(findStandardProblems(s), [], s.id);
    assert.ok(Object.isFrozen(s) && Object.isFrozen(s.parameters), s.id);
    assert.deepEqual(Object.keys(s.parameterInfo).toSorted(), Object.keys(s.parameters).toSorted(), s.id);
    const total = listIndicators(s).reduce((sum, i) => sum + i.weight, 0);
    assert.ok(Math.abs(total - 1) < 1e-12, `${s.id} weights sum ${total}`);
    for (const i of listIndicators(s)) assert.ok(i.label && i.shortLabel && i.dimensionLabel, `${s.id}/${i.id}`);
  }
});

test('[S] and UNCONFIRMED values are overridable parameters; [C] values are not', () => {
  const keys = overridableParameters(ND07_2021);
  for (const k of ['healthInsuranceMinAge', 'housingAreaPerCapita', 'dependents', 'adultEducation', 'childSchooling', 'safeWaterSources',
    'hygienicLatrines', 'informationDevices', 'averageLivingStandardUpper', 'lowIncomeWorkerEffectiveUntil', 'birthYearConvention', 'indicatorWeights']) {
    assert.ok(keys.includes(k as never), k);
  }
  for (const k of ['incomeLine', 'deprivationThreshold', 'scoreALine', 'scoreBPointsPerIndicator', 'lowIncomeWorkerIncomeLine']) {
    assert.ok(!keys.includes(k as never), k);
    assert.throws(() => withParameterOverrides(ND07_2021, { [k]: null } as never), ParameterOverrideError);
  }
  assert.throws(() => withParameterOverrides(ND07_2021, { noSuchThing: 1 } as never), /không tồn tại/);
  const changed = withParameterOverrides(ND07_2021, { housingAreaPerCapita: { value: 10, operator: '<' } });
  assert.equal(changed.parameters.housingAreaPerCapita.value, 10);
  assert.equal(ND07_2021.parameters.housingAreaPerCapita.value, 8);
  assert.equal(describeParameters(changed).find((p) => p.key === 'housingAreaPerCapita')?.overridden, true);
  assert.throws(() => withParameterOverrides(ND07_2021, { housingAreaPerCapita: { value: 8, operator: '>' } }), /không hợp lệ/);
});

test('local standards: Bắc Ninh beside the national one, and a deployment-defined one', () => {
  assert.equal(BAC_NINH_2022_2025.scope.kind, 'local');
  assert.deepEqual([BAC_NINH_2022_2025.parameters.incomeLine.rural.value, BAC_NINH_2022_2025.parameters.incomeLine.urban.value], [1_750_000, 2_250_000]);
  assert.deepEqual(BAC_NINH_2022_2025.indicators, ND07_2021.indicators);
  const registry = new StandardRegistry();
  const hcm = defineLocalStandard({
    id: 'HCM_2022_2025', provinceName: 'Hồ Chí Minh', provinceCode: '79', base: ND07_2021, years: { from: 2022, to: 2025 },
    incomeLine: lines(2_500_000, 3_000_000), legalBasis: [{ document: 'NQ HĐND', title: 'Chuẩn nghèo TP.HCM' }],
  });
  registry.register(hcm);
  assert.deepEqual(registry.localForYear(2023, { code: '79' }).map((s) => s.id), ['HCM_2022_2025']);
  assert.deepEqual(registry.localForYear(2023, { name: 'Bắc Ninh' }).map((s) => s.id), ['BAC_NINH_2022_2025']);
  assert.deepEqual(registry.localForYear(2026, { name: 'Bắc Ninh' }), []);
  assert.equal(registry.nationalForYear(2023)?.id, 'ND07_2021');
  assert.throws(() => defineLocalStandard({ id: 'bad id', provinceName: 'X', base: ND07_2021, years: { from: 2022, to: 2025 }, incomeLine: lines(1, 2), legalBasis: [] }), /mã chuẩn/);
});

test('registry: unknown ids and overrides', () => {
  const registry = new StandardRegistry();
  assert.throws(() => registry.get('ND99'), (e: unknown) => e instanceof UnknownStandardError && /Không có chuẩn nghèo "ND99"/.test(e.message));
  registry.override('ND07_2021', { healthInsuranceMinAge: 0 });
  assert.equal(registry.get('ND07_2021').parameters.healthInsuranceMinAge, 0);
  assert.equal(getStandard('ND07_2021').parameters.healthInsuranceMinAge, 6);
});

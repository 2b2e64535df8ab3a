import assert from 'node:assert/strict';
import test from 'node:test';
import {
  createMpiSpec, formatRational, MPI_STANDARD_IDS, nestedEqualWeights, officialNestedWeights, OFFICIAL_INDICATOR_SETS,
  toRational,
} from '../../../src/domain/mpi/index.ts';

function weightsOf(list: ReturnType<typeof nestedEqualWeights>): Record<string, string> {
  return Object.fromEntries(list.map((w) => [w.name, formatRational(toRational(w.weight) ?? { num: 0n, den: 1n })]));
}

test('nested equal weights reproduce mpitbR\'s three-dimension example', () => {
  const w = weightsOf(nestedEqualWeights([
    { id: 'd1', indicators: ['d_nutr', 'd_cm'] },
    { id: 'd2', indicators: ['d_satt', 'd_educ'] },
    { id: 'd3', indicators: ['d_elct', 'd_sani', 'd_wtr', 'd_hsg', 'd_ckfl', 'd_asst'] },
  ]));
  assert.deepEqual(w, {
    d_nutr: '1/6', d_cm: '1/6', d_satt: '1/6', d_educ: '1/6',
    d_elct: '1/18', d_sani: '1/18', d_wtr: '1/18', d_hsg: '1/18', d_ckfl: '1/18', d_asst: '1/18',
  });
});

test('official sets: indicator ids and weights of each standard', () => {
  assert.deepEqual(MPI_STANDARD_IDS, ['QD59_2015', 'ND07_2021', 'ND351_2025']);
  const qd59 = weightsOf(officialNestedWeights('QD59_2015'));
  assert.deepEqual(Object.keys(qd59), [
    'health_access', 'health_insurance', 'adult_education', 'child_schooling', 'housing_quality', 'housing_area',
    'water_source', 'latrine', 'telecom', 'information_assets',
  ]);
  assert.ok(Object.values(qd59).every((w) => w === '1/10'));
  const nd07 = weightsOf(officialNestedWeights('ND07_2021'));
  assert.deepEqual(Object.keys(nd07), [
    'employment', 'dependents', 'nutrition', 'health_insurance', 'adult_education', 'child_schooling',
    'housing_quality', 'housing_area', 'water_source', 'latrine', 'telecom', 'information_assets',
  ]);
  assert.ok(Object.values(nd07).every((w) => w === '1/12'));
  const nd351 = weightsOf(officialNestedWeights('ND351_2025'));
  assert.deepEqual(Object.keys(nd351).toSorted(), [
    'adult_education', 'child_schooling', 'dependents', 'employment', 'health_insurance', 'housing_area',
    'housing_quality', 'latrine', 'nutrition', 'telecom', 'waste_treatment', 'water_source',
  ]);
  assert.equal(nd351.telecom, '1/6');
  assert.equal(nd351.waste_treatment, '1/18');
  assert.equal(nd351.water_source, '1/18');
  assert.equal(nd351.employment, '1/12');
  for (const id of MPI_STANDARD_IDS) {
    assert.equal(OFFICIAL_INDICATOR_SETS[id].length, id === 'QD59_2015' ? 5 : 6);
    assert.doesNotThrow(() => createMpiSpec({ indicators: officialNestedWeights(id), k: 33 }), id);
  }
});

test('empty structures are rejected', () => {
  assert.throws(() => nestedEqualWeights([]), /ít nhất một chiều/);
  assert.throws(() => nestedEqualWeights([{ id: 'x', indicators: [] }]), /Chiều "x"/);
});

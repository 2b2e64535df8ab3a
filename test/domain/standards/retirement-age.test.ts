/** Decree 135/2020 retirement-age schedule as data. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { retirementAgeMonths, retirementMonthIndex } from '../../../src/domain/index.ts';

const ym = (y: number, m: number) => y * 12 + m - 1;

test('schedule: men +3 months a year from 60y3m to 62y, women +4 months from 55y4m to 60y', () => {
  const cases: [number, number, number][] = [
    [2019, 720, 660], [2020, 720, 660], [2021, 723, 664], [2024, 732, 676], [2025, 735, 680],
    [2028, 744, 692], [2030, 744, 700], [2035, 744, 720], [2050, 744, 720],
  ];
  for (const [year, male, female] of cases) {
    assert.equal(retirementAgeMonths('male', year), male, `men ${year}`);
    assert.equal(retirementAgeMonths('female', year), female, `women ${year}`);
  }
  assert.equal(retirementAgeMonths('female', 2030, 'labour_code_2012'), 660);
});

test('retirement month follows Decree 135/2020 Annex I', () => {
  assert.equal(retirementMonthIndex('male', ym(1961, 1)), ym(2021, 4));
  assert.equal(retirementMonthIndex('male', ym(1961, 9)), ym(2021, 12));
  assert.equal(retirementMonthIndex('male', ym(1961, 10)), ym(2022, 4));
  assert.equal(retirementMonthIndex('male', ym(1960, 12)), ym(2020, 12));
  assert.equal(retirementMonthIndex('female', ym(1966, 1)), ym(2021, 5));
  assert.equal(retirementMonthIndex('female', ym(1966, 8)), ym(2021, 12));
  assert.equal(retirementMonthIndex('female', ym(1966, 9)), ym(2022, 5));
});

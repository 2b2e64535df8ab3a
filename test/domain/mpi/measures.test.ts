/** Hand-computed small cases for H, A, M0, headcount ratios, contributions and subgroups. */
import assert from 'node:assert/strict';
import test from 'node:test';
import { computeMpi, MpiAccumulator, type MpiRow } from '../../../src/domain/mpi/index.ts';

const spec = { indicators: { a: '1/2', b: '1/4', c: '1/4' }, k: 50 };
// c: 1/2 (poor), 1/2 (poor), 1/4, 0
const rows: MpiRow[] = [
  { deprivations: [1, 0, 0], weight: 2, group: 'X' },
  { deprivations: [0, 1, 1], weight: 1, group: 'Y' },
  { deprivations: [0, 1, 0], weight: 1, group: 'X' },
  { deprivations: [0, 0, 0], weight: 4, group: 'Y' },
];

function close(actual: number, expected: number, label: string, tolerance = 1e-15): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${label}: ${actual} ≠ ${expected}`);
}

test('household-weighted (every row weighs 1)', () => {
  const r = computeMpi(rows.map((row) => ({ deprivations: row.deprivations })), spec);
  close(r.H, 2 / 4, 'H');
  close(r.A, 1 / 2, 'A');
  close(r.M0, 1 / 4, 'M0');
  assert.equal(r.rows, 4);
  assert.equal(r.poorRows, 2);
  close(r.indicators.a.uncensored, 1 / 4, 'a uncensored');
  close(r.indicators.b.uncensored, 2 / 4, 'b uncensored');
  close(r.indicators.c.uncensored, 1 / 4, 'c uncensored');
  close(r.indicators.a.censored, 1 / 4, 'a censored');
  close(r.indicators.b.censored, 1 / 4, 'b censored');
  close(r.indicators.c.censored, 1 / 4, 'c censored');
  close(r.indicators.a.contributionAbsolute, 1 / 8, 'a absolute');
  close(r.indicators.a.contribution, 1 / 2, 'a share');
  close(r.indicators.b.contribution, 1 / 4, 'b share');
  close(r.indicators.c.contributionPercent, 25, 'c percent');
  assert.deepEqual(r.subgroups, {});
  assert.deepEqual(r.specification, { k: '50', weights: { a: '1/2', b: '1/4', c: '1/4' } });
});

test('person-weighted (weight = household size)', () => {
  const r = computeMpi(rows, spec);
  close(r.population, 8, 'population');
  close(r.H, 3 / 8, 'H');
  close(r.A, 1 / 2, 'A');
  close(r.M0, 3 / 16, 'M0');
  close(r.indicators.a.censored, 2 / 8, 'a censored');
  close(r.indicators.b.uncensored, 2 / 8, 'b uncensored');
  close(r.indicators.b.censored, 1 / 8, 'b censored');
  const shares = Object.values(r.indicators).map((i) => i.contributionPercent);
  close(shares.reduce((s, x) => s + x, 0), 100, 'contributions', 1e-12);
  const absolute = Object.values(r.indicators).map((i) => i.contributionAbsolute);
  close(absolute.reduce((s, x) => s + x, 0), r.M0, 'absolute contributions');
});

test('subgroups: measures by group, population shares and M0 decomposition', () => {
  const r = computeMpi(rows, spec);
  const { X, Y } = r.subgroups;
  close(X.populationShare, 3 / 8, 'X share');
  close(Y.populationShare, 5 / 8, 'Y share');
  close(X.H, 2 / 3, 'X H');
  close(X.M0, 1 / 3, 'X M0');
  close(Y.H, 1 / 5, 'Y H');
  close(Y.A, 1 / 2, 'Y A');
  close(Y.M0, 1 / 10, 'Y M0');
  close(X.populationShare * X.M0 + Y.populationShare * Y.M0, r.M0, 'Σ share·M0');
  close(X.populationShare * X.H + Y.populationShare * Y.H, r.H, 'Σ share·H');
  close(X.contributionToM0, (3 / 8) * (1 / 3) / (3 / 16), 'X contribution');
  close(X.contributionToM0 + Y.contributionToM0, 1, 'Σ contributions');
});

test('nobody poor: A = 0, M0 = 0, contributions 0; zero-weight rows do not count', () => {
  const acc = new MpiAccumulator(spec);
  acc.add({ deprivations: [0, 1, 0] });
  acc.add({ deprivations: [1, 1, 1], weight: 0 });
  const r = acc.result();
  assert.equal(r.H, 0);
  assert.equal(r.A, 0);
  assert.equal(r.M0, 0);
  assert.equal(r.indicators.a.contribution, 0);
  assert.equal(r.indicators.b.uncensored, 1);
  assert.equal(r.rows, 2);
  assert.equal(r.poorRows, 1);
});

test('fractional sampling weights are summed without drift', () => {
  const acc = new MpiAccumulator({ indicators: { a: 1 }, k: 100 });
  for (let i = 0; i < 1_000_000; i++) acc.add({ deprivations: [i % 10 === 0 ? 1 : 0], weight: 0.1 });
  const r = acc.result();
  close(r.population, 100_000, 'population');
  close(r.H, 0.1, 'H');
});

import assert from 'node:assert/strict';
import test from 'node:test';
import { compareMpi, computeMpi, MpiInputError } from '../../../src/domain/mpi/index.ts';

const spec = { indicators: { a: '1/2', b: '1/2' }, k: 50 };
const before = computeMpi([
  { deprivations: [1, 1], group: 'N' },
  { deprivations: [1, 0], group: 'N' },
  { deprivations: [0, 0], group: 'S' },
  { deprivations: [0, 1], group: 'S' },
], spec);
const after = computeMpi([
  { deprivations: [1, 0], group: 'N' },
  { deprivations: [0, 0], group: 'N' },
  { deprivations: [0, 0], group: 'S' },
  { deprivations: [0, 0], group: 'T' },
], spec);

test('absolute, relative and annualised changes of H, A, M0 and indicators', () => {
  const c = compareMpi(before, after, { years: 2 });
  assert.equal(before.H, 0.75);
  assert.equal(after.H, 0.25);
  assert.equal(c.H.absolute, -0.5);
  assert.equal(c.H.relative, -2 / 3);
  assert.equal(c.H.annualisedAbsolute, -0.25);
  assert.ok(Math.abs((c.H.annualisedRelative ?? 0) - (Math.sqrt(1 / 3) - 1)) < 1e-15);
  assert.equal(c.A.before, 2 / 3);
  assert.equal(c.A.after, 1 / 2);
  assert.equal(c.M0.absolute, 0.125 - 0.5);
  assert.equal(c.indicators.b.uncensored.absolute, -0.5);
  assert.equal(c.indicators.a.censored.after, 0.25);
  assert.equal(c.years, 2);
  assert.deepEqual(Object.keys(c.subgroups), ['N', 'S']);
  assert.equal(c.subgroups.S.H.after, 0);
  assert.equal(c.subgroups.S.H.relative, -1);
  assert.equal(c.subgroups.S.H.annualisedRelative, -1);
});

test('without a period length the annualised changes are null; from zero the relative ones are null', () => {
  const c = compareMpi(after, before);
  assert.equal(c.H.annualisedAbsolute, null);
  assert.equal(c.H.annualisedRelative, null);
  assert.equal(c.subgroups.S.H.before, 0);
  assert.equal(c.subgroups.S.H.relative, null);
});

test('results with different weights or k cannot be compared', () => {
  const other = computeMpi([{ deprivations: [1, 1] }], { indicators: spec.indicators, k: 100 });
  assert.throws(() => compareMpi(before, other), (e: unknown) => e instanceof MpiInputError && /cùng bộ chỉ số/.test(e.message));
  assert.throws(() => compareMpi(before, after, { years: 0 }), /Số năm/);
});

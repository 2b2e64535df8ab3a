/**
 * Exact identification: a row is poor iff c ≥ k/100, decided with integers. Each boundary case
 * below is one that naive floating-point arithmetic gets wrong.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import { createMpiSpec, MpiAccumulator, MpiInputError } from '../../../src/domain/mpi/index.ts';

/** What naive double arithmetic would decide: Σ w_j ≥ k/100. */
function naivePoor(weights: number[], k: number): boolean {
  return weights.reduce((s, w) => s + w, 0) >= k / 100;
}

function isPoor(indicators: Record<string, string>, k: string, row: Array<0 | 1>): boolean {
  return new MpiAccumulator({ indicators, k }).add({ deprivations: row });
}

test('0.7 + 0.1 reaches k = 80 % exactly (doubles give 0.7999999999999999)', () => {
  assert.equal(naivePoor([0.7, 0.1], 80), false);
  assert.equal(isPoor({ a: '0.7', b: '0.1', c: '0.2' }, '80', [1, 1, 0]), true);
  assert.equal(isPoor({ a: '0.7', b: '0.1', c: '0.2' }, '80', [1, 0, 0]), false);
});

test('weights 1/3: c = 1/3 meets k = 100/3 and c = 2/3 meets k = 200/3', () => {
  assert.equal(naivePoor([1 / 3], 100 / 3), false);
  assert.equal(naivePoor([1 / 3, 1 / 3], 200 / 3), false);
  const w = { a: '1/3', b: '1/3', c: '1/3' };
  assert.equal(isPoor(w, '100/3', [1, 0, 0]), true);
  assert.equal(isPoor(w, '100/3', [0, 0, 0]), false);
  assert.equal(isPoor(w, '200/3', [1, 1, 0]), true);
  assert.equal(isPoor(w, '200/3', [0, 0, 1]), false);
});

test('k given with more digits than a double holds is honoured exactly', () => {
  const w = { a: '1/3', b: '1/3', c: '1/3' };
  assert.equal(isPoor(w, '33.333333333333333333', [1, 0, 0]), true);
  assert.equal(isPoor(w, '33.333333333333333334', [1, 0, 0]), false);
  assert.equal(isPoor(w, '33.34', [1, 0, 0]), false);
});

test('k = 100 requires deprivation in every indicator; k = 33 with 1/6, 1/18 weights means c ≥ 6/18', () => {
  assert.equal(isPoor({ a: '1/2', b: '1/2' }, '100', [1, 1]), true);
  assert.equal(isPoor({ a: '1/2', b: '1/2' }, '100', [1, 0]), false);
  const spec = createMpiSpec({ indicators: { a: '1/6', b: '1/6', c: '1/6', d: '1/2' }, k: 33 });
  assert.equal(spec.denominator, 6n);
  assert.equal(spec.threshold, 2n);
});

test('huge denominators fall back to BigInt and stay exact', () => {
  const w = { a: '1/1000000007', b: '1/1000000009', c: `${1000000007n * 1000000009n - 1000000009n - 1000000007n}/${1000000007n * 1000000009n}` };
  const spec = createMpiSpec({ indicators: w, k: '100' });
  assert.equal(spec.safeIntegers, false);
  const acc = new MpiAccumulator(spec);
  assert.equal(acc.add({ deprivations: [1, 1, 1] }), true);
  assert.equal(acc.add({ deprivations: [0, 1, 1] }), false);
  const r = acc.result();
  assert.equal(r.H, 0.5);
  assert.ok(Math.abs(r.A - 1) < 1e-15);
});

test('invalid specifications are rejected with Vietnamese messages', () => {
  const cases: Array<[Record<string, string>, string, string]> = [
    [{ a: '0.5', b: '0.4' }, '50', 'weights-sum'],
    [{ a: '0.1667', b: '0.1667', c: '0.6667' }, '50', 'weights-sum'],
    [{ a: 'x', b: '1' }, '50', 'invalid-weight'],
    [{ a: '0', b: '1' }, '50', 'invalid-weight'],
    [{ a: '1/2', b: '1/2' }, '0', 'invalid-k'],
    [{ a: '1/2', b: '1/2' }, '100.5', 'invalid-k'],
    [{ a: '1/2', b: '1/2' }, 'abc', 'invalid-k'],
  ];
  for (const [indicators, k, code] of cases) {
    assert.throws(() => createMpiSpec({ indicators, k }), (e: unknown) => e instanceof MpiInputError && e.code === code, code);
  }
  assert.throws(() => createMpiSpec({ indicators: { a: '1/2', b: '1/2' }, k: 0 }), /Ngưỡng nghèo k/);
  assert.throws(() => createMpiSpec({ indicators: { a: '0.5', b: '0.4' }, k: 50 }), /Tổng trọng số các chỉ số phải bằng đúng 1, hiện là 9\/10/);
});

test('rows with values other than 0/1 or negative weights are rejected', () => {
  const acc = new MpiAccumulator({ indicators: { a: '1/2', b: '1/2' }, k: 50 });
  assert.throws(() => acc.add({ deprivations: [1, 2 as 1] }), /chỉ số "b"/);
  assert.throws(() => acc.add({ deprivations: { a: 1 } }), /chỉ số "b"/);
  assert.throws(() => acc.add({ deprivations: [1] }), /cần 2/);
  assert.throws(() => acc.add({ deprivations: [1, 0], weight: -1 }), /trọng số/);
  assert.throws(() => acc.add({ deprivations: [1, 0], weight: Number.NaN }), /trọng số/);
  assert.equal(acc.add({ deprivations: { a: true, b: false } }), true);
});

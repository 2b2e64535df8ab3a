import assert from 'node:assert/strict';
import test from 'node:test';
import {
  compareRationals, formatRational, parseRational, rational, rationalToNumber, toRational,
} from '../../../src/domain/mpi/index.ts';

test('parseRational reads decimals and fractions exactly', () => {
  assert.deepEqual(parseRational('1/6'), rational(1n, 6n));
  assert.deepEqual(parseRational('0.25'), rational(1n, 4n));
  assert.deepEqual(parseRational(' 33 '), rational(33n));
  assert.deepEqual(parseRational('.5'), rational(1n, 2n));
  assert.deepEqual(parseRational('2/4'), rational(1n, 2n));
  assert.deepEqual(parseRational('0.5/3'), rational(1n, 6n));
  assert.deepEqual(parseRational('1e-2'), rational(1n, 100n));
  assert.deepEqual(parseRational('100/3'), rational(100n, 3n));
  assert.equal(formatRational(parseRational('0.1666') ?? rational(0n)), '833/5000');
});

test('parseRational rejects non-numbers', () => {
  for (const bad of ['', 'abc', '1/0', '1/2/3', '0x10', '1,5', 'NaN', 'Infinity', '1e999999']) {
    assert.equal(parseRational(bad), undefined, bad);
  }
});

test('toRational converts numbers through their decimal form', () => {
  assert.deepEqual(toRational(0.1), rational(1n, 10n));
  assert.deepEqual(toRational(3n), rational(3n));
  assert.equal(toRational(Number.NaN), undefined);
});

test('comparison is exact where doubles are not', () => {
  const third = rational(1n, 3n);
  const k = rational(33333333333333333333n, 100000000000000000000n);
  assert.equal(compareRationals(third, k), 1);
  assert.equal(compareRationals(rational(1n, 3n), rational(2n, 6n)), 0);
  assert.equal(rationalToNumber(rational(1n, 3n)), 1 / 3);
  assert.equal(rationalToNumber(rational(10n ** 30n, 3n * 10n ** 30n)), 1 / 3);
});

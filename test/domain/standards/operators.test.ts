/** Threshold operators and their precompiled inclusive form. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { inclusiveUpperBound, minimumCount, nextDown, satisfies, type Threshold } from '../../../src/domain/index.ts';

test('satisfies applies the operator as data', () => {
  assert.equal(satisfies(8, { value: 8, operator: '<' }), false);
  assert.equal(satisfies(7.999, { value: 8, operator: '<' }), true);
  assert.equal(satisfies(1_500_000, { value: 1_500_000, operator: '<=' }), true);
  assert.equal(satisfies(0.5, { value: 0.5, operator: '>' }), false);
  assert.equal(satisfies(3, { value: 3, operator: '>=' }), true);
});

test('property: x op t ⇔ x <= inclusiveUpperBound(t) for upper bounds', () => {
  fc.assert(fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), fc.constantFrom<'<=' | '<'>('<=', '<'), (x, v, operator) => {
    const t: Threshold = { value: v, operator };
    return satisfies(x, t) === (x <= inclusiveUpperBound(t));
  }));
  assert.equal(nextDown(1) < 1, true);
  assert.equal(nextDown(0), -Number.MIN_VALUE);
  assert.throws(() => inclusiveUpperBound({ value: 1, operator: '>' }), RangeError);
});

test('minimumCount turns a lower bound into the smallest count', () => {
  assert.equal(minimumCount({ value: 3, operator: '>=' }), 3);
  assert.equal(minimumCount({ value: 3, operator: '>' }), 4);
  assert.equal(minimumCount({ value: 30, operator: '>=' }, 10), 3);
  assert.equal(minimumCount({ value: 30, operator: '>=' }, 15), 2);
});

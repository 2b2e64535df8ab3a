/** Counting per unit: a pure reducer, mergeable, balanced (start − out + in = end). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  addMovementRow,
  emptyMovementTally,
  listMovementTotals,
  mergeMovementTallies,
  movementBalanceProblems,
  tallyMovementsByUnit,
  tallyMovementsByUnitAsync,
  type MovementRow,
  type MovementTally,
} from '../../../src/domain/movements/index.ts';

const ROWS: Array<MovementRow & { unit: string }> = [
  { unit: 'X1', previous: 'poor', current: 'poor', persons: 5 },
  { unit: 'X1', previous: 'poor', current: 'near_poor', persons: 4 },
  { unit: 'X1', previous: 'poor', current: 'none', persons: 3 },
  { unit: 'X1', previous: 'poor', current: 'none', exitReason: 'moved_away', persons: 2 },
  { unit: 'X1', previous: 'near_poor', current: 'poor', persons: 6 },
  { unit: 'X1', previous: 'none', current: 'poor', wasPoorBefore: true, persons: 4 },
  { unit: 'X1', previous: 'none', current: 'poor', persons: 7 },
  { unit: 'X1', previous: 'none', current: 'poor', entryReason: 'moved_in', persons: 1 },
  { unit: 'X2', previous: 'near_poor', current: 'none', persons: 3 },
  { unit: 'X2', previous: 'none', current: 'near_poor', persons: 5 },
  { unit: 'X2', previous: 'none', current: 'none', persons: 4 },
];

test('a constructed commune: each column and the balance', () => {
  const t = ROWS.filter((r) => r.unit === 'X1').reduce<MovementTally>((acc, row) => addMovementRow(acc, row), emptyMovementTally());
  const h = t.households;
  assert.equal(h.poorStart, 4);
  assert.equal(h.poorEnd, 5);
  assert.equal(h.movements.poor_out_to_near_poor, 1);
  assert.equal(h.movements.poor_out_above_near_poor, 1);
  assert.equal(h.movements.poor_out_other, 1);
  assert.equal(h.movements.poor_in_from_near_poor, 1);
  assert.equal(h.movements.poor_in_relapse, 1);
  assert.equal(h.movements.poor_in_new, 1);
  assert.equal(h.movements.poor_in_other, 1);
  assert.deepEqual(listMovementTotals(h, 'poor'), { decrease: 3, increase: 4 });
  assert.equal(h.nearPoorStart, 1);
  assert.equal(h.nearPoorEnd, 1);
  assert.equal(h.movements.near_poor_out_to_poor, 1);
  assert.equal(h.movements.near_poor_in_from_poor, 1);
  assert.equal(t.persons.poorStart, 5 + 4 + 3 + 2);
  assert.equal(t.persons.poorEnd, 5 + 6 + 4 + 7 + 1);
  assert.deepEqual(movementBalanceProblems(t), []);
});

test('the reducer does not modify its input, and units add up', () => {
  const empty = emptyMovementTally();
  const one = addMovementRow(empty, ROWS[0]);
  assert.equal(empty.households.poorStart, 0);
  assert.equal(one.households.poorStart, 1);
  const byUnit = tallyMovementsByUnit(ROWS, (r) => r.unit);
  assert.deepEqual([...byUnit.keys()], ['X1', 'X2']);
  const province = mergeMovementTallies(byUnit.get('X1') ?? empty, byUnit.get('X2') ?? empty);
  const all = ROWS.reduce<MovementTally>((acc, row) => addMovementRow(acc, row), empty);
  assert.deepEqual(province, all);
});

test('an async source (cursor, stream) gives the same tallies', async () => {
  async function* stream() {
    for (const row of ROWS) yield row;
  }
  const fromStream = await tallyMovementsByUnitAsync(stream(), (r) => r.unit);
  assert.deepEqual(fromStream, tallyMovementsByUnit(ROWS, (r) => r.unit));
});

test('an unbalanced tally (e.g. from hand-written SQL) is reported in Vietnamese', () => {
  const t = addMovementRow(emptyMovementTally(), ROWS[1]);
  const broken: MovementTally = { ...t, households: { ...t.households, poorEnd: 1 } };
  assert.deepEqual(movementBalanceProblems(broken), ['Hộ — hộ nghèo: đầu kỳ 1 − giảm 1 + tăng 0 ≠ cuối kỳ 1']);
  assert.throws(() => addMovementRow(emptyMovementTally(), { previous: 'poor', current: 'poor', persons: -1 }), /Số nhân khẩu không hợp lệ/);
});

const statusArb = fc.constantFrom('poor' as const, 'near_poor' as const, 'none' as const);
const rowArb: fc.Arbitrary<MovementRow> = fc
  .record({
    previous: statusArb,
    current: statusArb,
    exit: fc.constantFrom(null, 'moved_away' as const, 'dissolved' as const, 'deceased' as const),
    entry: fc.constantFrom(null, 'moved_in' as const, 'split' as const),
    wasPoorBefore: fc.boolean(),
    wasNearPoorBefore: fc.boolean(),
    persons: fc.integer({ min: 0, max: 12 }),
  })
  .map((r) => ({
    previous: r.entry === null ? r.previous : 'none',
    current: r.current,
    exitReason: r.exit,
    entryReason: r.entry,
    wasPoorBefore: r.wasPoorBefore,
    wasNearPoorBefore: r.wasNearPoorBefore,
    persons: r.persons,
  }));

test('property: every tally balances, and tallying is order-independent and splits into mergeable parts', () => {
  fc.assert(
    fc.property(fc.array(rowArb, { maxLength: 60 }), fc.nat(60), (rows, cut) => {
      const whole = rows.reduce<MovementTally>((acc, r) => addMovementRow(acc, r), emptyMovementTally());
      assert.deepEqual(movementBalanceProblems(whole), []);
      const reversed = rows.toReversed().reduce<MovementTally>((acc, r) => addMovementRow(acc, r), emptyMovementTally());
      assert.deepEqual(reversed, whole);
      const k = Math.min(cut, rows.length);
      const a = rows.slice(0, k).reduce<MovementTally>((acc, r) => addMovementRow(acc, r), emptyMovementTally());
      const b = rows.slice(k).reduce<MovementTally>((acc, r) => addMovementRow(acc, r), emptyMovementTally());
      assert.deepEqual(mergeMovementTallies(a, b), whole);
    }),
    { numRuns: 200 },
  );
});

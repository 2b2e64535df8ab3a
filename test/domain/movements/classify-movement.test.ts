/** Each movement kind on constructed households, on both lists. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  classifyHouseholdMovements,
  classifyListMovement,
  LIST_MEMBERSHIP_FLAG_LABELS_VI,
  MOVEMENT_CODE_INFO,
  MOVEMENT_CODES,
  MovementInputError,
  movementCodesOfList,
  movementRules,
  priorListMembership,
  type HouseholdListChange,
  type MovementCode,
} from '../../../src/domain/movements/index.ts';

function both(change: HouseholdListChange): [MovementCode | null, MovementCode | null] {
  const m = classifyHouseholdMovements(change);
  return [m.poor.movement, m.nearPoor.movement];
}

test('poor list decreases: to near-poor, above the near-poor line, other (moved, dissolved, deceased)', () => {
  assert.deepEqual(both({ previous: 'poor', current: 'near_poor' }), ['poor_out_to_near_poor', 'near_poor_in_from_poor']);
  assert.deepEqual(both({ previous: 'poor', current: 'none' }), ['poor_out_above_near_poor', null]);
  for (const exitReason of ['moved_away', 'dissolved', 'deceased'] as const) {
    assert.deepEqual(both({ previous: 'poor', current: 'poor', exitReason }), ['poor_out_other', null], exitReason);
  }
});

test('poor list increases: from near-poor, relapse, new, other (moved in)', () => {
  assert.deepEqual(both({ previous: 'near_poor', current: 'poor' }), ['poor_in_from_near_poor', 'near_poor_out_to_poor']);
  assert.deepEqual(both({ previous: 'none', current: 'poor', wasPoorBefore: true }), ['poor_in_relapse', null]);
  assert.deepEqual(both({ previous: 'none', current: 'poor' }), ['poor_in_new', null]);
  assert.deepEqual(both({ previous: 'none', current: 'poor', entryReason: 'moved_in', wasPoorBefore: true }), ['poor_in_other', null]);
  assert.deepEqual(both({ previous: 'none', current: 'poor', entryReason: 'split' }), ['poor_in_other', null]);
});

test('near-poor list: the symmetric set', () => {
  assert.deepEqual(both({ previous: 'near_poor', current: 'none' }), [null, 'near_poor_out_above']);
  assert.deepEqual(both({ previous: 'near_poor', current: 'none', exitReason: 'moved_away' }), [null, 'near_poor_out_other']);
  assert.deepEqual(both({ previous: 'none', current: 'near_poor', wasNearPoorBefore: true }), [null, 'near_poor_in_relapse']);
  assert.deepEqual(both({ previous: 'none', current: 'near_poor' }), [null, 'near_poor_in_new']);
  assert.deepEqual(both({ previous: 'none', current: 'near_poor', entryReason: 'moved_in' }), [null, 'near_poor_in_other']);
});

test('no movement: staying on a list, staying off, leaving when on no list', () => {
  const stay = classifyHouseholdMovements({ previous: 'poor', current: 'poor' });
  assert.deepEqual([stay.poor.movement, stay.poor.flag], [null, 'continuing']);
  assert.equal(stay.nearPoor.flag, null);
  assert.deepEqual(both({ previous: 'none', current: 'none' }), [null, null]);
  assert.deepEqual(both({ previous: 'none', current: 'poor', exitReason: 'deceased' }), [null, null]);
  assert.deepEqual(both({ previous: 'none', current: 'poor', entryReason: 'moved_in', exitReason: 'moved_away' }), [null, null]);
});

test('F14/F15 flags: new, relapsed, continuing, and transfers', () => {
  assert.equal(classifyListMovement({ previous: 'none', current: 'poor' }, 'poor').flag, 'new');
  assert.equal(classifyListMovement({ previous: 'none', current: 'poor', wasPoorBefore: true }, 'poor').flag, 'relapsed');
  assert.equal(classifyListMovement({ previous: 'near_poor', current: 'near_poor' }, 'near_poor').flag, 'continuing');
  assert.equal(classifyListMovement({ previous: 'poor', current: 'near_poor' }, 'near_poor').flag, 'new');
  assert.equal(
    classifyListMovement({ previous: 'poor', current: 'near_poor' }, 'near_poor', movementRules({ listTransferFlag: 'continuing' })).flag,
    'continuing',
  );
  assert.equal(classifyListMovement({ previous: 'poor', current: 'none' }, 'poor').flag, null);
  assert.equal(LIST_MEMBERSHIP_FLAG_LABELS_VI.poor.relapsed, 'Tái nghèo');
  assert.equal(LIST_MEMBERSHIP_FLAG_LABELS_VI.near_poor.new, 'Cận nghèo mới');
});

test('open choices are rules: relapse vs transfer, former near-poor relapse, former poor re-near-poor', () => {
  const formerPoorNowFromNear: HouseholdListChange = { previous: 'near_poor', current: 'poor', wasPoorBefore: true };
  assert.equal(classifyListMovement(formerPoorNowFromNear, 'poor').movement, 'poor_in_from_near_poor');
  assert.equal(classifyListMovement(formerPoorNowFromNear, 'poor', movementRules({ relapseBeatsListTransfer: true })).movement, 'poor_in_relapse');

  const formerNear: HouseholdListChange = { previous: 'none', current: 'poor', wasNearPoorBefore: true };
  assert.equal(classifyListMovement(formerNear, 'poor').movement, 'poor_in_new');
  assert.equal(classifyListMovement(formerNear, 'poor', movementRules({ poorRelapseCountsFormerNearPoor: true })).movement, 'poor_in_relapse');

  const formerPoor: HouseholdListChange = { previous: 'none', current: 'near_poor', wasPoorBefore: true };
  assert.equal(classifyListMovement(formerPoor, 'near_poor').movement, 'near_poor_in_relapse');
  assert.equal(classifyListMovement(formerPoor, 'near_poor', movementRules({ nearPoorRelapseCountsFormerPoor: false })).movement, 'near_poor_in_new');
});

test('inconsistent input is refused in Vietnamese', () => {
  assert.throws(() => classifyHouseholdMovements({ previous: 'poor', current: 'poor', entryReason: 'moved_in' }), MovementInputError);
  assert.throws(() => classifyHouseholdMovements({ previous: 'rich' as never, current: 'poor' }), /Trạng thái đầu kỳ không hợp lệ/);
});

test('relapse lookup over the list history, with a lookback rule', () => {
  const history = [
    { year: 2019, status: 'poor' as const },
    { year: 2022, status: 'near_poor' as const },
    { year: 2023, status: 'none' as const },
    { year: 2024, status: 'none' as const },
  ];
  assert.deepEqual(priorListMembership(history, 2024), { wasPoorBefore: true, wasNearPoorBefore: true });
  assert.deepEqual(priorListMembership(history, 2024, { relapseLookbackFromYear: 2022 }), { wasPoorBefore: false, wasNearPoorBefore: true });
  assert.deepEqual(priorListMembership(history, 2022), { wasPoorBefore: true, wasNearPoorBefore: false }, 'the start list itself is not "before"');
});

test('codes: stable ids, report columns a–g, the category codes of the docs, Vietnamese labels', () => {
  assert.equal(MOVEMENT_CODES.length, 14);
  for (const list of ['poor', 'near_poor'] as const) {
    assert.deepEqual(
      movementCodesOfList(list).map((c) => MOVEMENT_CODE_INFO[c].column),
      ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
    );
  }
  assert.deepEqual(
    movementCodesOfList('poor').map((c) => MOVEMENT_CODE_INFO[c].categoryCode),
    ['P_OUT_TO_NEAR', 'P_OUT_ABOVE', 'P_OUT_OTHER', 'P_IN_FROM_NEAR', 'P_IN_RELAPSE', 'P_IN_NEW', 'P_IN_OTHER'],
  );
  assert.equal(MOVEMENT_CODE_INFO.poor_in_relapse.labelVi, 'Tái nghèo');
  assert.equal(MOVEMENT_CODE_INFO.poor_in_new.labelVi, 'Phát sinh mới (nghèo mới)');
  assert.equal(MOVEMENT_CODE_INFO.near_poor_in_relapse.labelVi, 'Tái cận nghèo');
  for (const c of MOVEMENT_CODES) {
    assert.match(c, /^[a-z_]+$/);
    assert.equal(MOVEMENT_CODE_INFO[c].direction, MOVEMENT_CODE_INFO[c].column <= 'c' ? 'decrease' : 'increase');
  }
});

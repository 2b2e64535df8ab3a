/**
 * Movements between the lists of 2026 and 2027 on constructed households: every category, computed
 * set-based from list_status, household status, residence and list history, must equal what the domain
 * gives for the same facts; grouped counting at volume equals row-by-row counting.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Database } from '../../../src/db/connect.ts';
import { openTestDatabase } from '../../helpers/database.ts';
import { insertUnitFixture } from '../../helpers/server.ts';
import { groupTally, householdMovements, movementReport } from '../../../src/db/review/movements.ts';
import { ReviewError } from '../../../src/db/review/errors.ts';
import { addMovementRow, emptyMovementTally, tallyMovementsByUnit, type MovementRow } from '../../../src/domain/movements/movement-tally.ts';
import { COMMUNE, insertHouseholds, insertListRows, OTHER_COMMUNE, scopeFor } from './fixtures.ts';

let d: Database;
let ids: Record<string, number>;

/** The facts of each constructed household as the domain sees them, per unit. */
const FACTS: Record<string, Array<MovementRow & { unit: string }>> = {
  TO_NEAR: [{ unit: COMMUNE, previous: 'poor', current: 'near_poor', persons: 3 }],
  ESCAPED: [{ unit: COMMUNE, previous: 'poor', current: 'none', persons: 3 }],
  RELAPSE: [{ unit: COMMUNE, previous: 'none', current: 'poor', wasPoorBefore: true, persons: 3 }],
  NEW: [{ unit: COMMUNE, previous: 'none', current: 'poor', persons: 3 }],
  DECEASED: [{ unit: COMMUNE, previous: 'poor', current: 'none', exitReason: 'deceased', persons: 0 }],
  MOVED: [
    { unit: COMMUNE, previous: 'near_poor', current: 'none', exitReason: 'moved_away', persons: 2 },
    { unit: OTHER_COMMUNE, previous: 'none', current: 'near_poor', entryReason: 'moved_in', persons: 2 },
  ],
  NEAR_TO_POOR: [{ unit: COMMUNE, previous: 'near_poor', current: 'poor', persons: 3 }],
  STAYS: [{ unit: COMMUNE, previous: 'poor', current: 'poor', persons: 3 }],
  NEAR_ESCAPED: [{ unit: COMMUNE, previous: 'near_poor', current: 'none', persons: 3 }],
  NEAR_RELAPSE: [{ unit: OTHER_COMMUNE, previous: 'none', current: 'near_poor', wasNearPoorBefore: true, persons: 3 }],
};

before(async () => {
  d = await openTestDatabase();
  await insertUnitFixture(d);
  ids = await insertHouseholds(d.db, [
    { code: 'TO_NEAR' },
    { code: 'ESCAPED' },
    { code: 'RELAPSE' },
    { code: 'NEW' },
    { code: 'DECEASED', status: 'deceased', statusDate: '2026-05-01', members: 0 },
    { code: 'MOVED', commune: OTHER_COMMUNE, members: 2 },
    { code: 'NEAR_TO_POOR' },
    { code: 'STAYS' },
    { code: 'NEAR_ESCAPED' },
    { code: 'NEAR_RELAPSE', commune: OTHER_COMMUNE },
    { code: 'NEVER' },
  ]);
  const y = (code: string, year: number, status: 'poor' | 'near_poor' | 'none', date?: string) => ({ householdId: ids[code]!, year, status, ...(date && { date }) });
  await insertListRows(d.db, [
    y('TO_NEAR', 2026, 'poor'),
    y('TO_NEAR', 2027, 'near_poor'),
    y('ESCAPED', 2026, 'poor'),
    y('ESCAPED', 2027, 'none', '2026-12-10'),
    y('RELAPSE', 2024, 'poor'),
    y('RELAPSE', 2025, 'none'),
    y('RELAPSE', 2027, 'poor'),
    y('NEW', 2027, 'poor'),
    y('DECEASED', 2026, 'poor'),
    y('MOVED', 2026, 'near_poor'),
    y('MOVED', 2027, 'near_poor'),
    y('NEAR_TO_POOR', 2026, 'near_poor'),
    y('NEAR_TO_POOR', 2027, 'poor'),
    y('STAYS', 2026, 'near_poor'),
    y('STAYS', 2026, 'poor', '2026-06-20'),
    y('STAYS', 2027, 'poor'),
    y('NEAR_ESCAPED', 2026, 'near_poor'),
    y('NEAR_ESCAPED', 2027, 'none'),
    y('NEAR_RELAPSE', 2023, 'near_poor'),
    y('NEAR_RELAPSE', 2027, 'near_poor'),
  ]);
  await sql`insert into household_residence (province_code, household_id, commune_code, village_code, valid_from, valid_to) values
    ('12', ${ids.MOVED}, ${COMMUNE}, 'V1', '2020-01-01', '2026-06-01'), ('12', ${ids.MOVED}, ${OTHER_COMMUNE}, null, '2026-06-01', null)`.execute(d.db);
});
after(() => d.close());

function domainTallies() {
  const rows = Object.values(FACTS).flat();
  return tallyMovementsByUnit(rows, (r) => r.unit);
}

test('the province report equals the domain tally of the same facts, per commune and in total, and balances', async () => {
  const report = await movementReport(d.db, scopeFor('province_officer'), '12', 2027);
  const expected = domainTallies();
  assert.deepEqual(report.units.map((u) => u.code), [OTHER_COMMUNE, COMMUNE]);
  for (const u of report.units) assert.deepEqual(u.tally, expected.get(u.code), u.code);
  assert.deepEqual(report.balanceProblems, []);
  const m = report.total.households.movements;
  assert.equal(m.poor_out_to_near_poor, 1);
  assert.equal(m.poor_out_above_near_poor, 1);
  assert.equal(m.poor_out_other, 1);
  assert.equal(m.poor_in_from_near_poor, 1);
  assert.equal(m.poor_in_relapse, 1);
  assert.equal(m.poor_in_new, 1);
  assert.equal(m.near_poor_out_other, 1);
  assert.equal(m.near_poor_in_other, 1);
  assert.equal(m.near_poor_in_relapse, 1);
  assert.equal(m.near_poor_out_above, 1);
  assert.equal(report.total.households.poorStart, 4, 'the latest 2026 row counts (a monthly decision moved STAYS to poor)');
  assert.deepEqual(report.communesWithoutDecision, [OTHER_COMMUNE, COMMUNE].toSorted());
});

test('per household: the domain category of each row, the detailed-list flag and the newly-escaped window', async () => {
  const page = await householdMovements(d.db, scopeFor('commune_officer'), COMMUNE, 2027, { limit: 100, asOf: '2027-02-01' });
  const byCode = new Map(page.items.map((h) => [h.code, h]));
  assert.equal(byCode.get('TO_NEAR')!.movements.poor.movement, 'poor_out_to_near_poor');
  assert.equal(byCode.get('TO_NEAR')!.movements.nearPoor.movement, 'near_poor_in_from_poor');
  assert.equal(byCode.get('RELAPSE')!.movements.poor.flag, 'relapsed');
  assert.equal(byCode.get('NEW')!.movements.poor.flag, 'new');
  assert.equal(byCode.get('STAYS')!.movements.poor.flag, 'continuing');
  assert.equal(byCode.get('DECEASED')!.exitReason, 'deceased');
  assert.equal(byCode.get('MOVED')!.movements.nearPoor.movement, 'near_poor_out_other');
  assert.ok(!byCode.has('NEVER'));
  assert.ok(!byCode.has('NEAR_RELAPSE'), 'another commune’s household');
  const escaped = byCode.get('ESCAPED')!.newlyEscaped.find((w) => w.windowId === 'ntp_program_support')!;
  assert.equal(escaped.newlyEscaped, true);
  assert.equal(escaped.escapedOn, '2026-12-10');
  assert.equal(escaped.windowEnd, '2029-12-10');
  const vbsp = byCode.get('NEAR_ESCAPED')!.newlyEscaped.find((w) => w.windowId === 'vbsp_newly_escaped_loan')!;
  assert.equal(vbsp.newlyEscaped, true);
  assert.equal(byCode.get('TO_NEAR')!.newlyEscaped.find((w) => w.windowId === 'vbsp_newly_escaped_loan')!.newlyEscaped, false);
  const first = await householdMovements(d.db, scopeFor('commune_officer'), COMMUNE, 2027, { limit: 3 });
  const rest = await householdMovements(d.db, scopeFor('commune_officer'), COMMUNE, 2027, { limit: 100, after: first.next!.after });
  assert.deepEqual([...first.items, ...rest.items].map((h) => h.householdId), page.items.map((h) => h.householdId));
});

test('units outside the scope are refused', async () => {
  await assert.rejects(movementReport(d.db, scopeFor('commune_officer', OTHER_COMMUNE), COMMUNE, 2027), (e) => e instanceof ReviewError && e.code === 'out_of_scope');
  await assert.rejects(movementReport(d.db, scopeFor('commune_officer'), '12', 2027), (e) => e instanceof ReviewError && e.code === 'out_of_scope');
  await assert.rejects(movementReport(d.db, scopeFor('province_officer', COMMUNE, '11'), '12', 2027), (e) => e instanceof ReviewError && e.code === 'out_of_scope');
});

test('grouped counting equals counting household by household', async () => {
  const row: MovementRow = { previous: 'poor', current: 'near_poor' };
  let oneByOne = emptyMovementTally();
  for (let i = 0; i < 37; i++) oneByOne = addMovementRow(oneByOne, { ...row, persons: i === 0 ? 100 : 0 });
  assert.deepEqual(groupTally(row, 37, 100), oneByOne);
  await sql`
    with hh as (
      insert into household (province_code, code, commune_code, village_code, head_name, head_name_ascii)
      select '12', 'BULK' || g, ${OTHER_COMMUNE}, 'V9', 'Chủ hộ', 'chu ho' from generate_series(1, 2000) g returning id)
    insert into list_status (province_code, household_id, list_year, status, standard_id, decision_number, decision_date, effective_from)
    select '12', id, y, 'poor', 'ND07_2021', 'x', make_date(y - 1, 12, 10), make_date(y - 1, 12, 10) from hh cross join (values (2026), (2027)) v(y)`.execute(d.db);
  const report = await movementReport(d.db, scopeFor('province_officer'), '12', 2027);
  const other = report.units.find((u) => u.code === OTHER_COMMUNE)!.tally.households;
  assert.equal(other.poorStart, 2000);
  assert.equal(other.poorEnd, 2000);
  assert.deepEqual(report.balanceProblems, []);
});

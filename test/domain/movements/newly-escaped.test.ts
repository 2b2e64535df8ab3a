/** "Newly escaped" status and its policy windows (36 months program support UNCONFIRMED, VBSP ≤ 3 years [S]). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NEWLY_ESCAPED_WINDOWS, newlyEscapedStatus, withWindowMonths, type ListExitRecord } from '../../../src/domain/movements/index.ts';

const program = NEWLY_ESCAPED_WINDOWS.ntp_program_support;
const vbsp = NEWLY_ESCAPED_WINDOWS.vbsp_newly_escaped_loan;
const escaped: ListExitRecord = { movement: 'poor_out_above_near_poor', decisionDate: '2023-01-10', decisionNumber: '12/QĐ-UBND' };

test('windows are parameters with their tags', () => {
  assert.equal(program.months, 36);
  assert.equal(program.status, 'UNCONFIRMED');
  assert.equal(vbsp.months, 36);
  assert.equal(vbsp.status, 'S');
  assert.equal(withWindowMonths(program, 24).months, 24);
  assert.throws(() => withWindowMonths(program, -1));
});

test('the window starts at the removal decision and includes its last day', () => {
  const onLastDay = newlyEscapedStatus([escaped], 'none', '2026-01-10', program);
  assert.equal(onLastDay.newlyEscaped, true);
  assert.equal(onLastDay.escapedOn, '2023-01-10');
  assert.equal(onLastDay.windowEnd, '2026-01-10');
  assert.equal(newlyEscapedStatus([escaped], 'none', '2026-01-11', program).newlyEscaped, false);
  assert.equal(newlyEscapedStatus([escaped], 'none', '2023-01-09', program).newlyEscaped, false, 'before the decision');
  assert.equal(newlyEscapedStatus([escaped], 'none', '2025-06-01', withWindowMonths(program, 24)).newlyEscaped, false);
});

test('which exits count differs by policy', () => {
  const toNear: ListExitRecord = { movement: 'poor_out_to_near_poor', decisionDate: '2024-12-20' };
  assert.equal(newlyEscapedStatus([toNear], 'near_poor', '2025-03-01', program).newlyEscaped, true, 'escaped poverty, now near-poor');
  assert.equal(newlyEscapedStatus([toNear], 'near_poor', '2025-03-01', vbsp).newlyEscaped, false, 'still on the near-poor list');
  const nearEscaped: ListExitRecord = { movement: 'near_poor_out_above', decisionDate: '2024-12-20' };
  assert.equal(newlyEscapedStatus([nearEscaped], 'none', '2025-03-01', vbsp).newlyEscaped, true, 'VBSP counts near-poor exits');
  assert.equal(newlyEscapedStatus([nearEscaped], 'none', '2025-03-01', program).newlyEscaped, false);
  const moved: ListExitRecord = { movement: 'poor_out_other', decisionDate: '2024-12-20' };
  assert.equal(newlyEscapedStatus([moved], 'none', '2025-03-01', program).newlyEscaped, false, 'moving away is not escaping');
});

test('back on the poor list ends the status; the latest escape opens the window', () => {
  assert.equal(newlyEscapedStatus([escaped], 'poor', '2024-01-01', program).newlyEscaped, false);
  const again: ListExitRecord = { movement: 'poor_out_above_near_poor', decisionDate: '2025-12-15' };
  const status = newlyEscapedStatus([again, escaped], 'none', '2027-06-01', program);
  assert.equal(status.newlyEscaped, true);
  assert.equal(status.exit, again);
  assert.equal(status.windowEnd, '2028-12-15');
  assert.equal(newlyEscapedStatus([again, escaped], 'none', '2025-01-01', program).escapedOn, '2023-01-10', 'a later decision is ignored');
});

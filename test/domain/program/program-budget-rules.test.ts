import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkAllocation, checkDisbursement, checkPlan, disbursementLag, milestoneOn } from '../../../src/domain/program/budget-rules.ts';
import { formatMillions, formatVnd, parseVnd, percentOf } from '../../../src/domain/program/money.ts';
import { DEFAULT_PROGRAM_SETTINGS } from '../../../src/domain/program/settings.ts';

const M = DEFAULT_PROGRAM_SETTINGS.disbursementMilestones;

test('allocations never exceed the plan; refusals carry the figures', () => {
  assert.equal(checkAllocation(1000n, 600n, 400n, 0n), null);
  const r = checkAllocation(1_000_000n, 600_000n, 500_000n, 0n);
  assert.equal(r?.code, 'allocation_exceeds_plan');
  assert.equal(r?.params.room, '400.000');
  assert.equal(checkAllocation(1000n, 0n, 100n, 200n)?.code, 'allocation_below_disbursed');
  fc.assert(
    fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.bigInt({ min: 0n, max: 10n ** 15n }), (plan, others, amount) => {
      const ok = checkAllocation(plan, others, amount, 0n) === null;
      assert.equal(ok, others + amount <= plan);
    }),
  );
});

test('disbursements never exceed the allocation; a plan cannot drop below its allocations', () => {
  assert.equal(checkDisbursement(100n, 60n, 40n), null);
  assert.equal(checkDisbursement(100n, 60n, 41n)?.code, 'disbursement_exceeds_allocation');
  assert.equal(checkPlan(99n, 100n)?.code, 'plan_below_allocated');
  assert.equal(checkPlan(100n, 100n), null);
});

test('the schedule: the last milestone passed sets the required share', () => {
  assert.equal(milestoneOn('2026-06-29', 2026, M), null);
  assert.equal(milestoneOn('2026-06-30', 2026, M)?.sharePercent, 40);
  assert.equal(milestoneOn('2026-10-01', 2026, M)?.sharePercent, 70);
  assert.equal(milestoneOn('2027-02-01', 2026, M)?.sharePercent, 100);
  const lag = disbursementLag(1000n, 300n, '2026-07-15', 2026, M);
  assert.deepEqual([lag.lagging, lag.sharePercent, lag.requiredPercent, lag.milestoneDate], [true, 30, 40, '2026-06-30']);
  assert.equal(disbursementLag(1000n, 450n, '2026-07-15', 2026, M).lagging, false);
  assert.equal(disbursementLag(0n, 0n, '2026-12-31', 2026, M).lagging, false);
});

test('money stays whole đồng', () => {
  assert.equal(parseVnd('1500000'), 1_500_000n);
  assert.equal(parseVnd('1.5'), null);
  assert.equal(parseVnd('-1'), null);
  assert.equal(parseVnd(2.5), null);
  assert.equal(formatVnd(1_234_567_890n), '1.234.567.890');
  assert.equal(formatMillions(1_234_560_000n), '1.234,6');
  assert.equal(percentOf(1n, 3n), 33.33);
  assert.equal(percentOf(5n, 0n), 0);
  // Beyond 2^53 the arithmetic is still exact.
  assert.equal(formatVnd(parseVnd('900719925474099300')! + 1n), '900.719.925.474.099.301');
});

/**
 * Budget invariants and the disbursement schedule, as pure checks the service runs before writing
 * (the database enforces the same invariants with triggers):
 *  - the allocations of a plan line (year, program node, fund source) never exceed its planned amount;
 *  - the disbursements of an allocation never exceed the allocated amount, and never fall below 0
 *    (a correction reverses an entry: a negative entry naming it);
 *  - a plan or allocation may not be lowered below what already depends on it.
 * Refusals carry a message key and the figures for the Vietnamese message.
 */
import { formatVnd } from './money.ts';
import type { DisbursementMilestone } from './settings.ts';

export interface BudgetRefusal {
  code: 'allocation_exceeds_plan' | 'disbursement_exceeds_allocation' | 'plan_below_allocated' | 'allocation_below_disbursed' | 'disbursement_below_zero';
  params: Record<string, string>;
}

/** Checks a new allocation amount for one unit against the plan line and the other units' allocations. */
export function checkAllocation(planned: bigint, otherUnits: bigint, amount: bigint, disbursed: bigint): BudgetRefusal | null {
  if (amount < disbursed) return { code: 'allocation_below_disbursed', params: { amount: formatVnd(amount), disbursed: formatVnd(disbursed) } };
  if (otherUnits + amount > planned) {
    const room = planned - otherUnits;
    return { code: 'allocation_exceeds_plan', params: { amount: formatVnd(amount), planned: formatVnd(planned), allocated: formatVnd(otherUnits), room: formatVnd(room > 0n ? room : 0n) } };
  }
  return null;
}

export function checkPlan(amount: bigint, allocated: bigint): BudgetRefusal | null {
  return amount < allocated ? { code: 'plan_below_allocated', params: { amount: formatVnd(amount), allocated: formatVnd(allocated) } } : null;
}

export function checkDisbursement(allocated: bigint, disbursed: bigint, amount: bigint): BudgetRefusal | null {
  if (disbursed + amount > allocated) {
    const room = allocated - disbursed;
    return { code: 'disbursement_exceeds_allocation', params: { amount: formatVnd(amount), allocated: formatVnd(allocated), disbursed: formatVnd(disbursed), room: formatVnd(room > 0n ? room : 0n) } };
  }
  return null;
}

/**
 * Checks the reversal of an entry of `amount` from an allocation that has `disbursed` in all: the total
 * must not fall below 0 (it cannot while every reversal cancels an entry still counted in the total;
 * checked all the same, as the database does).
 */
export function checkReversal(disbursed: bigint, amount: bigint): BudgetRefusal | null {
  return disbursed - amount < 0n ? { code: 'disbursement_below_zero', params: { amount: formatVnd(amount), disbursed: formatVnd(disbursed) } } : null;
}

/** The schedule's milestone in force on a date of the budget year: the last one passed (null before the first). */
export function milestoneOn(date: string, year: number, milestones: readonly DisbursementMilestone[]): (DisbursementMilestone & { date: string }) | null {
  let hit: (DisbursementMilestone & { date: string }) | null = null;
  for (const m of milestones) {
    const d = `${year}-${String(m.month).padStart(2, '0')}-${String(m.day).padStart(2, '0')}`;
    if (d <= date) hit = { ...m, date: d };
  }
  // A later budget year's milestones are all passed once the year is over.
  if (Number(date.slice(0, 4)) > year && milestones.length) {
    const m = milestones[milestones.length - 1]!;
    hit = { ...m, date: `${year}-${String(m.month).padStart(2, '0')}-${String(m.day).padStart(2, '0')}` };
  }
  return hit;
}

export interface LagCheck {
  lagging: boolean;
  /** Disbursed share of the allocation, percent. */
  sharePercent: number;
  requiredPercent: number;
  milestoneDate: string | null;
}

/** Whether a unit's disbursement lags the schedule on the date. */
export function disbursementLag(allocated: bigint, disbursed: bigint, date: string, year: number, milestones: readonly DisbursementMilestone[]): LagCheck {
  const m = milestoneOn(date, year, milestones);
  const sharePercent = allocated === 0n ? 0 : Number((disbursed * 10000n) / allocated) / 100;
  const requiredPercent = m?.sharePercent ?? 0;
  return { lagging: allocated > 0n && sharePercent < requiredPercent, sharePercent, requiredPercent, milestoneDate: m?.date ?? null };
}

/**
 * Budget: plan by program node and fund source → allocation to communes → disbursement entries, and
 * reallocation between communes with a reason. Every write checks the domain invariants under a lock
 * on the plan line (or the allocation, for a disbursement), is re-checked by the database triggers of
 * migration 0009, and writes an audit entry in the same transaction.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { recordAudit, type Actor } from '../audit.ts';
import { checkAllocation, checkDisbursement, checkPlan } from '../../domain/program/budget-rules.ts';
import { formatVnd } from '../../domain/program/money.ts';
import { ProgramError } from './errors.ts';
import { checkNode, lineAllocations, lineLabel, lineWhere, lockPlan, refuse, type PlanLineKey } from './budget-lines.ts';
import { programDb, sharedView } from './tables.ts';
import type { ProgramUnit } from './units.ts';

export type { PlanLineKey } from './budget-lines.ts';

export interface PlanInput extends PlanLineKey {
  amount: bigint;
  decisionRef?: string | null;
}

/** Sets the planned amount of a plan line of the province (never below what is already allocated). */
export async function setPlanLine(db: Kysely<DB>, actor: Actor, province: ProgramUnit, input: PlanInput): Promise<void> {
  await programDb(db).transaction().execute(async (trx) => {
    await checkNode(trx, input);
    const before = await lockPlan(trx, province.provinceCode, input);
    const allocations = await lineAllocations(trx, province.provinceCode, input);
    refuse(checkPlan(input.amount, allocations.reduce((s, a) => s + a.amount, 0n)));
    const amount = input.amount.toString();
    if (before) {
      await trx
        .updateTable('budget_plan')
        .set((eb) => ({ amount, decision_ref: input.decisionRef ?? before.decision_ref, updated_by: actor.id, updated_at: new Date(), version: eb('version', '+', 1) }))
        .where((eb) => eb.and({ province_code: province.provinceCode, ...lineWhere(input) }))
        .execute();
    } else {
      await trx.insertInto('budget_plan').values({ province_code: province.provinceCode, ...lineWhere(input), amount, decision_ref: input.decisionRef ?? null, updated_by: actor.id }).execute();
    }
    await recordAudit(sharedView(trx), actor, {
      action: 'program.plan_set',
      entity: 'budget_plan',
      entityId: lineLabel(input),
      provinceCode: province.provinceCode,
      unitCode: province.provinceCode,
      before: before ? { amount: before.amount, decisionRef: before.decision_ref } : null,
      after: { amount, decisionRef: input.decisionRef ?? before?.decision_ref ?? null },
    });
  });
}

export interface AllocationInput extends PlanLineKey {
  unitCode: string;
  amount: bigint;
  decisionRef?: string | null;
}

/** Sets one commune's allocation of a plan line: the line's allocations together never exceed the plan. */
export async function setAllocation(db: Kysely<DB>, actor: Actor, province: ProgramUnit, communes: ReadonlySet<string>, input: AllocationInput): Promise<void> {
  if (!communes.has(input.unitCode)) throw new ProgramError('program_unit_invalid', { code: input.unitCode });
  await programDb(db).transaction().execute(async (trx) => {
    const plan = await lockPlan(trx, province.provinceCode, input);
    if (!plan) throw new ProgramError('program_plan_missing', { line: lineLabel(input) });
    const allocations = await lineAllocations(trx, province.provinceCode, input);
    const own = allocations.find((a) => a.unitCode === input.unitCode);
    const others = allocations.filter((a) => a.unitCode !== input.unitCode).reduce((s, a) => s + a.amount, 0n);
    refuse(checkAllocation(BigInt(plan.amount), others, input.amount, own?.disbursed ?? 0n));
    const amount = input.amount.toString();
    if (own) {
      await trx
        .updateTable('budget_allocation')
        .set((eb) => ({ amount, decision_ref: input.decisionRef ?? own.decisionRef, updated_by: actor.id, updated_at: new Date(), version: eb('version', '+', 1) }))
        .where((eb) => eb.and({ province_code: province.provinceCode, ...lineWhere(input) }))
        .where('unit_code', '=', input.unitCode)
        .execute();
    } else {
      await trx
        .insertInto('budget_allocation')
        .values({ province_code: province.provinceCode, ...lineWhere(input), unit_code: input.unitCode, amount, decision_ref: input.decisionRef ?? null, updated_by: actor.id })
        .execute();
    }
    await recordAudit(sharedView(trx), actor, {
      action: 'program.allocation_set',
      entity: 'budget_allocation',
      entityId: `${lineLabel(input)}/${input.unitCode}`,
      provinceCode: province.provinceCode,
      unitCode: input.unitCode,
      before: own ? { amount: own.amount.toString(), decisionRef: own.decisionRef } : null,
      after: { amount, decisionRef: input.decisionRef ?? own?.decisionRef ?? null },
    });
  });
}

export interface ReallocationInput extends PlanLineKey {
  fromUnit: string;
  toUnit: string;
  amount: bigint;
  reason: string;
}

/** Moves money between two communes' allocations of one plan line; the giver keeps at least what it has disbursed. */
export async function reallocate(db: Kysely<DB>, actor: Actor, province: ProgramUnit, communes: ReadonlySet<string>, input: ReallocationInput): Promise<void> {
  for (const u of [input.fromUnit, input.toUnit]) if (!communes.has(u)) throw new ProgramError('program_unit_invalid', { code: u });
  if (input.fromUnit === input.toUnit || input.amount <= 0n) throw new ProgramError('program_amount_invalid', { field: 'amount' });
  await programDb(db).transaction().execute(async (trx) => {
    const plan = await lockPlan(trx, province.provinceCode, input);
    if (!plan) throw new ProgramError('program_plan_missing', { line: lineLabel(input) });
    const allocations = await lineAllocations(trx, province.provinceCode, input);
    const from = allocations.find((a) => a.unitCode === input.fromUnit);
    if (!from) throw new ProgramError('program_allocation_missing', { unit: input.fromUnit, line: lineLabel(input) });
    if (from.amount - input.amount < from.disbursed) {
      throw new ProgramError('program_reallocation_room', { unit: input.fromUnit, amount: formatVnd(input.amount), room: formatVnd(from.amount - from.disbursed) });
    }
    const to = allocations.find((a) => a.unitCode === input.toUnit);
    const key = { province_code: province.provinceCode, ...lineWhere(input) };
    const move = async (unit: string, amount: bigint, exists: boolean) => {
      if (exists) {
        await trx
          .updateTable('budget_allocation')
          .set((eb) => ({ amount: amount.toString(), updated_by: actor.id, updated_at: new Date(), version: eb('version', '+', 1) }))
          .where((eb) => eb.and(key))
          .where('unit_code', '=', unit)
          .execute();
      } else {
        await trx.insertInto('budget_allocation').values({ ...key, unit_code: unit, amount: amount.toString(), updated_by: actor.id }).execute();
      }
    };
    // Giver first, so the plan total never passes through a state above the plan.
    await move(input.fromUnit, from.amount - input.amount, true);
    await move(input.toUnit, (to?.amount ?? 0n) + input.amount, !!to);
    const reason = input.reason.trim();
    await trx
      .insertInto('budget_reallocation')
      .values({ ...key, from_unit: input.fromUnit, to_unit: input.toUnit, amount: input.amount.toString(), reason, created_by: actor.id })
      .execute();
    await recordAudit(sharedView(trx), actor, {
      action: 'program.reallocate',
      entity: 'budget_allocation',
      entityId: lineLabel(input),
      provinceCode: province.provinceCode,
      unitCode: province.provinceCode,
      before: { [input.fromUnit]: from.amount.toString(), [input.toUnit]: (to?.amount ?? 0n).toString() },
      after: { [input.fromUnit]: (from.amount - input.amount).toString(), [input.toUnit]: ((to?.amount ?? 0n) + input.amount).toString() },
      reason,
    });
  });
}

export interface DisbursementInput extends PlanLineKey {
  unitCode: string;
  paidOn: string;
  amount: bigint;
  documentNumber: string;
  note?: string | null;
}

/** Records a disbursement of a commune's allocation (never beyond it). Returns the entry id. */
export async function disburse(db: Kysely<DB>, actor: Actor, unit: ProgramUnit, input: DisbursementInput): Promise<number> {
  if (input.amount <= 0n) throw new ProgramError('program_amount_invalid', { field: 'amount' });
  return programDb(db).transaction().execute(async (trx) => {
    const alloc = await trx
      .selectFrom('budget_allocation')
      .select(['amount'])
      .where((eb) => eb.and({ province_code: unit.provinceCode, ...lineWhere(input) }))
      .where('unit_code', '=', input.unitCode)
      .forUpdate()
      .executeTakeFirst();
    if (!alloc) throw new ProgramError('program_allocation_missing', { unit: input.unitCode, line: lineLabel(input) });
    const done = await trx
      .selectFrom('budget_disbursement')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('amount'), eb.val('0')).as('s'))
      .where((eb) => eb.and({ province_code: unit.provinceCode, ...lineWhere(input) }))
      .where('unit_code', '=', input.unitCode)
      .executeTakeFirstOrThrow();
    refuse(checkDisbursement(BigInt(alloc.amount), BigInt(done.s), input.amount));
    const row = await trx
      .insertInto('budget_disbursement')
      .values({
        province_code: unit.provinceCode,
        ...lineWhere(input),
        unit_code: input.unitCode,
        paid_on: input.paidOn,
        amount: input.amount.toString(),
        document_number: input.documentNumber.trim(),
        note: input.note ?? null,
        created_by: actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(sharedView(trx), actor, {
      action: 'program.disburse',
      entity: 'budget_disbursement',
      entityId: row.id,
      provinceCode: unit.provinceCode,
      unitCode: input.unitCode,
      after: { line: lineLabel(input), unitCode: input.unitCode, paidOn: input.paidOn, amount: input.amount.toString(), documentNumber: input.documentNumber.trim(), note: input.note ?? null },
    });
    return row.id;
  });
}

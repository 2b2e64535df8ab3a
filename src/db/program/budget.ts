/**
 * Budget: plan by program node and fund source → allocation to communes → disbursement entries (append
 * only; a wrong one is corrected by a reversing entry), and reallocation between communes with a reason. Every write checks the domain invariants under a lock
 * on the plan line (or the allocation, for a disbursement), is re-checked by the database triggers of
 * migration 0009, and writes an audit entry in the same transaction.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { recordAudit, type Actor } from '../audit.ts';
import { scopePredicate } from '../scope-filter.ts';
import { checkAllocation, checkDisbursement, checkPlan, checkReversal } from '../../domain/program/budget-rules.ts';
import type { FundSource } from '../../domain/program/fund-sources.ts';
import { formatVnd } from '../../domain/program/money.ts';
import { ProgramError } from './errors.ts';
import { checkNode, lineAllocations, lineLabel, lineWhere, lockPlan, refuse, type PlanLineKey } from './budget-lines.ts';
import { programDb, sharedView, type ProgramDB } from './tables.ts';
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

type ProgramTrx = Transaction<ProgramDB>;

/** Locks the commune's allocation of the line (serialises its entries) and returns its amount and what is disbursed. */
async function lockAllocation(trx: ProgramTrx, provinceCode: string, k: PlanLineKey & { unitCode: string }): Promise<{ allocated: bigint; disbursed: bigint }> {
  const alloc = await trx
    .selectFrom('budget_allocation')
    .select(['amount'])
    .where((eb) => eb.and({ province_code: provinceCode, ...lineWhere(k) }))
    .where('unit_code', '=', k.unitCode)
    .forUpdate()
    .executeTakeFirst();
  if (!alloc) throw new ProgramError('program_allocation_missing', { unit: k.unitCode, line: lineLabel(k) });
  const done = await trx
    .selectFrom('budget_disbursement')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('amount'), eb.val('0')).as('s'))
    .where((eb) => eb.and({ province_code: provinceCode, ...lineWhere(k) }))
    .where('unit_code', '=', k.unitCode)
    .executeTakeFirstOrThrow();
  return { allocated: BigInt(alloc.amount), disbursed: BigInt(done.s) };
}

/** Inserts an ordinary entry (the allocation locked by the caller), never beyond the allocation. */
async function insertEntry(trx: ProgramTrx, actor: Actor, provinceCode: string, input: DisbursementInput, held: { allocated: bigint; disbursed: bigint }): Promise<number> {
  if (input.amount <= 0n) throw new ProgramError('program_amount_invalid', { field: 'amount' });
  refuse(checkDisbursement(held.allocated, held.disbursed, input.amount));
  const row = await trx
    .insertInto('budget_disbursement')
    .values({
      province_code: provinceCode,
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
  return row.id;
}

const entryAudit = (input: DisbursementInput) => ({ line: lineLabel(input), unitCode: input.unitCode, paidOn: input.paidOn, amount: input.amount.toString(), documentNumber: input.documentNumber.trim(), note: input.note ?? null });

/** Records a disbursement of a commune's allocation (never beyond it). Returns the entry id. */
export async function disburse(db: Kysely<DB>, actor: Actor, unit: ProgramUnit, input: DisbursementInput): Promise<number> {
  if (input.amount <= 0n) throw new ProgramError('program_amount_invalid', { field: 'amount' });
  return programDb(db).transaction().execute(async (trx) => {
    const id = await insertEntry(trx, actor, unit.provinceCode, input, await lockAllocation(trx, unit.provinceCode, input));
    await recordAudit(sharedView(trx), actor, {
      action: 'program.disburse',
      entity: 'budget_disbursement',
      entityId: id,
      provinceCode: unit.provinceCode,
      unitCode: input.unitCode,
      after: entryAudit(input),
    });
    return id;
  });
}

export interface CorrectionInput {
  /** The entry found wrong. */
  entryId: number;
  reason: string;
  /** The correct payment of the same line and commune, entered with the reversal (none: the entry is only cancelled). */
  replacement?: { paidOn: string; amount: bigint; documentNumber: string; note?: string | null } | null;
}

export interface CorrectionResult {
  reversalId: number;
  replacementId: number | null;
}

/**
 * Corrects a wrong disbursement entry without touching it: a reversing entry of the opposite amount,
 * naming the entry and the reason, with the entry's line, commune, payment date and document number
 * (so the figures on every date are as if the wrong entry had not been made), then, if given, the
 * correct payment as a new entry of the same line and commune. One transaction under the allocation's
 * lock, one audit entry (with the reason); an entry is corrected once, a reversal never.
 */
export async function correctDisbursement(db: Kysely<DB>, actor: Actor, scope: Scope, province: ProgramUnit, input: CorrectionInput): Promise<CorrectionResult> {
  const reason = input.reason.trim();
  if (!reason) throw new ProgramError('program_correction_reason_required', {});
  return programDb(db).transaction().execute(async (trx) => {
    const find = () =>
      trx
        .selectFrom('budget_disbursement')
        .selectAll()
        .where('province_code', '=', province.provinceCode)
        .where('id', '=', input.entryId)
        .where(scopePredicate(scope, { province: 'province_code', commune: 'unit_code' }))
        .executeTakeFirst();
    const found = await find();
    if (!found) throw new ProgramError('program_disbursement_unknown', { id: input.entryId });
    const key = { year: found.year, programCode: found.program_code, nodeCode: found.node_code, fundSource: found.fund_source as FundSource, unitCode: found.unit_code };
    const held = await lockAllocation(trx, province.provinceCode, key);
    const original = (await find())!;
    if (original.reverses_id !== null) throw new ProgramError('program_disbursement_is_reversal', { id: original.id });
    const earlier = await trx.selectFrom('budget_disbursement').select('id').where('province_code', '=', province.provinceCode).where('reverses_id', '=', original.id).executeTakeFirst();
    if (earlier) throw new ProgramError('program_disbursement_reversed', { id: original.id, by: earlier.id });
    const amount = BigInt(original.amount);
    refuse(checkReversal(held.disbursed, amount));
    const reversal = await trx
      .insertInto('budget_disbursement')
      .values({
        province_code: province.provinceCode,
        ...lineWhere(key),
        unit_code: key.unitCode,
        paid_on: original.paid_on,
        amount: (-amount).toString(),
        document_number: original.document_number,
        note: null,
        reverses_id: original.id,
        reason,
        created_by: actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const replacement = input.replacement ? { ...key, ...input.replacement } : null;
    const replacementId = replacement ? await insertEntry(trx, actor, province.provinceCode, replacement, { allocated: held.allocated, disbursed: held.disbursed - amount }) : null;
    await recordAudit(sharedView(trx), actor, {
      action: 'program.disbursement_correct',
      entity: 'budget_disbursement',
      entityId: original.id,
      provinceCode: province.provinceCode,
      unitCode: key.unitCode,
      before: entryAudit({ ...key, paidOn: original.paid_on, amount, documentNumber: original.document_number, note: original.note }),
      after: { reversalId: reversal.id, replacementId, replacement: replacement ? entryAudit(replacement) : null },
      reason,
    });
    return { reversalId: reversal.id, replacementId };
  });
}

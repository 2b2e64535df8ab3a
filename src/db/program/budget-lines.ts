/** Plan-line keys, validation and row locks shared by the budget services. */
import type { Transaction } from 'kysely';
import type { FundSource } from '../../domain/program/fund-sources.ts';
import type { BudgetRefusal } from '../../domain/program/budget-rules.ts';
import { ProgramError } from './errors.ts';
import type { ProgramDB } from './tables.ts';

export interface PlanLineKey {
  year: number;
  programCode: string;
  nodeCode: string;
  fundSource: FundSource;
}

/** The plan-line key as the budget tables' columns (filters and inserts). */
export const lineWhere = (k: PlanLineKey) => ({ year: k.year, program_code: k.programCode, node_code: k.nodeCode, fund_source: k.fundSource });

export const lineLabel = (k: PlanLineKey) => `${k.year}/${k.programCode}/${k.nodeCode}/${k.fundSource}`;

export function refuse(r: BudgetRefusal | null): void {
  if (r) throw new ProgramError(r.code, r.params);
}

/** The program node must exist, be active, and the year lie inside the program's period. */
export async function checkNode(trx: Transaction<ProgramDB>, k: PlanLineKey): Promise<void> {
  const n = await trx
    .selectFrom('program_node')
    .innerJoin('program', 'program.code', 'program_node.program_code')
    .select(['program_node.active', 'program.start_year', 'program.end_year'])
    .where('program_node.program_code', '=', k.programCode)
    .where('program_node.code', '=', k.nodeCode)
    .executeTakeFirst();
  if (!n || !n.active) throw new ProgramError('program_node_unknown', { code: `${k.programCode}/${k.nodeCode}` });
  if (k.year < n.start_year || k.year > n.end_year) throw new ProgramError('program_year_outside', { year: k.year, from: n.start_year, to: n.end_year });
}

/** Locks the plan line (serialises every allocation change of the line) and returns its amount. */
export async function lockPlan(trx: Transaction<ProgramDB>, province: string, k: PlanLineKey) {
  return trx
    .selectFrom('budget_plan')
    .selectAll()
    .where((eb) => eb.and({ province_code: province, ...lineWhere(k) }))
    .forUpdate()
    .executeTakeFirst();
}

/** Allocations of the plan line, per unit, with what each has disbursed. */
export async function lineAllocations(trx: Transaction<ProgramDB>, province: string, k: PlanLineKey) {
  const rows = await trx
    .selectFrom('budget_allocation as a')
    .select((eb) => [
      'a.unit_code',
      'a.amount',
      'a.version',
      'a.decision_ref',
      eb
        .selectFrom('budget_disbursement as d')
        .select((e) => e.fn.coalesce(e.fn.sum<string>('d.amount'), e.val('0')).as('s'))
        .whereRef('d.province_code', '=', 'a.province_code')
        .whereRef('d.year', '=', 'a.year')
        .whereRef('d.program_code', '=', 'a.program_code')
        .whereRef('d.node_code', '=', 'a.node_code')
        .whereRef('d.fund_source', '=', 'a.fund_source')
        .whereRef('d.unit_code', '=', 'a.unit_code')
        .as('disbursed'),
    ])
    .where('a.province_code', '=', province)
    .where('a.year', '=', k.year)
    .where('a.program_code', '=', k.programCode)
    .where('a.node_code', '=', k.nodeCode)
    .where('a.fund_source', '=', k.fundSource)
    .forUpdate('a')
    .execute();
  return rows.map((r) => ({ unitCode: r.unit_code, amount: BigInt(r.amount), disbursed: BigInt(r.disbursed ?? '0'), version: r.version, decisionRef: r.decision_ref }));
}

/**
 * The budget of a unit and year as the screens and reports show it: plan lines with what is allocated
 * and disbursed, each commune's allocations and progress against the disbursement schedule (lagging
 * communes), the disbursement entries (corrections as negative entries naming the entry they cancel)
 * and the reallocations. Amounts are strings of whole đồng.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { scopePredicate } from '../scope-filter.ts';
import { disbursementLag, type LagCheck } from '../../domain/program/budget-rules.ts';
import type { FundSource } from '../../domain/program/fund-sources.ts';
import { percentOf } from '../../domain/program/money.ts';
import type { DisbursementMilestone } from '../../domain/program/settings.ts';
import { readProgramSettings } from './settings.ts';
import { programDb } from './tables.ts';
import { communesOf, type ProgramUnit } from './units.ts';

export interface PlanLineView {
  programCode: string;
  nodeCode: string;
  nodeName: string;
  fundSource: FundSource;
  planned: string;
  allocated: string;
  disbursed: string;
  decisionRef: string | null;
  version: number;
}

export interface AllocationView {
  programCode: string;
  nodeCode: string;
  fundSource: FundSource;
  unitCode: string;
  amount: string;
  disbursed: string;
  decisionRef: string | null;
  version: number;
}

export interface UnitProgress extends LagCheck {
  unitCode: string;
  unitName: string;
  allocated: string;
  disbursed: string;
}

export interface DisbursementView {
  id: number;
  programCode: string;
  nodeCode: string;
  fundSource: FundSource;
  unitCode: string;
  paidOn: string;
  amount: string;
  documentNumber: string;
  note: string | null;
  /** A reversing entry: the entry it cancels (its amount is negative) and why. */
  reversesId: number | null;
  reason: string | null;
  /** An entry cancelled by a correction: the reversing entry. */
  reversedBy: number | null;
}

export interface ReallocationView {
  id: number;
  programCode: string;
  nodeCode: string;
  fundSource: FundSource;
  fromUnit: string;
  toUnit: string;
  amount: string;
  reason: string;
  createdAt: string;
}

export interface BudgetView {
  unit: ProgramUnit;
  year: number;
  asOf: string;
  lines: PlanLineView[];
  allocations: AllocationView[];
  units: UnitProgress[];
  disbursements: DisbursementView[];
  reallocations: ReallocationView[];
  totals: { planned: string; allocated: string; disbursed: string; disbursedPercent: number; allocatedPercent: number };
  milestones: DisbursementMilestone[];
  /** Communes of the province (a commune: itself), the units money can be allocated to. */
  communes: Array<{ code: string; name: string }>;
}

const big = (s: string | null | undefined) => BigInt(s ?? '0');
const lineKey = (x: { programCode: string; nodeCode: string; fundSource: string }) => `${x.programCode}/${x.nodeCode}/${x.fundSource}`;

export async function readBudget(db: Kysely<DB>, scope: Scope, unit: ProgramUnit, year: number, asOf: string): Promise<BudgetView> {
  const pdb = programDb(db);
  const settings = await readProgramSettings(db, unit.provinceCode);
  const p = unit.provinceCode;
  const onlyUnit = unit.tier === 'commune' ? unit.code : null;
  const unitFilter = (col: string) => (onlyUnit ? sql`${sql.ref(col)} = ${onlyUnit}` : sql`true`);

  const allocRows = await sql<{ program_code: string; node_code: string; fund_source: FundSource; unit_code: string; amount: string; decision_ref: string | null; version: number; disbursed: string }>`
    select a.program_code, a.node_code, a.fund_source, a.unit_code, a.amount::text as amount, a.decision_ref, a.version,
      coalesce(d.s, 0)::text as disbursed
    from budget_allocation a
    left join (
      select program_code, node_code, fund_source, unit_code, sum(amount) as s from budget_disbursement
      where province_code = ${p} and year = ${year} and paid_on <= ${asOf}::date
      group by program_code, node_code, fund_source, unit_code
    ) d using (program_code, node_code, fund_source, unit_code)
    where a.province_code = ${p} and a.year = ${year} and ${unitFilter('a.unit_code')}
      and ${scopePredicate(scope, { province: 'a.province_code', commune: 'a.unit_code' })}
    order by a.program_code, a.node_code, a.fund_source, a.unit_code`.execute(db);
  const allocations: AllocationView[] = allocRows.rows.map((r) => ({
    programCode: r.program_code,
    nodeCode: r.node_code,
    fundSource: r.fund_source,
    unitCode: r.unit_code,
    amount: r.amount,
    disbursed: r.disbursed,
    decisionRef: r.decision_ref,
    version: r.version,
  }));

  const nodes = await pdb.selectFrom('program_node').select(['program_code', 'code', 'name']).execute();
  const nodeName = new Map(nodes.map((n) => [`${n.program_code}/${n.code}`, n.name]));
  const planRows = onlyUnit
    ? []
    : await pdb
        .selectFrom('budget_plan')
        .selectAll()
        .where('province_code', '=', p)
        .where('year', '=', year)
        .where(scopePredicate(scope, { province: 'province_code' }))
        .orderBy('program_code')
        .orderBy('node_code')
        .orderBy('fund_source')
        .execute();
  const perLine = new Map<string, { allocated: bigint; disbursed: bigint }>();
  for (const a of allocations) {
    const t = perLine.get(lineKey(a)) ?? { allocated: 0n, disbursed: 0n };
    t.allocated += big(a.amount);
    t.disbursed += big(a.disbursed);
    perLine.set(lineKey(a), t);
  }
  const lines: PlanLineView[] = planRows.map((r) => {
    const k = { programCode: r.program_code, nodeCode: r.node_code, fundSource: r.fund_source };
    const t = perLine.get(lineKey(k)) ?? { allocated: 0n, disbursed: 0n };
    return {
      ...k,
      fundSource: r.fund_source as FundSource,
      nodeName: nodeName.get(`${r.program_code}/${r.node_code}`) ?? r.node_code,
      planned: big(r.amount).toString(),
      allocated: t.allocated.toString(),
      disbursed: t.disbursed.toString(),
      decisionRef: r.decision_ref,
      version: r.version,
    };
  });

  const communes = await communesOf(db, p, asOf);
  const names = new Map(communes.map((c) => [c.code, c.name]));
  if (onlyUnit) names.set(unit.code, unit.name);
  const perUnit = new Map<string, { allocated: bigint; disbursed: bigint }>();
  for (const a of allocations) {
    const t = perUnit.get(a.unitCode) ?? { allocated: 0n, disbursed: 0n };
    t.allocated += big(a.amount);
    t.disbursed += big(a.disbursed);
    perUnit.set(a.unitCode, t);
  }
  const units: UnitProgress[] = [...perUnit].map(([code, t]) => ({
    unitCode: code,
    unitName: names.get(code) ?? code,
    allocated: t.allocated.toString(),
    disbursed: t.disbursed.toString(),
    ...disbursementLag(t.allocated, t.disbursed, asOf, year, settings.disbursementMilestones),
  }));

  const dRows = await pdb
    .selectFrom('budget_disbursement')
    .selectAll()
    .where('province_code', '=', p)
    .where('year', '=', year)
    .where(scopePredicate(scope, { province: 'province_code', commune: 'unit_code' }))
    .$if(onlyUnit !== null, (q) => q.where('unit_code', '=', onlyUnit!))
    .orderBy('paid_on', 'desc')
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
  const reversedBy = new Map(dRows.flatMap((r) => (r.reverses_id === null ? [] : [[r.reverses_id, r.id] as const])));
  const disbursements: DisbursementView[] = dRows.map((r) => ({
    id: r.id,
    programCode: r.program_code,
    nodeCode: r.node_code,
    fundSource: r.fund_source as FundSource,
    unitCode: r.unit_code,
    paidOn: r.paid_on,
    amount: big(r.amount).toString(),
    documentNumber: r.document_number,
    note: r.note,
    reversesId: r.reverses_id,
    reason: r.reason,
    reversedBy: reversedBy.get(r.id) ?? null,
  }));

  const rRows = onlyUnit
    ? []
    : await pdb
        .selectFrom('budget_reallocation')
        .selectAll()
        .where('province_code', '=', p)
        .where('year', '=', year)
        .where(scopePredicate(scope, { province: 'province_code' }))
        .orderBy('id', 'desc')
        .execute();
  const reallocations: ReallocationView[] = rRows.map((r) => ({
    id: r.id,
    programCode: r.program_code,
    nodeCode: r.node_code,
    fundSource: r.fund_source as FundSource,
    fromUnit: r.from_unit,
    toUnit: r.to_unit,
    amount: big(r.amount).toString(),
    reason: r.reason,
    createdAt: new Date(r.created_at).toISOString(),
  }));

  const allocated = allocations.reduce((s, a) => s + big(a.amount), 0n);
  const disbursed = allocations.reduce((s, a) => s + big(a.disbursed), 0n);
  const planned = onlyUnit ? allocated : lines.reduce((s, l) => s + big(l.planned), 0n);
  return {
    unit,
    year,
    asOf,
    lines,
    allocations,
    units,
    disbursements,
    reallocations,
    totals: { planned: planned.toString(), allocated: allocated.toString(), disbursed: disbursed.toString(), disbursedPercent: percentOf(disbursed, allocated), allocatedPercent: percentOf(allocated, planned) },
    milestones: settings.disbursementMilestones,
    communes: onlyUnit ? [{ code: unit.code, name: unit.name }] : communes,
  };
}

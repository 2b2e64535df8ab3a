/**
 * Kysely types of the program tables (migrations 0009, 0011). Kept beside the program services and joined to
 * the shared DB type with `withTables` (programDb), so the shared schema file is not touched.
 * numeric columns arrive as strings (exact); amounts are whole đồng.
 */
import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { DB } from '../schema.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** numeric: read as a string, written as a string or number. */
type Numeric = ColumnType<string, string | number | bigint, string | number | bigint>;

export interface ProgramTable {
  code: string;
  name: string;
  name_en: string;
  start_year: number;
  end_year: number;
  legal_basis: string | null;
  editable: Generated<boolean>;
}

export interface ProgramNodeTable {
  program_code: string;
  code: string;
  parent_code: string | null;
  level: 'project' | 'subproject' | 'content';
  name: string;
  name_en: string;
  verification: Generated<string>;
  sort_order: Generated<number>;
  active: Generated<boolean>;
  updated_at: Timestamp;
}

export interface ProgramUnitStatusTable {
  province_code: string;
  unit_code: string;
  kind: string;
  valid_from: string;
  valid_to: string | null;
  decision_ref: string | null;
  recorded_by: number | null;
  recorded_at: Timestamp;
}

export interface ProgramIndicatorTable {
  province_code: string;
  code: string;
  name: string;
  unit: string;
  direction: string;
  kind: string;
  created_by: number | null;
  created_at: Timestamp;
}

export interface ProgramTargetTable {
  province_code: string;
  unit_code: string;
  indicator_code: string;
  year: number;
  target: Numeric;
  note: string | null;
  version: Generated<number>;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface ProgramOutputTable {
  province_code: string;
  unit_code: string;
  indicator_code: string;
  year: number;
  period: 'H1' | 'Y';
  value: Numeric;
  entered_by: number | null;
  entered_at: Timestamp;
}

interface PlanLineColumns {
  province_code: string;
  year: number;
  program_code: string;
  node_code: string;
  fund_source: string;
}

export interface BudgetPlanTable extends PlanLineColumns {
  amount: Numeric;
  decision_ref: string | null;
  version: Generated<number>;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface BudgetAllocationTable extends PlanLineColumns {
  unit_code: string;
  amount: Numeric;
  decision_ref: string | null;
  version: Generated<number>;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface BudgetDisbursementTable extends PlanLineColumns {
  id: Generated<number>;
  unit_code: string;
  paid_on: string;
  amount: Numeric;
  document_number: string;
  note: string | null;
  /** A reversing entry (migration 0011): the entry it cancels, with a negative amount and the reason. */
  reverses_id: ColumnType<number | null, number | null | undefined, never>;
  reason: ColumnType<string | null, string | null | undefined, never>;
  created_by: number | null;
  created_at: Timestamp;
}

export interface BudgetReallocationTable extends PlanLineColumns {
  id: Generated<number>;
  from_unit: string;
  to_unit: string;
  amount: Numeric;
  reason: string;
  created_by: number | null;
  created_at: Timestamp;
}

export interface ProgramReportTable {
  province_code: string;
  unit_code: string;
  year: number;
  period: 'H1' | 'Y';
  submitted_on: string;
  submitted_at: Timestamp;
  submitted_by: number | null;
  figures: unknown;
  note: string | null;
}

export type ProgramTables = {
  program: ProgramTable;
  program_node: ProgramNodeTable;
  program_unit_status: ProgramUnitStatusTable;
  program_indicator: ProgramIndicatorTable;
  program_target: ProgramTargetTable;
  program_output: ProgramOutputTable;
  budget_plan: BudgetPlanTable;
  budget_allocation: BudgetAllocationTable;
  budget_disbursement: BudgetDisbursementTable;
  budget_reallocation: BudgetReallocationTable;
  program_report: ProgramReportTable;
};

export type ProgramDB = DB & ProgramTables;

/** The database handle with the program tables typed. */
export function programDb(db: Kysely<DB>): Kysely<ProgramDB> {
  return db.withTables<ProgramTables>() as Kysely<ProgramDB>;
}

/** The shared-schema view of a program transaction (for recordAudit). */
export function sharedView(trx: Transaction<ProgramDB>): Transaction<DB> {
  return trx as unknown as Transaction<DB>;
}

/**
 * Everything a monitoring report and the steering-committee summary print, read once: the unit's
 * targets with their verdicts, its budget and progress, the outputs reported for the period (summed
 * over the unit's communes), and who has reported.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import type { ReportPeriod } from '../../domain/program/report-cycle.ts';
import { readBudget, type BudgetView } from './budget-read.ts';
import { readOutputs } from './outputs.ts';
import { readReportStatus, type ReportStatusView } from './reports.ts';
import { readTargets, type TargetsView } from './targets.ts';
import type { ProgramUnit } from './units.ts';

export interface ProgramReportData {
  unit: ProgramUnit;
  year: number;
  period: ReportPeriod;
  today: string;
  targets: TargetsView;
  budget: BudgetView;
  /** Output indicator → value reported for the period, summed over the unit's communes. */
  outputs: Record<string, number>;
  status: ReportStatusView;
}

export async function readProgramReport(db: Kysely<DB>, scope: Scope, unit: ProgramUnit, year: number, period: ReportPeriod, today: string): Promise<ProgramReportData> {
  const targets = await readTargets(db, scope, unit, year, today);
  const budget = await readBudget(db, scope, unit, year, today);
  const outputs: Record<string, number> = {};
  for (const o of await readOutputs(db, scope, unit, year, year)) {
    if (o.period === period) outputs[o.indicatorCode] = (outputs[o.indicatorCode] ?? 0) + o.value;
  }
  const status = await readReportStatus(db, scope, unit, year, period, today);
  return { unit, year, period, today, targets, budget, outputs, status };
}

/**
 * Monitoring reports (Circular 10/2022 cycle): a commune submits its report for a period with the
 * figures as they stand (its outputs and its budget progress); the province sees who has submitted and
 * who is late, and prints the consolidated figures.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { recordAudit, type Actor } from '../audit.ts';
import { scopePredicate } from '../scope-filter.ts';
import { periodDeadlines, submissionState, type PeriodDeadlines, type ReportPeriod, type SubmissionState } from '../../domain/program/report-cycle.ts';
import { readBudget } from './budget-read.ts';
import { readOutputs } from './outputs.ts';
import { readProgramSettings } from './settings.ts';
import { programDb, sharedView } from './tables.ts';
import { communesOf, type ProgramUnit } from './units.ts';

export interface ReportStatusRow {
  unitCode: string;
  unitName: string;
  submittedOn: string | null;
  state: SubmissionState;
}

export interface ReportStatusView {
  unit: ProgramUnit;
  deadlines: PeriodDeadlines;
  today: string;
  rows: ReportStatusRow[];
  counts: Record<SubmissionState, number>;
}

export async function readReportStatus(db: Kysely<DB>, scope: Scope, unit: ProgramUnit, year: number, period: ReportPeriod, today: string): Promise<ReportStatusView> {
  const settings = await readProgramSettings(db, unit.provinceCode);
  const deadlines = periodDeadlines(year, period, settings);
  const communes = unit.tier === 'commune' ? [{ code: unit.code, name: unit.name }] : await communesOf(db, unit.provinceCode, deadlines.communeDue < today ? deadlines.communeDue : today);
  const submitted = await programDb(db)
    .selectFrom('program_report')
    .select(['unit_code', 'submitted_on'])
    .where('province_code', '=', unit.provinceCode)
    .where('year', '=', year)
    .where('period', '=', period)
    .where(scopePredicate(scope, { province: 'province_code', commune: 'unit_code' }))
    .execute();
  const on = new Map(submitted.map((s) => [s.unit_code, s.submitted_on]));
  const rows = communes.map((c) => {
    const submittedOn = on.get(c.code) ?? null;
    return { unitCode: c.code, unitName: c.name, submittedOn, state: submissionState(submittedOn, deadlines.communeDue, today) };
  });
  const counts: Record<SubmissionState, number> = { submitted: 0, submitted_late: 0, pending: 0, late: 0 };
  for (const r of rows) counts[r.state] += 1;
  return { unit, deadlines, today, rows, counts };
}

export interface SubmittedFigures {
  outputs: Record<string, number>;
  budget: { allocated: string; disbursed: string };
}

/** A commune submits (or corrects) its report for the period; the first submission date is kept. */
export async function submitReport(db: Kysely<DB>, actor: Actor, scope: Scope, commune: ProgramUnit, year: number, period: ReportPeriod, today: string, note: string | null): Promise<{ submittedOn: string }> {
  const outputs = (await readOutputs(db, scope, commune, year, year)).filter((o) => o.period === period);
  const budget = await readBudget(db, scope, commune, year, today);
  const figures: SubmittedFigures = {
    outputs: Object.fromEntries(outputs.map((o) => [o.indicatorCode, o.value])),
    budget: { allocated: budget.totals.allocated, disbursed: budget.totals.disbursed },
  };
  return programDb(db).transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('program_report')
      .selectAll()
      .where('province_code', '=', commune.provinceCode)
      .where('unit_code', '=', commune.code)
      .where('year', '=', year)
      .where('period', '=', period)
      .forUpdate()
      .executeTakeFirst();
    const submittedOn = before?.submitted_on ?? today;
    const values = { province_code: commune.provinceCode, unit_code: commune.code, year, period, submitted_on: submittedOn, submitted_by: actor.id, figures: JSON.stringify(figures), note };
    await trx
      .insertInto('program_report')
      .values(values)
      .onConflict((oc) => oc.columns(['province_code', 'unit_code', 'year', 'period']).doUpdateSet({ figures: values.figures, note, submitted_by: actor.id, submitted_at: new Date() }))
      .execute();
    await recordAudit(sharedView(trx), actor, {
      action: before ? 'program.report_correct' : 'program.report_submit',
      entity: 'program_report',
      entityId: `${commune.code}/${year}/${period}`,
      provinceCode: commune.provinceCode,
      unitCode: commune.code,
      before: before ? before.figures : null,
      after: figures,
    });
    return { submittedOn };
  });
}

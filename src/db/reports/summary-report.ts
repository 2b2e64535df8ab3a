/**
 * A summary form (F1–F13) for a unit and list year: the summary tables read once per dimension the
 * form needs, grouped by the row units, turned into aggregates and laid out by the domain's form
 * definition. Never reads households. Layout '2025' (default): the two-tier units of the registry;
 * layout '2024': province – district – commune of before 1 July 2025 (report-layout-2024.ts).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { Scope } from '../../domain/access/scope.ts';
import { emptyAgg } from '../../domain/reports/report-agg.ts';
import { SUMMARY_FORMS, type SummaryFormId } from '../../domain/reports/forms.ts';
import { buildSummaryTable, type RowUnit } from '../../domain/reports/build-table.ts';
import type { ReportTable } from '../../domain/reports/report-table.ts';
import { groupCode } from './summary-read.ts';
import { resolveReportUnit, rowUnitNames } from './report-unit.ts';
import { formContext, readAggregates, standardNotes } from './report-aggregates.ts';
import { buildLayout2024Report } from './report-layout-2024.ts';

/** The unit layout note: rows use the 2025 (two-tier) units; earlier years are shown through the succession. */
export function layoutNote(year: number): string {
  const base = 'Đơn vị hành chính theo bố cục năm 2025 (hai cấp: tỉnh – xã).';
  return year <= 2025
    ? `${base} Số liệu năm ${year} (trước sắp xếp ngày 01/7/2025) được trình bày theo đơn vị mới qua liên kết kế thừa: mỗi hộ được tính theo thôn, bản và xã mới của hộ.`
    : base;
}

export interface ReportRequest {
  form: SummaryFormId;
  year: number;
  /** '' nation, province, commune or 'COMMUNE:VILLAGE' (2025 layout); province, district or commune code (2024 layout). */
  unit: string;
  /** Unit layout of the rows; '2025' when absent. */
  layout?: '2024' | '2025';
}

export async function buildSummaryReport(db: Kysely<DB>, scope: Scope, req: ReportRequest): Promise<ReportTable> {
  if (req.layout === '2024') return buildLayout2024Report(db, scope, req);
  const unit = await resolveReportUnit(db, scope, req.unit);
  const read = { unit: unit.summary, groupBy: unit.groupBy };
  const aggs = await readAggregates(db, scope, req.form, req.year, [read], (k) => groupCode(k, unit.groupBy));
  const names = await rowUnitNames(db, unit, req.year);
  const codes = [...new Set([...names.keys(), ...aggs.keys()])].toSorted();
  const units: RowUnit[] = codes.map((code) => ({
    code,
    name: names.get(code) ?? (code === '' ? 'Chưa xác định thôn, bản' : code),
    agg: aggs.get(code) ?? emptyAgg(),
  }));
  return buildSummaryTable(SUMMARY_FORMS[req.form], formContext(req.year, aggs.values()), units, {
    subtitle: `Năm ${req.year} — ${[unit.name, ...unit.parents.toReversed()].join(', ')}`,
    year: req.year,
    unit: { code: unit.code, name: unit.name, tier: unit.tier },
    issuer: unit.issuer,
    layout: '2025',
    layoutNote: layoutNote(req.year),
    rowHeader: unit.rowHeader,
    notes: standardNotes(req.year),
  });
}

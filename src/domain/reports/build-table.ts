/**
 * A summary form's table from the aggregates of its row units: one row (or a Hộ / Nhân khẩu pair) per
 * unit, numbered, then the total row computed from the merged aggregate (counts = Σ rows, rates from
 * the totals).
 */
import { emptyAgg, mergeAgg, type ReportAgg } from './report-agg.ts';
import { BREAKDOWN_LABELS, type Breakdown, type FormContext, type SummaryFormDefinition } from './forms.ts';
import type { ReportRow, ReportTable } from './report-table.ts';

export interface RowUnit {
  code: string;
  name: string;
  agg: ReportAgg;
}

export type TableMeta = Omit<ReportTable, 'formId' | 'title' | 'breakdown' | 'columns' | 'rows' | 'notes'> & { notes?: string[] };

const BREAKDOWNS: readonly Breakdown[] = ['households', 'persons'];

export function buildSummaryTable(form: SummaryFormDefinition, ctx: FormContext, units: readonly RowUnit[], meta: TableMeta): ReportTable {
  const rows: ReportRow[] = [];
  const kinds: readonly Breakdown[] = form.pairRows ? BREAKDOWNS : ['households'];
  units.forEach((u, i) => {
    kinds.forEach((b, j) => {
      rows.push({
        no: j === 0 ? i + 1 : null,
        label: u.name,
        code: u.code,
        ...(form.pairRows ? { breakdown: BREAKDOWN_LABELS[b] } : {}),
        values: form.values(u.agg, ctx, b),
      });
    });
  });
  const total = units.reduce((acc, u) => mergeAgg(acc, u.agg), emptyAgg());
  for (const b of kinds) {
    rows.push({ no: null, label: 'Tổng cộng', code: '', total: true, ...(form.pairRows ? { breakdown: BREAKDOWN_LABELS[b] } : {}), values: form.values(total, ctx, b) });
  }
  const { notes, ...rest } = meta;
  return {
    ...rest,
    formId: form.id,
    title: form.title,
    breakdown: form.pairRows,
    columns: form.columns(ctx),
    rows,
    notes: [meta.layoutNote, ...form.notes(ctx), ...(notes ?? [])],
  };
}

/**
 * A summary form's table from the aggregates of its row units: one row (or a Hộ / Nhân khẩu pair) per
 * unit, numbered, then the total row computed from the merged aggregate (counts = Σ rows, rates from
 * the totals). Units may be grouped under higher units (a district above its communes): each group
 * opens with its subtotal row (Roman-numbered, the merge of its units), and the units are numbered
 * within the group; the total is still the merge of the units, never of the subtotals.
 */
import { emptyAgg, mergeAgg, type ReportAgg } from './report-agg.ts';
import { BREAKDOWN_LABELS, type Breakdown, type FormContext, type SummaryFormDefinition } from './forms.ts';
import type { ReportRow, ReportTable } from './report-table.ts';

export interface RowUnit {
  code: string;
  name: string;
  agg: ReportAgg;
}

/** A higher unit whose subtotal row precedes its units. */
export interface RowGroup {
  code: string;
  name: string;
  units: RowUnit[];
}

export type TableMeta = Omit<ReportTable, 'formId' | 'title' | 'breakdown' | 'columns' | 'rows' | 'notes'> & { notes?: string[] };

const BREAKDOWNS: readonly Breakdown[] = ['households', 'persons'];

const ROMAN: ReadonlyArray<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];

/** 1 → I, 14 → XIV (the numbering of group rows in Vietnamese official tables). */
export function romanNumeral(n: number): string {
  let out = '';
  let rest = n;
  for (const [v, s] of ROMAN) {
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  }
  return out;
}

const mergeAll = (units: readonly RowUnit[]) => units.reduce((acc, u) => mergeAgg(acc, u.agg), emptyAgg());

export function buildSummaryTable(form: SummaryFormDefinition, ctx: FormContext, units: readonly RowUnit[] | readonly RowGroup[], meta: TableMeta): ReportTable {
  const rows: ReportRow[] = [];
  const kinds: readonly Breakdown[] = form.pairRows ? BREAKDOWNS : ['households'];
  const breakdown = (b: Breakdown) => (form.pairRows ? { breakdown: BREAKDOWN_LABELS[b] } : {});
  const unitRows = (list: readonly RowUnit[]) =>
    list.forEach((u, i) => {
      kinds.forEach((b, j) => rows.push({ no: j === 0 ? i + 1 : null, label: u.name, code: u.code, ...breakdown(b), values: form.values(u.agg, ctx, b) }));
    });
  const groups = units.length > 0 && 'units' in units[0]! ? (units as readonly RowGroup[]) : null;
  let all: readonly RowUnit[];
  if (groups) {
    groups.forEach((g, i) => {
      const sub = mergeAll(g.units);
      kinds.forEach((b, j) => rows.push({ no: j === 0 ? romanNumeral(i + 1) : null, label: g.name, code: g.code, subtotal: true, ...breakdown(b), values: form.values(sub, ctx, b) }));
      unitRows(g.units);
    });
    all = groups.flatMap((g) => g.units);
  } else {
    all = units as readonly RowUnit[];
    unitRows(all);
  }
  const total = mergeAll(all);
  for (const b of kinds) rows.push({ no: null, label: 'Tổng cộng', code: '', total: true, ...breakdown(b), values: form.values(total, ctx, b) });
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

/** A report's column tree as antd Table columns (nested children give the merged multi-level header). */
import type { TableColumnsType } from 'antd';
import type { CellValue, ColumnNode, ReportRow, ReportTable } from '../../domain/reports/report-table.ts';

function format(v: CellValue, kind: ColumnNode['kind'], locale: string): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'number' && kind !== 'text' ? v.toLocaleString(locale === 'en' ? 'en-GB' : 'vi-VN') : String(v);
}

function toColumn(n: ColumnNode, locale: string): TableColumnsType<ReportRow>[number] {
  if (n.children && n.children.length > 0) return { title: n.title, align: 'center', children: n.children.map((c) => toColumn(c, locale)) };
  return {
    title: n.title,
    key: n.key,
    align: n.kind === 'text' ? 'center' : 'right',
    width: n.kind === 'text' ? 90 : 100,
    render: (_: unknown, r: ReportRow) => format(r.values[n.key!] ?? null, n.kind, locale),
    // The raw value and the column's kind on the cell, for checks that must not parse formatted numbers.
    onCell: (r: ReportRow) => ({ 'data-col': n.key, 'data-kind': n.kind ?? 'count', 'data-value': String(r.values[n.key!] ?? '') }) as React.HTMLAttributes<HTMLElement>,
  };
}

export function reportColumns(t: ReportTable, locale: string, labels: { no: string; breakdown: string }): TableColumnsType<ReportRow> {
  const fixed: TableColumnsType<ReportRow> = [
    { title: labels.no, key: '__no', width: 56, align: 'center', fixed: 'left', render: (_: unknown, r: ReportRow) => r.no ?? '' },
    { title: t.rowHeader, key: '__label', width: 200, fixed: 'left', render: (_: unknown, r: ReportRow) => (r.total || r.subtotal ? <b>{r.label}</b> : r.label) },
  ];
  if (t.breakdown) fixed.push({ title: labels.breakdown, key: '__breakdown', width: 90, fixed: 'left', render: (_: unknown, r: ReportRow) => r.breakdown ?? '' });
  return [...fixed, ...t.columns.map((c) => toColumn(c, locale))];
}

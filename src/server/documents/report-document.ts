/** A report table as a printable landscape A4 document (rendered to PDF by Chromium): letterhead, title, merged multi-level header, rows, totals, notes, signature. */
import { fixedColumns, headerGrid, leafColumns, rowCells, type CellValue, type ReportTable } from '../../domain/reports/report-table.ts';
import { documentPage, letterhead, signatureBlock } from './document-shell.ts';
import { html, type SafeHtml } from './html.ts';
import { NATIONAL_MOTTO, NATIONAL_NAME } from './labels.ts';
import { upperVi } from './unit-names.ts';

/** Counts and rates in Vietnamese notation (1.234; 12,5); words, codes and years as they are. */
function formatCell(v: CellValue, numeric: boolean): string {
  return typeof v === 'number' && numeric ? v.toLocaleString('vi-VN') : String(v ?? '');
}

export function reportTableHtml(t: ReportTable): SafeHtml {
  const grid = headerGrid(t);
  const headRows = Array.from({ length: grid.rows }, (_, r) =>
    html`<tr>${grid.cells.filter((c) => c.row === r).map((c) => html`<th${c.colSpan > 1 ? html` colspan="${c.colSpan}"` : ''}${c.rowSpan > 1 ? html` rowspan="${c.rowSpan}"` : ''}>${c.title}</th>`)}</tr>`,
  );
  const numbers = html`<tr class="numbers">${Array.from({ length: grid.cols }, (_, i) => html`<th>(${i + 1})</th>`)}</tr>`;
  const numeric = [...fixedColumns(t).map(() => false), ...leafColumns(t.columns).map((c) => c.kind !== 'text')];
  const body = t.rows.map(
    (r) => html`<tr class="${r.total || r.subtotal ? 'totals' : ''}">${rowCells(t, r).map((v, i) => html`<td class="${i === 1 ? '' : numeric[i] ? 'right' : 'center'}">${formatCell(v, numeric[i]!)}</td>`)}</tr>`,
  );
  return html`<table class="grid"><thead>${headRows}${numbers}</thead><tbody>${body}</tbody></table>`;
}

export function reportHtml(t: ReportTable, today: string): string {
  const head = t.issuer
    ? letterhead({ issuer: t.issuer, date: today })
    : html`<p class="subtitle"><b>${NATIONAL_NAME}</b><br><b>${NATIONAL_MOTTO}</b></p>`;
  const body = html`${head}
<h1>Biểu ${t.formId}. ${upperVi(t.title)}</h1>
<p class="subtitle italic">${t.subtitle}</p>
${reportTableHtml(t)}
<div class="notes"><b><i>Ghi chú:</i></b>${t.notes.map((n) => html`<div>- ${n}</div>`)}</div>
${signatureBlock({ title: t.issuer ? 'TM. UỶ BAN NHÂN DÂN' : 'THỦ TRƯỞNG ĐƠN VỊ', left: html`<b>NGƯỜI LẬP BIỂU</b><br><span class="sign-note">(Ký, ghi rõ họ tên)</span>` })}`;
  return documentPage({ title: `Biểu ${t.formId} — ${t.title}`, landscape: true, body });
}
